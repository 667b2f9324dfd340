package io.connectstage.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * Immutable-list helpers for the value records: JSON may leave a list out, and the records hold
 * only unmodifiable lists so that a value can be shared between threads and stores.
 */
public final class Lists {
    private Lists() {
    }

    /** An unmodifiable copy, or the empty list for {@code null}. */
    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** An unmodifiable copy, or {@code null} for {@code null} (for lists the wire may omit). */
    public static <T> List<T> copyOrNull(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /**
     * An unmodifiable copy that keeps {@code null} elements, or {@code null}: for input values
     * (drafts, actions) whose elements are checked by the core rather than refused on sight.
     */
    public static <T> List<T> inputCopy(List<T> list) {
        return list == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** A new unmodifiable list: {@code list} followed by {@code element}. */
    public static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return List.copyOf(copy);
    }

    /** A new unmodifiable list: {@code list} without the elements equal to {@code element}. */
    public static <T> List<T> without(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.removeIf(element::equals);
        return List.copyOf(copy);
    }
}
