package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of a Connect application declared in connect.yaml. */
public enum ApplicationType {
    @JsonProperty("service")
    SERVICE,
    @JsonProperty("event")
    EVENT,
    @JsonProperty("job")
    JOB,
    @JsonProperty("merchant-center-custom-application")
    MERCHANT_CENTER_CUSTOM_APPLICATION,
    @JsonProperty("merchant-center-custom-view")
    MERCHANT_CENTER_CUSTOM_VIEW,
    @JsonProperty("assets")
    ASSETS;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static ApplicationType fromWire(String value) {
        return WireEnums.fromWire(ApplicationType.class, value);
    }
}
