package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code setCreatorName}: sets the name of the creator; {@code null} removes it. */
@JsonTypeName("setCreatorName")
public record ConnectorSetCreatorNameAction(String creatorName) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.creator(next.creator().withName(creatorName));
        return Outcome.NONE;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
