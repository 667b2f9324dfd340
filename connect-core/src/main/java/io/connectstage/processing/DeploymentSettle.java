package io.connectstage.processing;

import io.connectstage.deployment.Deployment;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * The write that completes a claimed Deployment step, as {@link DeploymentSettlement} decides it:
 * only the completion of the claim, the Deployment's next value with what its write carries, or
 * the Deployment's removal. {@link #claim()} is the claim each of them completes.
 */
sealed interface DeploymentSettle permits DeploymentSettle.Complete, DeploymentSettle.Replace, DeploymentSettle.Delete {

    /** The claim this write completes. */
    Work claim();

    /**
     * Stores this write, answering whether the store took it; a refusal of the store (the claim or
     * the version no longer held) changes nothing.
     */
    boolean storeIn(DeploymentStore store);

    /** The {@link WorkKind#RUN} claim this write enqueues (a build that started the applications), or none. */
    default Option<Work> running() {
        return Option.none();
    }

    /** Only completes the claim: there was nothing left to settle, or the move was refused. */
    record Complete(Work claim) implements DeploymentSettle {
        public Complete {
            Objects.requireNonNull(claim, "claim is null");
        }

        @Override
        public boolean storeIn(DeploymentStore store) {
            return store.complete(claim);
        }
    }

    /** Replaces the Deployment by {@code next} at {@code expectedVersion}, with what {@code write} carries (completing the claim). */
    record Replace(Deployment next, long expectedVersion, DeploymentWrite write) implements DeploymentSettle {
        public Replace {
            Objects.requireNonNull(next, "next is null");
            Objects.requireNonNull(write.completes(), "a settling write completes its claim");
        }

        @Override
        public Work claim() {
            return write.completes();
        }

        @Override
        public boolean storeIn(DeploymentStore store) {
            return store.replace(claim().projectKey(), next, expectedVersion, write).isRight();
        }

        @Override
        public Option<Work> running() {
            return Option.ofOptional(write.enqueue().stream().filter(w -> w.kind() == WorkKind.RUN).findFirst());
        }
    }

    /** Removes the Deployment (undeployed) at {@code expectedVersion}, completing the claim. */
    record Delete(String deploymentId, long expectedVersion, Work claim) implements DeploymentSettle {
        public Delete {
            Objects.requireNonNull(deploymentId, "deploymentId is null");
            Objects.requireNonNull(claim, "claim is null");
        }

        @Override
        public boolean storeIn(DeploymentStore store) {
            return store.delete(claim.projectKey(), deploymentId, expectedVersion, claim).isRight();
        }
    }
}
