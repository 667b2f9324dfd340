package io.connectstage.store;

import io.connectstage.deployment.DeploymentLog;
import java.util.List;

/**
 * What a Deployment write carries besides the Deployment, all stored in that one atomic write:
 * work to enqueue, the claim it completes (or {@code null}), and log entries to append. Work is
 * stored as given, its lease and attempts too (a build enqueues the {@link WorkKind#RUN} item
 * already claimed by the processor that started the applications), and replaces a stored item with
 * the same id.
 *
 * <pre>{@code
 * store.replace("my-project", deploying, queued.version(),
 *     DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.BUILD, "my-project", deploying))
 *         .completing(claimed).logging(lines));
 * }</pre>
 */
public record DeploymentWrite(List<Work> enqueue, Work completes, List<DeploymentLog> logs) {

    /** Nothing besides the Deployment. */
    public static final DeploymentWrite NONE = new DeploymentWrite(List.of(), null, List.of());

    public DeploymentWrite {
        enqueue = enqueue == null ? List.of() : List.copyOf(enqueue);
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    /** A write that enqueues this work. */
    public static DeploymentWrite enqueueing(Work... work) {
        return new DeploymentWrite(List.of(work), null, List.of());
    }

    /** This write, also completing {@code claimed}. */
    public DeploymentWrite completing(Work claimed) {
        return new DeploymentWrite(enqueue, claimed, logs);
    }

    /** This write, also appending these log entries. */
    public DeploymentWrite logging(List<DeploymentLog> entries) {
        return new DeploymentWrite(enqueue, completes, entries);
    }
}
