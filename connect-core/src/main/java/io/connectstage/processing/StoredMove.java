package io.connectstage.processing;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.store.ConnectorStore;
import io.vavr.control.Either;
import java.util.function.Function;

/**
 * A move applied to the stored connector by compare-and-set, decided again on the new state
 * whenever another change got in between: what settling a request and the certification desk
 * both do.
 */
final class StoredMove {
    private StoredMove() {
    }

    /** The stored result of {@code move}, or why there is none (the connector is gone, the move refused). */
    static Either<ConnectError, ConnectorStaged> apply(ConnectorStore store, String id,
            Function<ConnectorStaged, Either<ConnectError, ConnectorStaged>> move) {
        while (true) {
            ConnectorStaged current = store.findById(id).getOrNull();
            if (current == null) {
                return Either.left(ConnectError.resourceNotFound("id '" + id + "'"));
            }
            Either<ConnectError, ConnectorStaged> next = move.apply(current);
            if (next.isLeft()) {
                return next;
            }
            Either<ConnectError, ConnectorStaged> stored = store.replace(next.get(), current.version());
            if (stored.isRight()) {
                return stored;
            }
        }
    }
}
