package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setCreatorEmail}: sets the contact email of the creator, which a creator must have. */
@JsonTypeName("setCreatorEmail")
public record ConnectorSetCreatorEmailAction(String creatorEmail) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Outcome.unless(FieldRules.required("creatorEmail", creatorEmail),
                () -> current.withCreator(current.creator().withEmail(creatorEmail)));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
