package io.connectstage.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
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
import io.connectstage.json.internal.JsonReader;
import io.connectstage.rule.Limits;
import io.vavr.control.Either;

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
    private static final JsonReader READER = new JsonReader(MAPPER);
    private static final JavaType ACTION = READER.type(ConnectorUpdateAction.class);
    private static final JavaType STAGED_PAGE = READER.type(new TypeReference<PagedQueryResponse<ConnectorStaged>>() {
    }.getType());
    private static final JavaType CONNECTOR_PAGE = READER.type(new TypeReference<PagedQueryResponse<Connector>>() {
    }.getType());

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
        return readObject(json, ConnectorStagedDraft.class);
    }

    /** A ConnectorStaged, as the API answers it or a store keeps it. */
    public static Either<ErrorResponse, ConnectorStaged> readStaged(String json) {
        return readObject(json, ConnectorStaged.class);
    }

    /** A published Connector. */
    public static Either<ErrorResponse, Connector> readConnector(String json) {
        return readObject(json, Connector.class);
    }

    /** A page of ConnectorStaged. */
    public static Either<ErrorResponse, PagedQueryResponse<ConnectorStaged>> readStagedPage(String json) {
        return READER.readPage(json, STAGED_PAGE, "a page of ConnectorStaged");
    }

    /** A page of Connectors. */
    public static Either<ErrorResponse, PagedQueryResponse<Connector>> readConnectorPage(String json) {
        return READER.readPage(json, CONNECTOR_PAGE, "a page of Connectors");
    }

    /** Any value of the Connect API types from a JSON string. */
    public static <T> Either<ErrorResponse, T> read(String json, Class<T> type) {
        if (type == null) {
            return JsonReader.fail(ConnectError.invalidJson("no type to read the request body as"));
        }
        return readObject(json, type);
    }

    /**
     * An update request body: {@code version} and {@code actions}. Each action is read on its own,
     * so that every malformed action is reported, not only the first. More than
     * {@link Limits#MAX_UPDATE_ACTIONS} actions are refused before any of them is read.
     */
    public static Either<ErrorResponse, ConnectorUpdate> readUpdate(String json) {
        return READER.parse(json).flatMap(root -> READER.<ConnectorUpdateAction, ConnectorUpdate>update(root,
                UpdateActionTypes.names(), ACTION, ConnectorUpdate::new));
    }

    /** One update action, e.g. {@code {"action":"setName","name":"x"}}. */
    public static Either<ErrorResponse, ConnectorUpdateAction> readAction(String json) {
        return READER.parse(json).flatMap(node -> READER.action(node, "", UpdateActionTypes.names(), ACTION));
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

    private static <T> Either<ErrorResponse, T> readObject(String json, Class<T> type) {
        return READER.readObject(json, READER.type(type), "a " + type.getSimpleName());
    }
}
