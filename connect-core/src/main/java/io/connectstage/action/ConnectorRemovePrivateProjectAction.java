package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Lists;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code removePrivateProject}: takes a project's access to a private Connector away. A project that is not listed is a {@code FieldValueNotFound}; a Connector that is not private answers {@code ConnectorStagedNotPrivate}. */
@JsonTypeName("removePrivateProject")
public record ConnectorRemovePrivateProjectAction(String privateProject) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        Seq<ConnectError> errors = Outcome.privateProjectErrors(current, privateProject);
        if (!errors.isEmpty()) {
            return Either.left(errors);
        }
        if (!current.privateProjects().contains(privateProject)) {
            return Outcome.fail(ConnectError.fieldValueNotFound("privateProjects", privateProject));
        }
        return Either.right(current.withPrivateProjects(Lists.without(current.privateProjects(), privateProject)));
    }
}
