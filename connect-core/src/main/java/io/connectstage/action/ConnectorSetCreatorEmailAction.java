package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;

/** {@code setCreatorEmail}: sets the contact email of the creator, which a creator must have. */
@JsonTypeName("setCreatorEmail")
public record ConnectorSetCreatorEmailAction(String creatorEmail) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = FieldRules.required("creatorEmail", creatorEmail);
        if (errors.isEmpty()) {
            next.creator(next.creator().withEmail(creatorEmail));
        }
        return errors;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
