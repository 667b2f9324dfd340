package io.connectstage.processing;

import io.connectstage.deployment.DeploymentLog;
import java.util.List;

/**
 * Where a {@link DeploymentRunner} sends the log entries of a Deployment as its build and
 * applications produce them (the processor appends them to the Deployment's logs in the store).
 * Called from the runner's threads, never with secured values in clear.
 */
@FunctionalInterface
public interface DeploymentLogSink {
    void append(List<DeploymentLog> entries);
}
