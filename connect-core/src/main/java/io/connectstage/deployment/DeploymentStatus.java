package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.connectstage.connector.WireEnums;

/** The status of a Deployment; {@link DeploymentLifecycle#STATUS_EDGES} says which moves exist. */
public enum DeploymentStatus {
    @JsonProperty("Draft")
    DRAFT,
    @JsonProperty("Queued")
    QUEUED,
    @JsonProperty("Deploying")
    DEPLOYING,
    @JsonProperty("Deployed")
    DEPLOYED,
    @JsonProperty("Failed")
    FAILED,
    @JsonProperty("Undeploying")
    UNDEPLOYING,
    @JsonProperty("UndeployFailed")
    UNDEPLOY_FAILED;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static DeploymentStatus fromWire(String value) {
        return WireEnums.fromWire(DeploymentStatus.class, value);
    }
}
