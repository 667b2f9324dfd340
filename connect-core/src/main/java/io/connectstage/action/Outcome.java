package io.connectstage.action;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.Resources;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.Supplier;

/** How an action answers: the changed connector when its checks found nothing, else the errors. */
final class Outcome {
    private Outcome() {
    }

    static Either<Seq<ConnectError>, ConnectorStaged> unless(Seq<ConnectError> errors, Supplier<ConnectorStaged> change) {
        return errors.isEmpty() ? Either.right(change.get()) : Either.left(errors);
    }

    static Either<Seq<ConnectError>, ConnectorStaged> of(Either<ConnectError, ConnectorStaged> single) {
        return single.mapLeft(io.vavr.collection.List::of);
    }

    /**
     * What stops any change of {@code privateProjects}: an identifier that breaks its pattern, or a
     * connector that is not private.
     */
    static Seq<ConnectError> privateProjectErrors(ConnectorStaged current, String project) {
        Seq<ConnectError> errors = FieldRules.projectIdentifier("privateProject", project);
        if (errors.isEmpty() && !current.isPrivate()) {
            return io.vavr.collection.List.of(ConnectError.notPrivate(Resources.describe(current)));
        }
        return errors;
    }

    static Either<Seq<ConnectError>, ConnectorStaged> fail(ConnectError error) {
        return Either.left(io.vavr.collection.List.of(error));
    }
}
