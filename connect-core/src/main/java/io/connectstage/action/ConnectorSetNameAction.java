package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setName}: sets the name of the Connector (required). */
@JsonTypeName("setName")
public record ConnectorSetNameAction(String name) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Outcome.unless(FieldRules.required("name", name), () -> current.withName(name));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
