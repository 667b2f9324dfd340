package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Region in which Connect hosts Projects and Deployments. */
public enum Region {
    EUROPE_WEST1_GCP("europe-west1.gcp"),
    US_CENTRAL1_GCP("us-central1.gcp"),
    AUSTRALIA_SOUTHEAST1_GCP("australia-southeast1.gcp"),
    US_EAST_2_AWS("us-east-2.aws"),
    EU_CENTRAL_1_AWS("eu-central-1.aws");

    private final String wireValue;

    Region(String wireValue) {
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
    public static Region fromWire(String value) {
        for (Region candidate : values()) {
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
