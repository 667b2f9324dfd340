package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setDocumentationUrl}: sets the documentation URL; {@code null} removes it. */
@JsonTypeName("setDocumentationUrl")
public record ConnectorSetDocumentationUrlAction(String documentationUrl) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Either.right(current.withDocumentationUrl(documentationUrl));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
