package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Indicates the current status of the ConnectorStaged; see {@code io.connectstage.lifecycle.ConnectorLifecycle} for the allowed moves. */
public enum ConnectorStatus {
    @JsonProperty("Draft")
    DRAFT,
    @JsonProperty("Processing")
    PROCESSING,
    @JsonProperty("ReadyForCertification")
    READY_FOR_CERTIFICATION,
    @JsonProperty("InCertification")
    IN_CERTIFICATION,
    @JsonProperty("Published")
    PUBLISHED,
    @JsonProperty("Failed")
    FAILED;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static ConnectorStatus fromWire(String value) {
        return WireEnums.fromWire(ConnectorStatus.class, value);
    }
}
