package io.connectstage.store;

import java.util.Locale;

/** What a work item asks a processor to do; its wire spelling is how stores keep it. */
public enum WorkKind {
    /** Analyze the repository and settle a pending preview request. */
    PREVIEW,
    /** Analyze the repository and settle a publish request (parameter {@code certification}). */
    PUBLISH;

    /** The spelling a store keeps: {@code preview}, {@code publish}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this spelling. */
    public static WorkKind ofWireValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
