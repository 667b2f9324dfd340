package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectstage.connector.WireEnums;

/** The severity of a log message, as Google Cloud Logging names them; {@code DEFAULT} when none was assigned. */
public enum DeploymentLogSeverity {
    @JsonProperty("DEFAULT")
    DEFAULT,
    @JsonProperty("DEBUG")
    DEBUG,
    @JsonProperty("INFO")
    INFO,
    @JsonProperty("NOTICE")
    NOTICE,
    @JsonProperty("WARNING")
    WARNING,
    @JsonProperty("ERROR")
    ERROR,
    @JsonProperty("CRITICAL")
    CRITICAL,
    @JsonProperty("ALERT")
    ALERT,
    @JsonProperty("EMERGENCY")
    EMERGENCY;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static DeploymentLogSeverity fromWire(String value) {
        return WireEnums.fromWire(DeploymentLogSeverity.class, value);
    }
}
