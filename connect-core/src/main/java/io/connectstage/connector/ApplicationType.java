package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a Connect application declared in connect.yaml. */
public enum ApplicationType {
    SERVICE("service"),
    EVENT("event"),
    JOB("job"),
    MERCHANT_CENTER_CUSTOM_APPLICATION("merchant-center-custom-application"),
    MERCHANT_CENTER_CUSTOM_VIEW("merchant-center-custom-view"),
    ASSETS("assets");

    private final String wireValue;

    ApplicationType(String wireValue) {
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
    public static ApplicationType fromWire(String value) {
        for (ApplicationType candidate : values()) {
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
