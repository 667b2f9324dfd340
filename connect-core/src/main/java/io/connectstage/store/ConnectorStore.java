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
 * completed by the write that settles it, so that work is never lost nor done twice. A store that
 * keeps published Connectors with its staged ones ({@link #publishesTo}) also creates, replaces or
 * lists the published Connector in the write that settles its publish ({@link ConnectorWrite}).
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

    /** {@link #replace(ConnectorStaged, long, ConnectorWrite)} with nothing besides the connector. */
    default Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion) {
        return replace(next, expectedVersion, ConnectorWrite.NONE);
    }

    /** {@link #replace(ConnectorStaged, long, ConnectorWrite)} enqueueing {@code enqueue} and completing {@code completes} (or {@code null}). */
    default Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, List<Work> enqueue,
            Work completes) {
        return replace(next, expectedVersion, new ConnectorWrite(enqueue, completes, null));
    }

    /**
     * In one atomic write: replaces the stored connector with the same id by {@code next} when
     * the stored version equals {@code expectedVersion}, enqueues the write's work (unleased),
     * removes the claim it completes (one answered by {@link #claim}) when given, and changes the
     * published Connector with that id as its publication says, when it has one. Refusals, in
     * this order: {@link StoreRefusal.NotFound}, {@link StoreRefusal.VersionMismatch} (with the
     * stored version), {@link StoreRefusal.KeyChanged} (the key of a connector never changes),
     * {@link StoreRefusal.WorkGone} (the store no longer holds that very claim); a refused write
     * changes nothing, and publishes nothing.
     *
     * @throws IllegalArgumentException when the write has a publication and this store keeps no
     *                                  published Connectors ({@link #publishesTo} answers {@code false} for every store)
     */
    Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, ConnectorWrite write);

    /**
     * Whether the publications of this store's writes land in {@code published}, in the same
     * atomic write as the staged change: the two keep their values together (one memory structure,
     * one database transaction). Default {@code false}: the processor then saves the published
     * Connector in a write of its own before the settle, as a store without published Connectors
     * needs.
     */
    default boolean publishesTo(PublishedConnectorStore published) {
        return false;
    }

    /**
     * Removes the connector with this id, and its work, when its version is
     * {@code expectedVersion}, answering the removed value; {@link StoreRefusal.VersionMismatch}
     * or {@link StoreRefusal.NotFound} otherwise.
     */
    Either<StoreRefusal, ConnectorStaged> delete(String id, long expectedVersion);

    /** One page of the connectors that match, in the query's order, and how many match in all. */
    QueryPage query(ConnectorQuery query);
}
