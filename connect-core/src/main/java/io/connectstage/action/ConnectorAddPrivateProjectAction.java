package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Lists;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code addPrivateProject}: gives a Composable Commerce Project access to a private Connector. A project listed already is a {@code DuplicateField}; a Connector that is not private answers {@code ConnectorStagedNotPrivate}. */
@JsonTypeName("addPrivateProject")
public record ConnectorAddPrivateProjectAction(String privateProject) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = Outcome.privateProjectErrors(next, privateProject);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (next.privateProjects().contains(privateProject)) {
            return Outcome.fail(ConnectError.duplicateField("privateProjects", privateProject));
        }
        next.privateProjects(Lists.append(next.privateProjects(), privateProject));
        return errors;
    }
}
