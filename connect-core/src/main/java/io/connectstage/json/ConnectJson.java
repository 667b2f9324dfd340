package io.connectstage.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;

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
        return parse(json).flatMap(node -> convert(node, STAGED_PAGE, ""));
    }

    /** A page of Connectors. */
    public static Either<ErrorResponse, PagedQueryResponse<Connector>> readConnectorPage(String json) {
        return parse(json).flatMap(node -> convert(node, CONNECTOR_PAGE, ""));
    }

    /** Any value of the Connect API types from a JSON string. */
    public static <T> Either<ErrorResponse, T> read(String json, Class<T> type) {
        return readObject(json, type, "a " + type.getSimpleName());
    }

    /**
     * An update request body: {@code version} and {@code actions}. Each action is read on its own,
     * so that every malformed action is reported, not only the first.
     */
    public static Either<ErrorResponse, ConnectorUpdate> readUpdate(String json) {
        return parse(json).flatMap(ConnectJson::update);
    }

    private static Either<ErrorResponse, ConnectorUpdate> update(JsonNode root) {
        if (!root.isObject()) {
            return fail(ConnectError.invalidJson("the request body must be an object with version and actions"));
        }
        Seq<ConnectError> errors = List.empty();
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            errors = errors.append(ConnectError.requiredField("version"));
        } else if (!version.isIntegralNumber() || !version.canConvertToLong()) {
            errors = errors.append(ConnectError.invalidField("version", "must be an integer, got " + version));
        }
        JsonNode actionsNode = root.get("actions");
        java.util.List<ConnectorUpdateAction> actions = new ArrayList<>();
        if (actionsNode == null || actionsNode.isNull()) {
            errors = errors.append(ConnectError.requiredField("actions"));
        } else if (!actionsNode.isArray()) {
            errors = errors.append(ConnectError.invalidField("actions", "must be an array"));
        } else {
            for (int i = 0; i < actionsNode.size(); i++) {
                Either<ErrorResponse, ConnectorUpdateAction> action = action(actionsNode.get(i), "actions[" + i + "]");
                if (action.isRight()) {
                    actions.add(action.get());
                } else {
                    errors = errors.appendAll(action.getLeft().errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(ErrorResponse.of(errors.toJavaList()));
        }
        return Either.right(new ConnectorUpdate(version.asLong(), actions));
    }

    /** One update action, e.g. {@code {"action":"setName","name":"x"}}. */
    public static Either<ErrorResponse, ConnectorUpdateAction> readAction(String json) {
        return parse(json).flatMap(node -> action(node, ""));
    }

    private static Either<ErrorResponse, ConnectorUpdateAction> action(JsonNode node, String at) {
        if (!node.isObject()) {
            return fail(ConnectError.invalidField(at.isEmpty() ? "action" : at, "must be an object"));
        }
        JsonNode name = node.get("action");
        if (name == null || name.isNull()) {
            return fail(ConnectError.requiredField(JsonErrors.join(at, "action")));
        }
        if (!name.isTextual() || !UpdateActionTypes.isKnown(name.asText())) {
            return fail(ConnectError.invalidField(JsonErrors.join(at, "action"), "unknown update action " + name
                    + ", expected one of " + String.join(", ", UpdateActionTypes.names())));
        }
        return convert(node, ConnectorUpdateAction.class, at);
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
                ? convert(node, type, "")
                : fail(ConnectError.invalidJson("the request body must be " + what + " object")));
    }

    private static Either<ErrorResponse, JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            return fail(ConnectError.invalidJson("the request body is empty"));
        }
        try {
            return Either.right(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return fail(JsonErrors.toError(e, ""));
        }
    }

    private static <T> Either<ErrorResponse, T> convert(JsonNode node, Class<T> type, String at) {
        try {
            return Either.right(MAPPER.treeToValue(node, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return fail(JsonErrors.toError(e, at));
        }
    }

    private static <T> Either<ErrorResponse, T> convert(JsonNode node, TypeReference<T> type, String at) {
        try {
            return Either.right(MAPPER.treeToValue(node, MAPPER.getTypeFactory().constructType(type)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return fail(JsonErrors.toError(e, at));
        }
    }

    private static <T> Either<ErrorResponse, T> fail(ConnectError error) {
        return Either.left(ErrorResponse.of(error));
    }
}
