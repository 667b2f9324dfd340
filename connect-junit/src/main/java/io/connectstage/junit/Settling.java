package io.connectstage.junit;

import io.connectstage.http.PerProjectSpaces;
import io.connectstage.http.ProjectSpace;
import io.connectstage.http.ProjectSpaces;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Waits until the stores hold no work: the work items are written with the request that makes
 * them and removed by the write that settles them, so an empty list is the settled state itself,
 * whichever threads do the work. A build held by a fault is settled as far as a test can wait for.
 */
final class Settling {
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private Settling() {
    }

    static void await(ProjectSpaces spaces, String projectKey, Optional<DeploymentFaults> faults, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> pending = new ArrayList<>();
            for (String key : projectsOf(spaces, projectKey)) {
                ProjectSpace space = spaces.of(key);
                List<String> left = pending(space, faults);
                if (!left.isEmpty() && space.processor().isEmpty()) {
                    throw new IllegalStateException("project " + key + " has pending work and no processing: give the"
                            + " spaces an analyzer (" + left + ")");
                }
                space.processor().filter(p -> !left.isEmpty()).ifPresent(ConnectorProcessor::wake);
                pending.addAll(left);
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError("the work of the server did not settle within " + timeout + ": " + pending);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    private static Set<String> projectsOf(ProjectSpaces spaces, String projectKey) {
        if (spaces instanceof PerProjectSpaces per) {
            Set<String> met = new java.util.HashSet<>(per.projectKeys());
            met.add(projectKey);
            return met;
        }
        return Set.of(projectKey);
    }

    private static List<String> pending(ProjectSpace space, Optional<DeploymentFaults> faults) {
        List<String> pending = new ArrayList<>();
        for (Work w : space.connectors().store().work()) {
            pending.add(space.projectKey() + ": " + w.kind() + " of connector " + w.connectorId());
        }
        for (Work w : space.deployments().store().work()) {
            // a run is held for as long as the applications run: it never settles
            if (w.kind() != WorkKind.RUN && !held(space, w, faults)) {
                pending.add(space.projectKey() + ": " + w.kind() + " of Deployment " + w.connectorId());
            }
        }
        return pending;
    }

    private static boolean held(ProjectSpace space, Work w, Optional<DeploymentFaults> faults) {
        if (w.kind() != WorkKind.BUILD || faults.isEmpty()) {
            return false;
        }
        DeploymentFaults f = faults.get();
        return f.isHeld(space.projectKey(), ResourceRef.id(w.connectorId()))
                || space.deployments().store().findById(space.projectKey(), w.connectorId())
                        .map(d -> d.key() != null && f.isHeld(space.projectKey(), ResourceRef.key(d.key())))
                        .getOrElse(false);
    }
}
