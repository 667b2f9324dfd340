package io.connectstage.processing;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * How a claimed preview or publish settles, with no I/O: from the claim, the staged connector and
 * the published Connector as found, and the analysis, the write that completes the claim. A claim
 * whose connector is gone or no longer waits for it (settled already by an earlier holder), or
 * whose move the state machine refuses, only completes. A publish that succeeds without asking
 * for certification creates or replaces the published Connector in the same write: the same data
 * keeps the stored version (a settle done again counts once), other data takes the next one.
 */
final class ConnectorSettlement {
    private ConnectorSettlement() {
    }

    /** Whether the connector as found still waits for this claim's request. */
    static boolean waiting(Work work, ConnectorStaged c) {
        switch (work.kind()) {
            case PREVIEW:
                return c.isPreviewable() == IsPreviewable.PENDING;
            case PUBLISH:
                return c.status() == ConnectorStatus.PROCESSING;
            default:
                return false;
        }
    }

    /** The write that completes {@code work}, given the connector and its published Connector as found. */
    static ConnectorSettle settle(Work work, Option<ConnectorStaged> found, Option<Connector> published, Analysis analysis,
            Instant now) {
        if (found.isEmpty() || !waiting(work, found.get())) {
            return ConnectorSettle.onlyCompleting(work);
        }
        ConnectorStaged current = found.get();
        Either<ConnectError, ConnectorStaged> next = settled(work, current, analysis, now);
        if (next.isLeft()) {
            return ConnectorSettle.onlyCompleting(work);
        }
        ConnectorWrite write = ConnectorWrite.completing(work);
        if (next.get().status() == ConnectorStatus.PUBLISHED && work.kind() == WorkKind.PUBLISH) {
            write = write.publishing(publication(next.get(), published));
        }
        return new ConnectorSettle(work, next.get(), current.version(), write);
    }

    /**
     * The published Connector of a staged connector that is (about to be) published, given the one
     * stored now: {@code private} and {@code certified} as the settled publish has them, listed as it
     * says. The same data as the stored one keeps its version, so a publish done twice counts once.
     */
    static ConnectorWrite.Publish publication(ConnectorStaged c, Option<Connector> existing) {
        Connector next = existing
                .map(p -> Connector.publishedFrom(c, p.version()))
                .filter(same -> same.equals(existing.get()))
                .getOrElse(() -> Connector.publishedFrom(c, existing.map(p -> p.version() + 1).getOrElse(1L)));
        return new ConnectorWrite.Publish(next, c.alreadyListed());
    }

    private static Either<ConnectError, ConnectorStaged> settled(Work work, ConnectorStaged c, Analysis analysis,
            Instant now) {
        switch (work.kind()) {
            case PREVIEW:
                return analysis.valid()
                        ? ConnectorLifecycle.previewGranted(withSpecification(c, analysis), analysis.report(), now)
                        : ConnectorLifecycle.previewRejected(c, analysis.report(), now);
            case PUBLISH:
                return analysis.valid()
                        ? ConnectorLifecycle.publishAnalysisSucceeded(withSpecification(c, analysis), work.certification(),
                                analysis.report(), now)
                        : ConnectorLifecycle.publishFailed(c, analysis.report(), now);
            default:
                throw new IllegalStateException("no processing for " + work.kind());
        }
    }

    private static ConnectorStaged withSpecification(ConnectorStaged c, Analysis analysis) {
        return c.withConfigurations(analysis.configurations())
                .withGlobalConfiguration(analysis.globalConfiguration())
                .withApiClient(analysis.apiClient());
    }
}
