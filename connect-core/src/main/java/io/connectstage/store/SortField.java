package io.connectstage.store;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import java.util.Comparator;

/**
 * The fields a query of ConnectorStaged, or a search of Connectors, can sort by. Connectors have
 * no status, so {@code status} sorts staged connectors only.
 */
public enum SortField {
    ID(Comparator.comparing(ConnectorStaged::id), Comparator.comparing(Connector::id)),
    KEY(Comparator.comparing(ConnectorStaged::key, Comparator.nullsLast(Comparator.naturalOrder())),
            Comparator.comparing(Connector::key, Comparator.nullsLast(Comparator.naturalOrder()))),
    NAME(Comparator.comparing(ConnectorStaged::name), Comparator.comparing(Connector::name)),
    VERSION(Comparator.comparingLong(ConnectorStaged::version), Comparator.comparingLong(Connector::version)),
    STATUS(Comparator.comparing(c -> c.status().wireValue()), null);

    private final Comparator<ConnectorStaged> ascending;
    private final Comparator<Connector> connectorAscending;

    SortField(Comparator<ConnectorStaged> ascending, Comparator<Connector> connectorAscending) {
        this.ascending = ascending;
        this.connectorAscending = connectorAscending;
    }

    /** The field as a {@code sort} query parameter names it, e.g. {@code name}. */
    public String wireValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The field a {@code sort} query parameter names, if there is one. */
    public static java.util.Optional<SortField> fromWire(String value) {
        for (SortField field : values()) {
            if (field.wireValue().equals(value)) {
                return java.util.Optional.of(field);
            }
        }
        return java.util.Optional.empty();
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
