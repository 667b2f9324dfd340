package io.connectstage.processing;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.Work;
import java.util.Objects;

/**
 * The write that completes a claimed preview or publish, as {@link ConnectorSettlement} decides it:
 * the connector's next value by compare-and-set on {@code expectedVersion} with what {@code write}
 * carries (the claim it completes, the published Connector), or, when {@code next} is
 * {@code null}, only the completion of the claim (there was nothing left to settle).
 */
record ConnectorSettle(Work claim, ConnectorStaged next, long expectedVersion, ConnectorWrite write) {

    ConnectorSettle {
        Objects.requireNonNull(claim, "claim is null");
        Objects.requireNonNull(write, "write is null");
    }

    /** Completes the claim and changes nothing else. */
    static ConnectorSettle onlyCompleting(Work claim) {
        return new ConnectorSettle(claim, null, -1, ConnectorWrite.completing(claim));
    }

    /** Whether this only completes the claim. */
    boolean onlyCompletes() {
        return next == null;
    }
}
