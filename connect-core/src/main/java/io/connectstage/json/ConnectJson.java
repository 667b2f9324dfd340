package io.connectstage.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.rule.Limits;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire JSON of the Connect API, both ways. Reading never throws: bad input answers with an
 * {@link ErrorResponse} of {@code InvalidJsonInput} errors whose {@code detailedErrorMessage}
 * says where ({@code actions[1].regions[0]}) and what is wrong. Writing leaves out absent
 * optional fields, as the API does.
 *
 * <pre>{@code
 * Either<ErrorResponse, ConnectorUpdate> update = ConnectJson.readUpdate(body);
 * String json = ConnectJson.write(staged);
 * }</pre>
 */
public final class ConnectJson {
    private static final ObjectMapper MAPPER = ConnectObjectMapper.create();
    /** How many wrong fields of one object (a body, an action) are reported at most. */
    static final int MAX_ERRORS_PER_VALUE = 50;
    private static final TypeReference<PagedQueryResponse<ConnectorStaged>> STAGED_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<PagedQueryResponse<Connector>> CONNECTOR_PAGE = new TypeReference<>() {
    };

    private ConnectJson() {
    }

    /**
     * The configured mapper, for code that needs trees or other types. It is shared: do not
     * reconfigure it.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A create request body. Read-only fields that clients send along (id, version, status…) are ignored. */
    public static Either<ErrorResponse, ConnectorStagedDraft> readDraft(String json) {
        return readObject(json, ConnectorStagedDraft.class, "a ConnectorStagedDraft");
    }

    /** A ConnectorStaged, as the API answers it or a store keeps it. */
    public static Either<ErrorResponse, ConnectorStaged> readStaged(String json) {
        return readObject(json, ConnectorStaged.class, "a ConnectorStaged");
    }

    /** A published Connector. */
    public static Either<ErrorResponse, Connector> readConnector(String json) {
        return readObject(json, Connector.class, "a Connector");
    }

    /** A page of ConnectorStaged. */
    public static Either<ErrorResponse, PagedQueryResponse<ConnectorStaged>> readStagedPage(String json) {
        return parse(json).flatMap(node -> node.isObject()
                ? convert(node, MAPPER.getTypeFactory().constructType(STAGED_PAGE), "")
                : fail(ConnectError.invalidField("body", "expected an object, a page of ConnectorStaged")));
    }

    /** A page of Connectors. */
    public static Either<ErrorResponse, PagedQueryResponse<Connector>> readConnectorPage(String json) {
        return parse(json).flatMap(node -> node.isObject()
                ? convert(node, MAPPER.getTypeFactory().constructType(CONNECTOR_PAGE), "")
                : fail(ConnectError.invalidField("body", "expected an object, a page of Connectors")));
    }

    /** Any value of the Connect API types from a JSON string. */
    public static <T> Either<ErrorResponse, T> read(String json, Class<T> type) {
        if (type == null) {
            return fail(ConnectError.invalidJson("no type to read the request body as"));
        }
        return readObject(json, type, "a " + type.getSimpleName());
    }

    /**
     * An update request body: {@code version} and {@code actions}. Each action is read on its own,
     * so that every malformed action is reported, not only the first. More than
     * {@link Limits#MAX_UPDATE_ACTIONS} actions are refused before any of them is read.
     */
    public static Either<ErrorResponse, ConnectorUpdate> readUpdate(String json) {
        return parse(json).flatMap(ConnectJson::update);
    }

    private static Either<ErrorResponse, ConnectorUpdate> update(JsonNode root) {
        if (!root.isObject()) {
            return fail(ConnectError.invalidJson("the request body must be an object with version and actions"));
        }
        List<ConnectError> errors = new ArrayList<>();
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            errors.add(ConnectError.requiredField("version"));
        } else if (!version.isIntegralNumber() || !version.canConvertToLong()) {
            errors.add(ConnectError.invalidField("version", "must be an integer, got " + JsonErrors.shortened(version)));
        }
        JsonNode actionsNode = root.get("actions");
        List<ConnectorUpdateAction> actions = new ArrayList<>();
        if (actionsNode == null || actionsNode.isNull()) {
            errors.add(ConnectError.requiredField("actions"));
        } else if (!actionsNode.isArray()) {
            errors.add(ConnectError.invalidField("actions", "must be an array"));
        } else if (actionsNode.size() > Limits.MAX_UPDATE_ACTIONS) {
            errors.add(ConnectError.invalidField("actions", "at most " + Limits.MAX_UPDATE_ACTIONS
                    + " update actions are allowed per request, got " + actionsNode.size()));
        } else {
            for (int i = 0; i < actionsNode.size(); i++) {
                Either<ErrorResponse, ConnectorUpdateAction> action = action(actionsNode.get(i), "actions[" + i + "]");
                if (action.isRight()) {
                    actions.add(action.get());
                } else {
                    errors.addAll(action.getLeft().errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(ErrorResponse.of(errors));
        }
        return Either.right(new ConnectorUpdate(version.asLong(), actions));
    }

    /** One update action, e.g. {@code {"action":"setName","name":"x"}}. */
    public static Either<ErrorResponse, ConnectorUpdateAction> readAction(String json) {
        return parse(json).flatMap(node -> action(node, ""));
    }

    private static Either<ErrorResponse, ConnectorUpdateAction> action(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            return fail(ConnectError.invalidField(at.isEmpty() ? "action" : at, "must be an object"));
        }
        JsonNode name = node.get("action");
        if (name == null || name.isNull()) {
            return fail(ConnectError.requiredField(JsonErrors.join(at, "action")));
        }
        if (!name.isTextual() || !UpdateActionTypes.isKnown(name.asText())) {
            return fail(ConnectError.invalidField(JsonErrors.join(at, "action"), "unknown update action "
                    + JsonErrors.shortened(name) + ", expected one of " + String.join(", ", UpdateActionTypes.names())));
        }
        return convert(node, MAPPER.getTypeFactory().constructType(ConnectorUpdateAction.class), at);
    }

    /** The JSON text of a value: a resource, a page, an action or an {@link ErrorResponse}. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only our own value types are written, and all of them serialize; a failure is a bug.
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The JSON tree of a value. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static <T> Either<ErrorResponse, T> readObject(String json, Class<T> type, String what) {
        return parse(json).flatMap(node -> node.isObject()
                ? convert(node, MAPPER.getTypeFactory().constructType(type), "")
                : fail(ConnectError.invalidJson("the request body must be " + what + " object")));
    }

    private static Either<ErrorResponse, JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            return fail(ConnectError.invalidJson("the request body is empty"));
        }
        if (json.length() > Limits.MAX_DOCUMENT_LENGTH) {
            return fail(ConnectError.invalidJson("the request body is longer than the " + Limits.MAX_DOCUMENT_LENGTH
                    + " characters (16 MiB) a document may have"));
        }
        try {
            return Either.right(MAPPER.readTree(json));
        } catch (JsonProcessingException | RuntimeException e) {
            return fail(JsonErrors.toError(e, ""));
        }
    }

    /**
     * The value of this type, or every wrong field of the node: Jackson stops at the first, so the
     * field it names is left out of a copy and the copy read again, until the rest reads (at most
     * {@link #MAX_ERRORS_PER_VALUE} times, so the work stays linear in the size of the value).
     */
    private static <T> Either<ErrorResponse, T> convert(JsonNode node, JavaType type, String at) {
        List<ConnectError> errors = new ArrayList<>();
        JsonNode current = node;
        while (true) {
            try {
                T value = MAPPER.treeToValue(current, type);
                return errors.isEmpty() ? Either.right(value) : Either.left(ErrorResponse.of(errors));
            } catch (JsonProcessingException | RuntimeException e) {
                if (!errors.isEmpty() && e instanceof ValueInstantiationException) {
                    break; // the value refuses what the fields left out made of it: nothing new to report
                }
                ConnectError error = JsonErrors.toError(e, at);
                if (errors.contains(error)) {
                    break;
                }
                errors.add(error);
                if (errors.size() >= MAX_ERRORS_PER_VALUE || !(e instanceof JsonMappingException mapping)) {
                    break;
                }
                JsonNode without = JsonErrors.without(current == node ? node.deepCopy() : current, mapping.getPath());
                if (without == null) {
                    break;
                }
                current = without;
            }
        }
        return Either.left(ErrorResponse.of(errors));
    }

    private static <T> Either<ErrorResponse, T> fail(ConnectError error) {
        return Either.left(ErrorResponse.of(error));
    }
}
