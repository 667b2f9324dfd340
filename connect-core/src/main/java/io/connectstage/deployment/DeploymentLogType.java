package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectstage.connector.WireEnums;

/** What a log entry records: an HTTP request served by the application, or a line of text or JSON it wrote. */
public enum DeploymentLogType {
    @JsonProperty("HTTP_REQUEST")
    HTTP_REQUEST,
    @JsonProperty("APPLICATION_TEXT")
    APPLICATION_TEXT,
    @JsonProperty("APPLICATION_JSON")
    APPLICATION_JSON;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static DeploymentLogType fromWire(String value) {
        return WireEnums.fromWire(DeploymentLogType.class, value);
    }
}
