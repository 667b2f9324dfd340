package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectstage.connector.WireEnums;

/** The kind of a Deployment: {@code preview} deploys a previewable ConnectorStaged, {@code sandbox} and {@code production} a published Connector. */
public enum DeploymentType {
    @JsonProperty("preview")
    PREVIEW,
    @JsonProperty("sandbox")
    SANDBOX,
    @JsonProperty("production")
    PRODUCTION;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static DeploymentType fromWire(String value) {
        return WireEnums.fromWire(DeploymentType.class, value);
    }
}
