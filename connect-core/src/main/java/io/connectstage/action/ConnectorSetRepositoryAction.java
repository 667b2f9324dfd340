package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;

/** {@code setRepository}: points the Connector at another repository or tag. The service reloads the configurations from it. */
@JsonTypeName("setRepository")
public record ConnectorSetRepositoryAction(String url, String tag) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = FieldRules.required("url", url).appendAll(FieldRules.required("tag", tag));
        if (errors.isEmpty()) {
            next.repository(new Repository(url, tag));
        }
        return errors;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
