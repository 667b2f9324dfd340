package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a report entry of a preview or publish request. */
public enum ConnectorReportEntryType {
    Information("Information"),
    Warning("Warning"),
    Error("Error");

    private final String wireValue;

    ConnectorReportEntryType(String wireValue) {
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
    public static ConnectorReportEntryType fromWire(String value) {
        for (ConnectorReportEntryType candidate : values()) {
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
