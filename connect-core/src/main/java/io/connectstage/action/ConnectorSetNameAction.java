package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;

/** {@code setName}: sets the name of the Connector (required). */
@JsonTypeName("setName")
public record ConnectorSetNameAction(String name) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = FieldRules.required("name", name);
        if (errors.isEmpty()) {
            next.name(name);
        }
        return errors;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
