package io.connectstage.store;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.control.Either;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One sort criterion, {@code field asc|desc} on the wire ({@code sort=name desc}).
 *
 * <pre>{@code
 * Sort.parse("name desc"); // Right(Sort[field=name, ascending=false])
 * }</pre>
 */
public record Sort(SortField field, boolean ascending) {

    public Sort {
        Objects.requireNonNull(field, "field is null");
    }

    public static Sort asc(SortField field) {
        return new Sort(field, true);
    }

    public static Sort desc(SortField field) {
        return new Sort(field, false);
    }

    /** A {@code sort} query parameter: a field and an optional {@code asc} (the default) or {@code desc}. */
    public static Either<ConnectError, Sort> parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length < 1 || parts.length > 2 || parts[0].isEmpty()) {
            return Either.left(ConnectError.invalidQueryParam("sort", "'" + text + "' is not of the form '<field> asc|desc'"));
        }
        java.util.Optional<SortField> named = SortField.fromWire(parts[0]);
        if (named.isEmpty()) {
            return Either.left(ConnectError.invalidQueryParam("sort", "cannot sort by '" + parts[0] + "', expected one of "
                    + java.util.Arrays.stream(SortField.values()).map(SortField::wireValue).collect(
                            java.util.stream.Collectors.joining(", ", "[", "]"))));
        }
        SortField field = named.get();
        if (parts.length == 1) {
            return Either.right(asc(field));
        }
        return switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "asc" -> Either.right(asc(field));
            case "desc" -> Either.right(desc(field));
            default -> Either.left(ConnectError.invalidQueryParam("sort", "direction '" + parts[1]
                    + "' is neither asc nor desc"));
        };
    }

    /** The order this criterion gives. */
    public Comparator<ConnectorStaged> comparator() {
        return ascending ? field.ascending() : field.ascending().reversed();
    }

    /** The order this criterion gives to published Connectors. */
    public Comparator<Connector> connectorComparator() {
        Comparator<Connector> ascendingOrder = field.connectorAscending();
        if (ascendingOrder == null) {
            return (a, b) -> 0;
        }
        return ascending ? ascendingOrder : ascendingOrder.reversed();
    }

    /**
     * The order of these criteria in turn, then {@code tieBreak}: for staged connectors and
     * published Connectors alike.
     */
    static <T> Comparator<T> order(java.util.List<Sort> criteria, java.util.function.Function<Sort, Comparator<T>> of,
            Comparator<T> tieBreak) {
        Comparator<T> order = null;
        for (Sort criterion : criteria) {
            if (criterion == null) {
                continue; // reported by errors(); a store that runs the query anyway is not made to throw
            }
            order = order == null ? of.apply(criterion) : order.thenComparing(of.apply(criterion));
        }
        return order == null ? tieBreak : order.thenComparing(tieBreak);
    }

    @Override
    public String toString() {
        return field + (ascending ? " asc" : " desc");
    }
}
