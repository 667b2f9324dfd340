package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Indicates the current status of the ConnectorStaged; see {@code io.connectstage.lifecycle.ConnectorLifecycle} for the allowed moves. */
public enum ConnectorStatus {
    Draft("Draft"),
    Processing("Processing"),
    ReadyForCertification("ReadyForCertification"),
    InCertification("InCertification"),
    Published("Published"),
    Failed("Failed");

    private final String wireValue;

    ConnectorStatus(String wireValue) {
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
    public static ConnectorStatus fromWire(String value) {
        for (ConnectorStatus candidate : values()) {
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
