package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The previewable status of a ConnectorStaged; on the wire a string, never a JSON boolean. */
public enum IsPreviewable {
    @JsonProperty("true")
    TRUE,
    @JsonProperty("false")
    FALSE,
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("none")
    NONE;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static IsPreviewable fromWire(String value) {
        return WireEnums.fromWire(IsPreviewable.class, value);
    }
}
