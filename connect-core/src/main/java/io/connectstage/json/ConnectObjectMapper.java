package io.connectstage.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.json.internal.DuplicateKeyException;
import io.connectstage.rule.Limits;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the one mapper of the wire format. Strict where the API is typed (no number for a
 * string, no string for a number, no float for an integer), lenient where the API is: unknown
 * fields are ignored, since the reference's own create example sends read-only fields along.
 */
final class ConnectObjectMapper {
    /** Date-times as the API writes them: UTC, always with milliseconds. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ConnectObjectMapper() {
    }

    static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                // The limits of the API (Limits): a document of at most 16 MiB, shallow nesting.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(Limits.MAX_DOCUMENT_LENGTH)
                        .maxNestingDepth(Limits.MAX_NESTING_DEPTH)
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                // {"action":"setName","action":"publish"} is refused, not read as its last key.
                .nodeFactory(new StrictNodeFactory())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // A null inside a list is refused where it stands (regions[1]), not later by List.copyOf.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("connectstage");
        module.addSerializer(Instant.class, new InstantSerializer());
        module.addDeserializer(Instant.class, new InstantDeserializer());
        // The @JsonCreator of an enum would read a JSON boolean or number as its text ("isPreviewable": false).
        WireEnumDeserializer.register(module, ApplicationType.class, ApplicationType::fromWire);
        WireEnumDeserializer.register(module, ConnectorReportEntryType.class, ConnectorReportEntryType::fromWire);
        WireEnumDeserializer.register(module, ConnectorStatus.class, ConnectorStatus::fromWire);
        WireEnumDeserializer.register(module, IntegrationType.class, IntegrationType::fromWire);
        WireEnumDeserializer.register(module, IsPreviewable.class, IsPreviewable::fromWire);
        WireEnumDeserializer.register(module, Region.class, Region::fromWire);
        module.addSerializer(ConnectError.class, new ConnectErrorSerializer());
        module.addDeserializer(ConnectError.class, new ConnectErrorDeserializer());
        mapper.registerModule(module);
        for (Class<?> action : UpdateActionTypes.types()) {
            mapper.registerSubtypes(new NamedType(action));
        }
        return mapper;
    }

    /**
     * Objects of the tree that refuse a key they already have: the tree reader puts each member
     * with {@code replace}, which answers the value it replaced.
     */
    private static final class StrictNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ObjectNode objectNode() {
            return new StrictObjectNode(this);
        }
    }

    private static final class StrictObjectNode extends ObjectNode {
        private static final long serialVersionUID = 1L;

        StrictObjectNode(JsonNodeFactory factory) {
            super(factory);
        }

        @Override
        public JsonNode replace(String propertyName, JsonNode value) {
            JsonNode previous = super.replace(propertyName, value);
            if (previous != null) {
                throw new DuplicateKeyException(propertyName);
            }
            return null;
        }

        @Override
        public ObjectNode deepCopy() {
            ObjectNode copy = new ObjectNode(_nodeFactory);
            properties().forEach(e -> copy.set(e.getKey(), e.getValue().deepCopy()));
            return copy;
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(DATE_TIME.format(value));
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // Without the cause: the error reports the deepest cause's message, and this one is the clearer.
                throw new IllegalArgumentException("'" + text + "' is not a date-time such as 2023-08-08T12:20:31.143Z");
            }
        }
    }

    private static final class ConnectErrorSerializer extends JsonSerializer<ConnectError> {
        @Override
        public void serialize(ConnectError value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("code", value.code().wireValue());
            gen.writeStringField("message", value.message());
            for (Map.Entry<String, Object> field : value.fields().entrySet()) {
                gen.writeFieldName(field.getKey());
                serializers.defaultSerializeValue(field.getValue(), gen);
            }
            gen.writeEndObject();
        }
    }

    private static final class ConnectErrorDeserializer extends JsonDeserializer<ConnectError> {
        @Override
        public ConnectError deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p); // not p.readValueAsTree(): that checks for trailing tokens mid-document
            String wire = node.path("code").asText();
            ErrorCode code = ErrorCode.fromWire(wire)
                    .orElseThrow(() -> JsonMappingException.from(p, "unknown error code '" + wire + "'"));
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("code") && !field.getKey().equals("message")) {
                    fields.put(field.getKey(), ctxt.readTreeAsValue(field.getValue(), Object.class));
                }
            }
            return new ConnectError(code, node.path("message").asText(), fields);
        }
    }
}
