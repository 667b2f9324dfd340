package io.connectstage.testkit;

import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.vavr.control.Either;
import java.time.Instant;

/**
 * The outcomes of processing that move a connector along the status and previewable state
 * machines: the analysis of a publish request, the certification desk, the preview decision.
 * Users trigger none of these through an update action; a processor (or a test) applies them.
 *
 * <pre>{@code
 * ConnectorStaged ready = ProcessingOutcome.PUBLISH_ANALYSIS_SUCCEEDED_WITH_CERTIFICATION
 *         .applyTo(processing, Generators.reports().generate(...), now).get();
 * }</pre>
 */
public enum ProcessingOutcome {
    PUBLISH_ANALYSIS_SUCCEEDED_WITH_CERTIFICATION,
    PUBLISH_ANALYSIS_SUCCEEDED_WITHOUT_CERTIFICATION,
    PUBLISH_FAILED,
    START_CERTIFICATION,
    APPROVE_CERTIFICATION,
    REJECT_CERTIFICATION,
    PREVIEW_GRANTED,
    PREVIEW_REJECTED;

    /**
     * This outcome applied by the core's {@link ConnectorLifecycle} at {@code now}: the next state,
     * or a {@code ConcurrentModification} error when the state does not allow it.
     */
    public Either<ConnectError, ConnectorStaged> applyTo(ConnectorStaged c, ConnectorReport report, Instant now) {
        switch (this) {
            case PUBLISH_ANALYSIS_SUCCEEDED_WITH_CERTIFICATION:
                return ConnectorLifecycle.publishAnalysisSucceeded(c, true, report, now);
            case PUBLISH_ANALYSIS_SUCCEEDED_WITHOUT_CERTIFICATION:
                return ConnectorLifecycle.publishAnalysisSucceeded(c, false, report, now);
            case PUBLISH_FAILED:
                return ConnectorLifecycle.publishFailed(c, report, now);
            case START_CERTIFICATION:
                return ConnectorLifecycle.startCertification(c, now);
            case APPROVE_CERTIFICATION:
                return ConnectorLifecycle.approveCertification(c, now);
            case REJECT_CERTIFICATION:
                return ConnectorLifecycle.rejectCertification(c, report, now);
            case PREVIEW_GRANTED:
                return ConnectorLifecycle.previewGranted(c, report, now);
            case PREVIEW_REJECTED:
                return ConnectorLifecycle.previewRejected(c, report, now);
            default:
                throw new IllegalStateException("unknown outcome " + this);
        }
    }
}
