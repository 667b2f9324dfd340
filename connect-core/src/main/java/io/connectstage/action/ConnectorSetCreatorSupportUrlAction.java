package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code setCreatorSupportUrl}: sets the support URL of the creator; {@code null} removes it. */
@JsonTypeName("setCreatorSupportUrl")
public record ConnectorSetCreatorSupportUrlAction(String creatorSupportUrl) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.creator(next.creator().withSupportUrl(creatorSupportUrl));
        return Outcome.NONE;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
