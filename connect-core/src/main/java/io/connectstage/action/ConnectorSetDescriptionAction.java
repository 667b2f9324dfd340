package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setDescription}: sets the description; {@code null} removes it. */
@JsonTypeName("setDescription")
public record ConnectorSetDescriptionAction(String description) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Either.right(current.withDescription(description));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
