package io.connectstage.store;

import io.connectstage.connector.ConnectorStaged;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * Where ConnectorStaged values and the work their requests leave live: a narrow, dumb SPI.
 * Validation, actions, the state machine and every error text stay in the core; a store keeps
 * values, keeps keys unique, refuses a write whose expected version is not the stored one, and
 * answers a refusal as a {@link StoreRefusal} (the core turns it into a Connect error).
 * Implementations must be safe for concurrent use, also between processes where they share a
 * database.
 *
 * <p>Work ({@link Work}) is stored, claimed and completed only together with connector writes
 * or by {@link #claim} ({@link WorkQueue}): a request's work is enqueued by the write that records the request, and
 * completed by the write that settles it, so that work is never lost nor done twice.
 *
 * <p>Every store runs the contract suites {@code ConnectorStoreContract} (work queue included)
 * and {@code ConcurrentUpdatesContract} of connect-testkit.
 */
public interface ConnectorStore extends WorkQueue {

    /** The connector with this id. */
    Option<ConnectorStaged> findById(String id);

    /** The connector with this key. */
    Option<ConnectorStaged> findByKey(String key);

    /**
     * Stores a new connector; {@link StoreRefusal.KeyTaken} (checked first) or
     * {@link StoreRefusal.IdTaken} when another connector has that key or id, and nothing is
     * stored then.
     */
    Either<StoreRefusal, ConnectorStaged> insert(ConnectorStaged connector);

    /** {@link #replace(ConnectorStaged, long, List, Work)} with no work to enqueue or complete. */
    default Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion) {
        return replace(next, expectedVersion, List.of(), null);
    }

    /**
     * In one atomic write: replaces the stored connector with the same id by {@code next} when
     * the stored version equals {@code expectedVersion}, enqueues {@code enqueue} (unleased), and
     * removes {@code completes} (a claim answered by {@link #claim}) when given. Refusals, in
     * this order: {@link StoreRefusal.NotFound}, {@link StoreRefusal.VersionMismatch} (with the
     * stored version), {@link StoreRefusal.KeyChanged} (the key of a connector never changes),
     * {@link StoreRefusal.WorkGone} (the store no longer holds that very claim); a refused write
     * changes nothing.
     */
    Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, List<Work> enqueue,
            Work completes);

    /**
     * Removes the connector with this id, and its work, when its version is
     * {@code expectedVersion}, answering the removed value; {@link StoreRefusal.VersionMismatch}
     * or {@link StoreRefusal.NotFound} otherwise.
     */
    Either<StoreRefusal, ConnectorStaged> delete(String id, long expectedVersion);

    /** One page of the connectors that match, in the query's order, and how many match in all. */
    QueryPage query(ConnectorQuery query);
}
