package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Indicates the current status of the ConnectorStaged; see {@code io.connectstage.lifecycle.ConnectorLifecycle} for the allowed moves. */
public enum ConnectorStatus {
    @JsonProperty("Draft")
    Draft,
    @JsonProperty("Processing")
    Processing,
    @JsonProperty("ReadyForCertification")
    ReadyForCertification,
    @JsonProperty("InCertification")
    InCertification,
    @JsonProperty("Published")
    Published,
    @JsonProperty("Failed")
    Failed;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static ConnectorStatus fromWire(String value) {
        return WireEnums.fromWire(ConnectorStatus.class, value);
    }
}
