package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Region in which Connect hosts Projects and Deployments. */
public enum Region {
    @JsonProperty("europe-west1.gcp")
    EUROPE_WEST1_GCP,
    @JsonProperty("us-central1.gcp")
    US_CENTRAL1_GCP,
    @JsonProperty("australia-southeast1.gcp")
    AUSTRALIA_SOUTHEAST1_GCP,
    @JsonProperty("us-east-2.aws")
    US_EAST_2_AWS,
    @JsonProperty("eu-central-1.aws")
    EU_CENTRAL_1_AWS;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static Region fromWire(String value) {
        return WireEnums.fromWire(Region.class, value);
    }
}
