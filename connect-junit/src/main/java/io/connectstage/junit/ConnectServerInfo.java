package io.connectstage.junit;

import io.connectstage.http.ConnectServer;
import io.connectstage.http.ProjectSpace;
import io.connectstage.json.ConnectJson;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.DeploymentFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The facts of a running server, injected into test methods: its base URI, a ready access token
 * of the test project (and one per configured client), an HTTP client with small typed helpers,
 * the project's in-process services and the Deployment faults.
 *
 * <pre>{@code
 * @Test
 * void publishes(ConnectServerInfo connect) {
 *     ConnectorStaged draft = connect.post("/connectors/drafts", draftJson).assertStatus(201).staged();
 *     connect.post("/connectors/drafts/" + draft.id(), publishJson).assertStatus(200);
 *     connect.awaitSettled();   // the publish is analyzed and settled
 *     connect.get("/connectors/drafts/" + draft.id()).assertStatus(200);
 * }
 * }</pre>
 */
public final class ConnectServerInfo {
    /** How long {@link #awaitSettled()} waits at most. */
    public static final Duration DEFAULT_SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private final RunningServer running;
    private final String token;

    ConnectServerInfo(RunningServer running) {
        this.running = Objects.requireNonNull(running, "running is null");
        this.token = tokenFor(running.client.id());
    }

    public ConnectServer server() {
        return running.server;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public URI baseUri() {
        return running.server.baseUri();
    }

    /**
     * A token of the test project's client (scope {@code manage_project:PROJECT}), issued when this
     * object was injected (so by the server's clock then).
     */
    public String token() {
        return token;
    }

    public HttpClient httpClient() {
        return running.httpClient;
    }

    /** The project the token belongs to. */
    public String projectKey() {
        return running.projectKey;
    }

    /** The project's in-process services (the ones HTTP requests use; new ones after a reset). */
    public ProjectSpace space() {
        return running.server.spaces().of(running.projectKey);
    }

    /** The faults Deployment steps obey, which the server's fault endpoint sets too. */
    public DeploymentFaults faults() {
        return running.server.faults().orElseThrow(() -> new IllegalStateException("these spaces wire no faults"));
    }

    /**
     * A fresh token of this API client (one given to the extension's builder, or the test project's),
     * with every scope it has.
     *
     * @throws IllegalArgumentException when the server has no client with this id
     */
    public String tokenFor(String clientId) {
        OAuthClient client = running.server.tokens().clients().stream().filter(c -> c.id().equals(clientId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no client " + clientId + " among "
                        + running.server.tokens().clients().stream().map(OAuthClient::id).collect(Collectors.joining(", "))));
        return running.server.tokens().issue(client, null)
                .getOrElseThrow(e -> new IllegalStateException("cannot issue a token to " + clientId + ": " + e)).value();
    }

    /**
     * Waits until every preview, publish and Deployment step pending in the projects met is
     * settled (a build held by a fault counts as settled), at most {@link #DEFAULT_SETTLE_TIMEOUT}.
     *
     * @throws org.opentest4j.AssertionFailedError naming the pending work when it does not settle in time
     */
    public void awaitSettled() {
        awaitSettled(DEFAULT_SETTLE_TIMEOUT);
    }

    /** {@link #awaitSettled()} with another bound. */
    public void awaitSettled(Duration timeout) {
        Settling.await(running.server.spaces(), running.projectKey, running.server.faults(), timeout);
    }

    /** A request to this path (e.g. {@code /connectors/drafts?limit=5}) with the token set. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(baseUri().resolve(pathAndQuery)).header("Authorization", "Bearer " + token());
    }

    /** {@code GET} with the token. */
    public ConnectResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, request(pathAndQuery).GET());
    }

    /** {@code POST} of this JSON with the token. */
    public ConnectResponse post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, request(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code POST} of this value written as Connect JSON ({@link ConnectJson#write}), e.g. a draft or an update. */
    public ConnectResponse post(String pathAndQuery, Object body) {
        return post(pathAndQuery, ConnectJson.write(body));
    }

    /** {@code DELETE} with the token (add {@code ?version=N} where the route asks for it). */
    public ConnectResponse delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, request(pathAndQuery).DELETE());
    }

    /** Sends a request built from {@link #request} (another token, other headers). */
    public ConnectResponse send(HttpRequest request) {
        return send(request.method(), request.uri().getRawPath(), request);
    }

    private ConnectResponse send(String method, String path, HttpRequest.Builder request) {
        return send(method, path, request.timeout(Duration.ofSeconds(30)).build());
    }

    private ConnectResponse send(String method, String path, HttpRequest request) {
        try {
            HttpResponse<String> r = running.httpClient.send(request, HttpResponse.BodyHandlers.ofString());
            return new ConnectResponse(method, path, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "ConnectServerInfo[" + baseUri() + ", project " + projectKey() + "]";
    }
}
