package io.connectstage.http;

import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fault a harness sets or clears through {@code POST /.connectstage/projects/{projectKey}/faults},
 * read from its body by {@link FaultCommandReader}, such as
 * {@code {"action":"failNextBuild","deploymentKey":"my-deployment","applicationName":"service"}}.
 * A command names its Deployment by id or key ({@link ResourceRef}), applies itself to the
 * server's {@link DeploymentFaults}, and describes what it did as the answer's JSON.
 */
sealed interface FaultCommand permits FailNextBuild, FailNextUndeploy, HoldBuilds, ReleaseBuilds, ClearFaults {
    /** The {@code action} of each command on the wire, in the order an error lists them. */
    List<String> ACTIONS = List.of(FailNextBuild.ACTION, FailNextUndeploy.ACTION, HoldBuilds.ACTION,
            ReleaseBuilds.ACTION, ClearFaults.ACTION);

    /** Its {@code action} on the wire. */
    String action();

    /** The Deployment it is about, by id or by key. */
    ResourceRef deployment();

    /** Sets or clears the fault in {@code faults}, for the Deployment of this project's space. */
    void applyTo(DeploymentFaults faults, ProjectSpace space);

    /** What was done, as answered: the action, the project and the Deployment as the body named it. */
    default Map<String, Object> answer(String projectKey) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("action", action());
        answer.put("projectKey", projectKey);
        deployment().fold(id -> answer.put("deploymentId", id), key -> answer.put("deploymentKey", key));
        return answer;
    }
}
