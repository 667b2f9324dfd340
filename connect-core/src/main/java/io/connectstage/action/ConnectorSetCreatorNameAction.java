package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setCreatorName}: sets the name of the creator; {@code null} removes it. */
@JsonTypeName("setCreatorName")
public record ConnectorSetCreatorNameAction(String creatorName) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Either.right(current.withCreator(current.creator().withName(creatorName)));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
