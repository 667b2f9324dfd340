package io.connectstage.processing;

import io.connectstage.connector.CertificationInfo;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.rule.FieldRules;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What commercetools staff do with a connector submitted for certification: take it up, comment,
 * approve (it is published, listed, certified and no longer private) or reject it (it fails, with
 * a report saying why). A harness plays this part to drive the certification path; every call
 * answers the changed connector or an {@link ErrorResponse}, and a call the state machine does not
 * allow changes nothing.
 */
public final class CertificationDesk {
    static final String REJECTED = "Certification rejected";

    private final ConnectorStore staged;
    private final ConnectorProcessor processor;

    public CertificationDesk(ConnectorStore staged, ConnectorProcessor processor) {
        this.staged = Objects.requireNonNull(staged, "staged is null");
        this.processor = Objects.requireNonNull(processor, "processor is null");
    }

    /** {@code ReadyForCertification → InCertification}. */
    public Either<ErrorResponse, ConnectorStaged> start(String id) {
        return change(id, c -> ConnectorLifecycle.startCertification(c, processor.now()));
    }

    /** Adds a comment of the certification team, signed with {@code userId}. */
    public Either<ErrorResponse, ConnectorStaged> comment(String id, String userId, String comment) {
        List<ConnectError> invalid = FieldRules.required("userId", userId)
                .appendAll(FieldRules.required("comment", comment)).toJavaList();
        if (!invalid.isEmpty()) {
            return Either.left(ErrorResponse.of(invalid));
        }
        return change(id, c -> {
            CertificationInfo info = c.certificationInfo() == null ? new CertificationInfo(List.of()) : c.certificationInfo();
            return Either.right(c.withCertificationInfo(info.plus(new CertificationInfoComment(userId, processor.now(),
                    comment))).withVersion(c.version() + 1).withLastModifiedAt(processor.now()));
        });
    }

    /** {@code InCertification → Published}: listed, certified, public; the production Connector is replaced. */
    public Either<ErrorResponse, ConnectorStaged> approve(String id) {
        // The production Connector in the approval's write, or, where the stores keep them apart,
        // first (saving it again changes nothing): no approval is stored without its Connector.
        // Which of the two is asked of the store the desk writes through, which may be another
        // than the processor's (a project's store paired with a server's shared published store).
        return StoredMove.apply(staged, id, c -> ConnectorLifecycle.approveCertification(c, processor.now()),
                this::publishing).mapLeft(ErrorResponse::of);
    }

    private ConnectorWrite publishing(ConnectorStaged next) {
        if (staged.publishesTo(processor.published())) {
            return processor.publishing(next);
        }
        processor.publishConnector(next);
        return ConnectorWrite.NONE;
    }

    /** {@code InCertification → Failed}, with an {@code Error} entry carrying the reason. */
    public Either<ErrorResponse, ConnectorStaged> reject(String id, String reason) {
        ConnectorReport report = new ConnectorReport(List.of(new ConnectorReportEntry(ConnectorReportEntryType.ERROR,
                REJECTED, reason, processor.now(), null)));
        return change(id, c -> ConnectorLifecycle.rejectCertification(c, report, processor.now()));
    }

    private Either<ErrorResponse, ConnectorStaged> change(String id,
            Function<ConnectorStaged, Either<ConnectError, ConnectorStaged>> move) {
        return StoredMove.apply(staged, id, move).mapLeft(ErrorResponse::of);
    }
}
