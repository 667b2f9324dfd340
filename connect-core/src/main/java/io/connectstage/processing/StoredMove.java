package io.connectstage.processing;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.StoreRefusal;
import io.vavr.control.Either;
import java.util.function.Function;

/**
 * A move applied to the stored connector by compare-and-set, decided again on the new state
 * whenever another change got in between: what the certification desk does.
 */
final class StoredMove {
    private StoredMove() {
    }

    /** The stored result of {@code move}, or why there is none (the connector is gone, the move refused). */
    static Either<ConnectError, ConnectorStaged> apply(ConnectorStore store, String id,
            Function<ConnectorStaged, Either<ConnectError, ConnectorStaged>> move) {
        return apply(store, id, move, next -> ConnectorWrite.NONE);
    }

    /** {@link #apply(ConnectorStore, String, Function)}, each attempt's write carrying what {@code writeOf} makes of its result. */
    static Either<ConnectError, ConnectorStaged> apply(ConnectorStore store, String id,
            Function<ConnectorStaged, Either<ConnectError, ConnectorStaged>> move,
            Function<ConnectorStaged, ConnectorWrite> writeOf) {
        while (true) {
            ConnectorStaged current = store.findById(id).getOrNull();
            if (current == null) {
                return Either.left(ConnectError.resourceNotFound("id '" + id + "'"));
            }
            Either<ConnectError, ConnectorStaged> next = move.apply(current);
            if (next.isLeft()) {
                return next;
            }
            Either<StoreRefusal, ConnectorStaged> stored = store.replace(next.get(), current.version(),
                    writeOf.apply(next.get()));
            if (stored.isRight()) {
                return Either.right(stored.get());
            }
            if (!(stored.getLeft() instanceof StoreRefusal.VersionMismatch)) {
                return Either.left(stored.getLeft().toError());
            }
        }
    }
}
