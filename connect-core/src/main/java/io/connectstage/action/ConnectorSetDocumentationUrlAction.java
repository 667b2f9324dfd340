package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code setDocumentationUrl}: sets the documentation URL; {@code null} removes it. */
@JsonTypeName("setDocumentationUrl")
public record ConnectorSetDocumentationUrlAction(String documentationUrl) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.documentationUrl(documentationUrl);
        return Outcome.NONE;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
