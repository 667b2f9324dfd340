package io.connectstage.cli;

import io.connectstage.processing.DeploymentRunner;
import io.connectstage.runner.ProcessDeploymentRunner;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code serve --run-apps}: the runner that builds and runs Deployments' applications on this
 * machine ({@link ProcessDeploymentRunner}), running only the repositories mirrored by
 * {@code --repo-mirror} or matched by {@code --run-allow}.
 */
final class RunnerOption {
    private RunnerOption() {
    }

    /**
     * @throws IllegalStateException when it cannot run applications here (no {@code node} on the PATH)
     */
    static DeploymentRunner build(Supplier<URI> serverBase, Path workDirectory, Map<String, Path> mirrors, List<String> allow,
            int maxApplications) {
        return ProcessDeploymentRunner.builder().serverBase(serverBase).workDirectory(workDirectory).mirrors(mirrors)
                .allow(allow).maxApplications(maxApplications).build();
    }
}
