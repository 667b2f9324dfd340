package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Lists;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code removePrivateProject}: takes a project's access to a private Connector away. A project that is not listed is a {@code FieldValueNotFound}; a Connector that is not private answers {@code ConnectorStagedNotPrivate}. */
@JsonTypeName("removePrivateProject")
public record ConnectorRemovePrivateProjectAction(String privateProject) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = Outcome.privateProjectErrors(next, privateProject);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!next.privateProjects().contains(privateProject)) {
            return Outcome.fail(ConnectError.fieldValueNotFound("privateProjects", privateProject));
        }
        next.privateProjects(Lists.without(next.privateProjects(), privateProject));
        return errors;
    }
}
