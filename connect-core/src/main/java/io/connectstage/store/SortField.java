package io.connectstage.store;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import java.util.Comparator;

/**
 * The fields a query of ConnectorStaged, or a search of Connectors, can sort by. Connectors have
 * no status, so {@code status} sorts staged connectors only.
 */
public enum SortField {
    id(Comparator.comparing(ConnectorStaged::id), Comparator.comparing(Connector::id)),
    key(Comparator.comparing(ConnectorStaged::key, Comparator.nullsLast(Comparator.naturalOrder())),
            Comparator.comparing(Connector::key, Comparator.nullsLast(Comparator.naturalOrder()))),
    name(Comparator.comparing(ConnectorStaged::name), Comparator.comparing(Connector::name)),
    version(Comparator.comparingLong(ConnectorStaged::version), Comparator.comparingLong(Connector::version)),
    status(Comparator.comparing(c -> c.status().wireValue()), null);

    private final Comparator<ConnectorStaged> ascending;
    private final Comparator<Connector> connectorAscending;

    SortField(Comparator<ConnectorStaged> ascending, Comparator<Connector> connectorAscending) {
        this.ascending = ascending;
        this.connectorAscending = connectorAscending;
    }

    /** The order of this field, smallest first; connectors without a key come last. */
    public Comparator<ConnectorStaged> ascending() {
        return ascending;
    }

    /** The same order over published Connectors; {@code null} for {@code status}. */
    public Comparator<Connector> connectorAscending() {
        return connectorAscending;
    }
}
