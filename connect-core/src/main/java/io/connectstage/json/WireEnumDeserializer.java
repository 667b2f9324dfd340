package io.connectstage.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;

/**
 * An enum read from its wire spelling, which must be a JSON string: Jackson's own reading of an
 * enum would take a JSON boolean or number as its text ({@code "isPreviewable": false}). Shared
 * by the connector and the deployment JSON.
 */
public final class WireEnumDeserializer<E extends Enum<E>> extends JsonDeserializer<E> {
    private final Class<E> type;
    private final Function<String, E> fromWire;

    private WireEnumDeserializer(Class<E> type, Function<String, E> fromWire) {
        this.type = type;
        this.fromWire = fromWire;
    }

    /** Reads {@code type} in {@code module} by {@code fromWire}, which throws {@code IllegalArgumentException} for an unknown spelling. */
    public static <E extends Enum<E>> void register(SimpleModule module, Class<E> type, Function<String, E> fromWire) {
        module.addDeserializer(type, new WireEnumDeserializer<>(type, fromWire));
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
        try {
            return fromWire.apply(p.getText());
        } catch (IllegalArgumentException e) {
            throw JsonMappingException.from(p, e.getMessage());
        }
    }

    @Override
    public Class<?> handledType() {
        return type;
    }
}
