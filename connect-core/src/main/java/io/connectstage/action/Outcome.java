package io.connectstage.action;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
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

    static Either<Seq<ConnectError>, ConnectorStaged> fail(ConnectError error) {
        return Either.left(io.vavr.collection.List.of(error));
    }
}
