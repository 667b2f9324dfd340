package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code setCreatorTitle}: sets the title of the creator; {@code null} removes it. */
@JsonTypeName("setCreatorTitle")
public record ConnectorSetCreatorTitleAction(String creatorTitle) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.creator(next.creator().withTitle(creatorTitle));
        return Outcome.NONE;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
