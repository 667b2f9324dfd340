package io.connectstage.store;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import java.util.Comparator;

/**
 * The fields a query of ConnectorStaged, or a search of Connectors, can sort by. Connectors have
 * no status and no times, so {@code status}, {@code createdAt} and {@code lastModifiedAt} sort
 * staged connectors only (and Deployments, whose order is {@code DeploymentQuery#order}). A connector without a time (one read from JSON that has none) comes
 * first going up.
 */
public enum SortField {
    ID("id", Comparator.comparing(ConnectorStaged::id), Comparator.comparing(Connector::id)),
    KEY("key", Comparator.comparing(ConnectorStaged::key, Comparator.nullsLast(Comparator.naturalOrder())),
            Comparator.comparing(Connector::key, Comparator.nullsLast(Comparator.naturalOrder()))),
    NAME("name", Comparator.comparing(ConnectorStaged::name), Comparator.comparing(Connector::name)),
    VERSION("version", Comparator.comparingLong(ConnectorStaged::version), Comparator.comparingLong(Connector::version)),
    STATUS("status", Comparator.comparing(c -> c.status().wireValue()), null),
    CREATED_AT("createdAt", Comparator.comparing(ConnectorStaged::createdAt,
            Comparator.nullsFirst(Comparator.naturalOrder())), null),
    LAST_MODIFIED_AT("lastModifiedAt", Comparator.comparing(ConnectorStaged::lastModifiedAt,
            Comparator.nullsFirst(Comparator.naturalOrder())), null);

    private final String wireValue;
    private final Comparator<ConnectorStaged> ascending;
    private final Comparator<Connector> connectorAscending;

    SortField(String wireValue, Comparator<ConnectorStaged> ascending, Comparator<Connector> connectorAscending) {
        this.wireValue = wireValue;
        this.ascending = ascending;
        this.connectorAscending = connectorAscending;
    }

    /** The field as a {@code sort} query parameter names it, e.g. {@code name} or {@code createdAt}. */
    public String wireValue() {
        return wireValue;
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

    /** The same order over published Connectors; {@code null} for the fields Connectors lack. */
    public Comparator<Connector> connectorAscending() {
        return connectorAscending;
    }
}
