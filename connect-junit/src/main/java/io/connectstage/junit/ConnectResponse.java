package io.connectstage.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.json.ConnectJson;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * An answer of the server to {@link ConnectServerInfo#get}, {@link ConnectServerInfo#post
 * post} or {@link ConnectServerInfo#delete delete}: status, headers and body, read as JSON or as a
 * Connect type.
 *
 * <pre>{@code
 * ConnectorStaged created = connect.post("/connectors/drafts", draftJson).assertStatus(201).staged();
 * }</pre>
 */
public record ConnectResponse(String method, String path, int status, HttpHeaders headers, String body) {

    public ConnectResponse {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(headers, "headers is null");
        Objects.requireNonNull(body, "body is null");
    }

    /**
     * Fails, printing the body (the Connect error JSON, say), when the status is another one;
     * answers this response otherwise.
     */
    public ConnectResponse assertStatus(int expected) {
        if (status != expected) {
            throw new AssertionFailedError(method + " " + path + " answered " + status + ", not " + expected + ":\n"
                    + pretty(), expected, status);
        }
        return this;
    }

    /** A header's first value. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as a JSON tree; fails when it is not JSON. */
    public JsonNode json() {
        try {
            return ConnectJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionFailedError(method + " " + path + " answered a body that is not JSON: " + body, e);
        }
    }

    /** The body read as this Connect type (as {@link ConnectJson#read} reads it); fails when it is not one. */
    public <T> T as(Class<T> type) {
        return ConnectJson.read(body, type).getOrElseThrow(error -> new AssertionFailedError(method + " " + path
                + " answered " + status + " with a body that is no " + type.getSimpleName() + " (" + error.message()
                + "):\n" + pretty()));
    }

    /** The body as a staged connector (what creates, updates and reads of drafts answer). */
    public ConnectorStaged staged() {
        return as(ConnectorStaged.class);
    }

    private String pretty() {
        try {
            return ConnectJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(ConnectJson.mapper().readTree(body));
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
