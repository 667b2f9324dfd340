package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Lists;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code addPrivateProject}: gives a Composable Commerce Project access to a private Connector. A project listed already is a {@code DuplicateField}; a Connector that is not private answers {@code ConnectorStagedNotPrivate}. */
@JsonTypeName("addPrivateProject")
public record ConnectorAddPrivateProjectAction(String privateProject) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        Seq<ConnectError> errors = Outcome.privateProjectErrors(current, privateProject);
        if (!errors.isEmpty()) {
            return Either.left(errors);
        }
        if (current.privateProjects().contains(privateProject)) {
            return Outcome.fail(ConnectError.duplicateField("privateProjects", privateProject));
        }
        return Either.right(current.withPrivateProjects(Lists.append(current.privateProjects(), privateProject)));
    }
}
