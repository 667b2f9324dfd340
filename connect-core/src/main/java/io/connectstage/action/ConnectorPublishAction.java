package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.vavr.collection.Seq;

/** {@code publish}: starts publishing: status {@code Processing} until the analysis settles it; with certification, the Connector then goes to the certification desk. */
@JsonTypeName("publish")
public record ConnectorPublishAction(Boolean certification) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        if (certification == null) {
            return Outcome.fail(ConnectError.requiredField("certification"));
        }
        return Outcome.moved(next, ConnectorLifecycle.requestPublish(next.build(), certification));
    }
}
