package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code unlist}: removes a certified and listed Connector from listings; deployed instances are untouched. */
@JsonTypeName("unlist")
public record ConnectorUnlistAction() implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Outcome.of(ConnectorLifecycle.unlist(current));
    }
}
