package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.vavr.collection.Seq;

/** {@code unlist}: removes a certified and listed Connector from listings; deployed instances are untouched. */
@JsonTypeName("unlist")
public record ConnectorUnlistAction() implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        return Outcome.moved(next, ConnectorLifecycle.unlist(next.build()));
    }
}
