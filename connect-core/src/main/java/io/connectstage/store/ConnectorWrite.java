package io.connectstage.store;

import io.connectstage.connector.Connector;
import java.util.List;
import java.util.Objects;

/**
 * What a connector write carries besides the staged connector, all stored in that one atomic
 * write: work to enqueue, the claim it completes (or {@code null}), and what it changes of the
 * published Connector with the same id (or {@code null}): a publish that creates or replaces it, or
 * a change of its listing only. A store keeps the publication only where it keeps published
 * Connectors with its staged ones ({@link ConnectorStore#publishesTo}).
 *
 * <pre>{@code
 * store.replace(published, processing.version(), ConnectorWrite.completing(claimed)
 *     .publishing(new ConnectorWrite.Publish(Connector.publishedFrom(published, 1), true)));
 * }</pre>
 */
public record ConnectorWrite(List<Work> enqueue, Work completes, Publication publishes) {

    /** Nothing besides the connector. */
    public static final ConnectorWrite NONE = new ConnectorWrite(List.of(), null, null);

    public ConnectorWrite {
        enqueue = enqueue == null ? List.of() : List.copyOf(enqueue);
    }

    /** A write that enqueues this work. */
    public static ConnectorWrite enqueueing(List<Work> work) {
        return new ConnectorWrite(work, null, null);
    }

    /** A write that completes {@code claimed}. */
    public static ConnectorWrite completing(Work claimed) {
        return new ConnectorWrite(List.of(), claimed, null);
    }

    /** This write, also changing the published Connector as {@code publication} says. */
    public ConnectorWrite publishing(Publication publication) {
        return new ConnectorWrite(enqueue, completes, publication);
    }

    /** What a write changes of the published Connector with the id of the staged one it writes. */
    public sealed interface Publication permits Publish, Listing {
        /** Makes this change in {@code store} to the published Connector with this id. */
        void applyTo(String id, PublishedConnectorStore store);

        /** Whether this change may go with the staged connector of this id (a published Connector has its id). */
        boolean belongsTo(String id);
    }

    /**
     * Creates or replaces the published Connector and its listing, as
     * {@link PublishedConnectorStore#save} does (an older version than the stored one changes
     * nothing). Its id is the staged connector's.
     */
    public record Publish(Connector connector, boolean listed) implements Publication {
        public Publish {
            Objects.requireNonNull(connector, "connector is null");
        }

        @Override
        public void applyTo(String id, PublishedConnectorStore store) {
            if (!belongsTo(id)) {
                throw new IllegalArgumentException("the published Connector " + connector.id() + " is not the one of " + id);
            }
            store.save(connector, listed);
        }

        @Override
        public boolean belongsTo(String id) {
            return connector.id().equals(id);
        }
    }

    /** Changes only the listing of the published Connector, if there is one, as {@link PublishedConnectorStore#setListed} does. */
    public record Listing(boolean listed) implements Publication {
        @Override
        public void applyTo(String id, PublishedConnectorStore store) {
            store.setListed(id, listed);
        }

        @Override
        public boolean belongsTo(String id) {
            return true;
        }
    }
}
