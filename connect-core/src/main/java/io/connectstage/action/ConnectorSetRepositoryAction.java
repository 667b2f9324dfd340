package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setRepository}: points the Connector at another repository or tag. The service reloads the configurations from it. */
@JsonTypeName("setRepository")
public record ConnectorSetRepositoryAction(String url, String tag) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Outcome.unless(FieldRules.required("url", url).appendAll(FieldRules.required("tag", tag)),
                () -> current.withRepository(new Repository(url, tag)));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
