package io.connectstage.http;

import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.TokenIssuer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Connect API and its auth service over HTTP, on Jetty 12 core handlers: the connector routes
 * of api.raml, OAuth 2.0 client credentials ({@code POST /oauth/token},
 * {@code POST /oauth/introspect}), one {@link ProjectSpace} per project of the tokens.
 *
 * <pre>{@code
 * try (ConnectServer server = ConnectServer.builder()
 *         .client(OAuthClient.parse("id:secret:manage_project:my-project").get())
 *         .start()) {
 *     URI api = server.baseUri();   // http://127.0.0.1:<free port>
 * }
 * }</pre>
 */
public final class ConnectServer implements AutoCloseable {
    /** The largest request body, by default: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** How long a connection may stay silent (idle, slow or half-open) before it is closed, by default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;
    private final ProjectSpaces spaces;
    private final TokenIssuer issuer;
    private final String host;

    private ConnectServer(Builder b) throws Exception {
        this.spaces = b.spaces != null ? b.spaces : PerProjectSpaces.builder().clock(b.clock).build();
        this.issuer = new TokenIssuer(b.clients, b.clock, b.tokenLifetime);
        QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, Math.min(8, b.maxThreads));
        threads.setName("connect-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(16 * 1024);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(b.bind);
        connector.setPort(b.port);
        connector.setIdleTimeout(b.idleTimeout.toMillis());
        server.addConnector(connector);
        server.setHandler(new ConnectHandler(spaces, issuer, b.maxBodyBytes));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(5_000);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        this.host = b.bind;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the free one it picked when asked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT}, no trailing slash: the Connect API's base URI and the auth host alike. */
    public URI baseUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    public ProjectSpaces spaces() {
        return spaces;
    }

    public TokenIssuer tokens() {
        return issuer;
    }

    /** Stops accepting, lets the requests under way finish (up to 5 seconds), then stops. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly", e);
        }
    }

    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port;
        private final List<OAuthClient> clients = new ArrayList<>();
        private ProjectSpaces spaces;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = TokenIssuer.DEFAULT_LIFETIME;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxThreads = 64;

        private Builder() {
        }

        /** The address to listen on; default {@code 127.0.0.1}. */
        public Builder bind(String value) {
            this.bind = Objects.requireNonNull(value, "bind is null");
            return this;
        }

        /** The port; default 0, a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port " + value + " is not in 0..65535");
            }
            this.port = value;
            return this;
        }

        /** An API client that may ask for tokens. */
        public Builder client(OAuthClient value) {
            clients.add(Objects.requireNonNull(value, "client is null"));
            return this;
        }

        public Builder clients(List<OAuthClient> values) {
            values.forEach(this::client);
            return this;
        }

        /** Where each project's connectors live; default memory stores, no processing. */
        public Builder spaces(ProjectSpaces value) {
            this.spaces = Objects.requireNonNull(value, "spaces is null");
            return this;
        }

        /** The clock of token expiry (and of the default spaces). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** How long a token lives; default 48 hours, as commercetools'. */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime is null");
            return this;
        }

        /** The largest request body; larger ones are answered 413. Default 1 MiB. */
        public Builder maxBodyBytes(long value) {
            this.maxBodyBytes = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = Objects.requireNonNull(value, "idleTimeout is null");
            return this;
        }

        /** Threads serving requests (the services block); default 64. */
        public Builder maxThreads(int value) {
            this.maxThreads = value;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IllegalStateException when it cannot listen (port taken, address not local, ...)
         */
        public ConnectServer start() {
            try {
                return new ConnectServer(this);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the server on " + bind + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
