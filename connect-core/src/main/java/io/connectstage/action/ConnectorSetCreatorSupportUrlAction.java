package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setCreatorSupportUrl}: sets the support URL of the creator; {@code null} removes it. */
@JsonTypeName("setCreatorSupportUrl")
public record ConnectorSetCreatorSupportUrlAction(String creatorSupportUrl) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Either.right(current.withCreator(current.creator().withSupportUrl(creatorSupportUrl)));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
