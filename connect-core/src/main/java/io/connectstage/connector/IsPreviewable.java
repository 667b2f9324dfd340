package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The previewable status of a ConnectorStaged; on the wire a string, never a JSON boolean. */
public enum IsPreviewable {
    TRUE("true"),
    FALSE("false"),
    PENDING("pending"),
    NONE("none");

    private final String wireValue;

    IsPreviewable(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The spelling used on the wire. */
    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /**
     * The constant with this wire spelling.
     *
     * @throws IllegalArgumentException naming the accepted values when there is none
     */
    @JsonCreator
    public static IsPreviewable fromWire(String value) {
        for (IsPreviewable candidate : values()) {
            if (candidate.wireValue.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(WireEnums.unknownValue(value, values()));
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
