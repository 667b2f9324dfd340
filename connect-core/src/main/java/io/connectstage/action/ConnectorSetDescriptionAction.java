package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code setDescription}: sets the description; {@code null} removes it. */
@JsonTypeName("setDescription")
public record ConnectorSetDescriptionAction(String description) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.description(description);
        return Outcome.NONE;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
