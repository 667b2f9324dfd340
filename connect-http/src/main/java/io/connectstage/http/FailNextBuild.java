package io.connectstage.http;

import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import java.util.Map;
import java.util.Objects;

/** {@code failNextBuild}: the next build of one application of the Deployment fails, once. */
record FailNextBuild(ResourceRef deployment, String applicationName) implements FaultCommand {
    static final String ACTION = "failNextBuild";

    FailNextBuild {
        Objects.requireNonNull(deployment, "deployment is null");
        Objects.requireNonNull(applicationName, "applicationName is null");
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void applyTo(DeploymentFaults faults, ProjectSpace space) {
        faults.failNextBuild(space.projectKey(), deployment, applicationName);
    }

    @Override
    public Map<String, Object> answer(String projectKey) {
        Map<String, Object> answer = FaultCommand.super.answer(projectKey);
        answer.put("applicationName", applicationName);
        return answer;
    }
}
