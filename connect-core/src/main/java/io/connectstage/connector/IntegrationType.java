package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Integration type of a Connector, used to filter search and query results. */
public enum IntegrationType {
    TAX("tax"),
    MARKETPLACE("marketplace"),
    OMS("oms"),
    PSP("psp"),
    PIM("pim"),
    PROMOTION("promotion"),
    SEARCH("search"),
    ERP("erp"),
    CRM("crm"),
    EMAIL("email"),
    ANALYTICS("analytics"),
    SHIPPING("shipping"),
    GIFTCARD("giftcard"),
    OTHER("other");

    private final String wireValue;

    IntegrationType(String wireValue) {
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
    public static IntegrationType fromWire(String value) {
        for (IntegrationType candidate : values()) {
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
