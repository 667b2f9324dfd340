package io.connectstage.junit;

import io.connectstage.http.ConnectServer;
import io.connectstage.http.ProjectSpace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Objects;

/**
 * The facts of a running server, injected into test methods: its base URI, a ready access token
 * of the test project, an HTTP client, and the project's in-process services.
 *
 * <pre>{@code
 * @Test
 * void listsDrafts(ConnectServerInfo connect) throws Exception {
 *     HttpResponse<String> r = connect.httpClient().send(connect.request("/connectors/drafts").build(),
 *             HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 */
public record ConnectServerInfo(ConnectServer server, URI baseUri, String token, HttpClient httpClient, ProjectSpace space) {

    public ConnectServerInfo {
        Objects.requireNonNull(server, "server is null");
        Objects.requireNonNull(baseUri, "baseUri is null");
        Objects.requireNonNull(token, "token is null");
        Objects.requireNonNull(httpClient, "httpClient is null");
        Objects.requireNonNull(space, "space is null");
    }

    /** The project the token belongs to. */
    public String projectKey() {
        return space.projectKey();
    }

    /** A request to this path (e.g. {@code /connectors/drafts?limit=5}) with the token set. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(baseUri.resolve(pathAndQuery)).header("Authorization", "Bearer " + token);
    }
}
