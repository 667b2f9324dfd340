package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of a report entry of a preview or publish request. */
public enum ConnectorReportEntryType {
    @JsonProperty("Information")
    INFORMATION,
    @JsonProperty("Warning")
    WARNING,
    @JsonProperty("Error")
    ERROR;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static ConnectorReportEntryType fromWire(String value) {
        return WireEnums.fromWire(ConnectorReportEntryType.class, value);
    }
}
