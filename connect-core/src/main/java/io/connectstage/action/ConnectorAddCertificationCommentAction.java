package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.CertificationInfo;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code addCertificationComment}: adds a comment to the certification info, signed with the caller's project key and the request time. */
@JsonTypeName("addCertificationComment")
public record ConnectorAddCertificationCommentAction(String comment) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Outcome.unless(FieldRules.required("comment", comment), () -> {
            CertificationInfo info = current.certificationInfo() == null
                    ? new CertificationInfo(java.util.List.of())
                    : current.certificationInfo();
            return current.withCertificationInfo(info.plus(new CertificationInfoComment(context.userId(), context.now(), comment)));
        });
    }
}
