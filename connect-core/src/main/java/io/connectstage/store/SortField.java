package io.connectstage.store;

import io.connectstage.connector.ConnectorStaged;
import java.util.Comparator;

/** The fields a ConnectorStaged query can sort by. */
public enum SortField {
    id(Comparator.comparing(ConnectorStaged::id)),
    key(Comparator.comparing(ConnectorStaged::key, Comparator.nullsLast(Comparator.naturalOrder()))),
    name(Comparator.comparing(ConnectorStaged::name)),
    version(Comparator.comparingLong(ConnectorStaged::version)),
    status(Comparator.comparing(c -> c.status().wireValue()));

    private final Comparator<ConnectorStaged> ascending;

    SortField(Comparator<ConnectorStaged> ascending) {
        this.ascending = ascending;
    }

    /** The order of this field, smallest first; connectors without a key come last. */
    public Comparator<ConnectorStaged> ascending() {
        return ascending;
    }
}
