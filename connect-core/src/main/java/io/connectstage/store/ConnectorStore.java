package io.connectstage.store;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Where ConnectorStaged values live: a narrow, dumb SPI. Validation, actions and the state
 * machine stay in the core; a store only keeps values, keeps keys unique and refuses a write
 * whose expected version is not the stored one. Implementations must be safe for concurrent use.
 *
 * <p>Every store runs the contract suite {@code ConnectorStoreContract} of connect-core's
 * test-jar.
 */
public interface ConnectorStore {

    /** The connector with this id. */
    Option<ConnectorStaged> findById(String id);

    /** The connector with this key. */
    Option<ConnectorStaged> findByKey(String key);

    /**
     * Stores a new connector. {@code DuplicateField} (field {@code key}, or {@code id}) when
     * another connector has that key or id; nothing is stored then.
     */
    Either<ConnectError, ConnectorStaged> insert(ConnectorStaged connector);

    /**
     * Replaces the stored connector with the same id by {@code next}, only when the stored
     * version equals {@code expectedVersion}: else {@code ConcurrentModification} with the stored
     * version, or {@code ResourceNotFound} when there is none. The key of a connector never
     * changes.
     */
    Either<ConnectError, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion);

    /**
     * Removes the connector with this id when its version is {@code expectedVersion}, answering
     * the removed value; {@code ConcurrentModification} or {@code ResourceNotFound} otherwise.
     */
    Either<ConnectError, ConnectorStaged> delete(String id, long expectedVersion);

    /** One page of the connectors that match, in the query's order, and how many match in all. */
    QueryPage query(ConnectorQuery query);

    /**
     * Every connector whose request is still unsettled: {@code isPreviewable} {@code pending} or
     * status {@code Processing}. A processor started over a durable store picks these up, so that
     * a restart does not leave them pending for ever.
     */
    java.util.List<ConnectorStaged> awaitingProcessing();
}
