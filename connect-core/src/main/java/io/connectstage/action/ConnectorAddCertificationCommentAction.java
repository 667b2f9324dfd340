package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.CertificationInfo;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;

/** {@code addCertificationComment}: adds a comment to the certification info, signed with the caller's project key and the request time. */
@JsonTypeName("addCertificationComment")
public record ConnectorAddCertificationCommentAction(String comment) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = FieldRules.required("comment", comment);
        if (errors.isEmpty()) {
            CertificationInfo info = next.certificationInfo() == null
                    ? new CertificationInfo(java.util.List.of())
                    : next.certificationInfo();
            next.certificationInfo(info.plus(new CertificationInfoComment(context.userId(), context.now(), comment)));
        }
        return errors;
    }
}
