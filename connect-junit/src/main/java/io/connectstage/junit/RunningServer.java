package io.connectstage.junit;

import io.connectstage.http.ConnectServer;
import io.connectstage.oauth.OAuthClient;
import java.net.http.HttpClient;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server the extension started, kept in an {@link ExtensionContext.Store}: JUnit closes it with
 * the context it was stored in (the outermost class, the test, or the whole run when shared).
 * Both closing interfaces, so that JUnit versions before 5.13 close it too; closing is idempotent.
 */
@SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13, which closes no AutoCloseable
final class RunningServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final ConnectServer server;
    final String projectKey;
    /** The test project's client, whose tokens {@link ConnectServerInfo#token()} gives. */
    final OAuthClient client;
    final HttpClient httpClient;
    final boolean resetBetweenTests;

    RunningServer(ConnectServer server, String projectKey, OAuthClient client, HttpClient httpClient, boolean resetBetweenTests) {
        this.server = Objects.requireNonNull(server, "server is null");
        this.projectKey = Objects.requireNonNull(projectKey, "projectKey is null");
        this.client = Objects.requireNonNull(client, "client is null");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient is null");
        this.resetBetweenTests = resetBetweenTests;
    }

    @Override
    public void close() {
        server.close();
    }
}
