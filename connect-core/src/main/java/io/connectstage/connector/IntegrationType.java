package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Integration type of a Connector, used to filter search and query results. */
public enum IntegrationType {
    @JsonProperty("tax")
    TAX,
    @JsonProperty("marketplace")
    MARKETPLACE,
    @JsonProperty("oms")
    OMS,
    @JsonProperty("psp")
    PSP,
    @JsonProperty("pim")
    PIM,
    @JsonProperty("promotion")
    PROMOTION,
    @JsonProperty("search")
    SEARCH,
    @JsonProperty("erp")
    ERP,
    @JsonProperty("crm")
    CRM,
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("analytics")
    ANALYTICS,
    @JsonProperty("shipping")
    SHIPPING,
    @JsonProperty("giftcard")
    GIFTCARD,
    @JsonProperty("other")
    OTHER;

    /** The spelling used on the wire. */
    public String wireValue() {
        return WireEnums.wireValue(this);
    }

    /** The constant with this wire spelling; {@code IllegalArgumentException} naming the accepted ones if none. */
    public static IntegrationType fromWire(String value) {
        return WireEnums.fromWire(IntegrationType.class, value);
    }
}
