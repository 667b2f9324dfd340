package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setCreatorTitle}: sets the title of the creator; {@code null} removes it. */
@JsonTypeName("setCreatorTitle")
public record ConnectorSetCreatorTitleAction(String creatorTitle) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Either.right(current.withCreator(current.creator().withTitle(creatorTitle)));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
