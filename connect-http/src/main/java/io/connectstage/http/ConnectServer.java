package io.connectstage.http;

import io.connectstage.console.ConsoleHandler;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.TokenIssuer;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.processing.DeploymentRunner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
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
 *
 * <p>The server owns everything it is given and everything it makes: {@link #close()} stops
 * Jetty and its threads, the wake-up poller ({@link Builder#pollEvery}), the spaces (their
 * processors) and then whatever was handed over with {@link Builder#closing} (a
 * {@link io.connectstage.processing.ProcessingPool}, a store's connection pool), in reverse order.
 * A server that fails to start closes them too.
 *
 * <p>With a {@link Builder#runner DeploymentRunner}, Deployments' applications really run: the
 * processors of the spaces build and start them, each gets the URL
 * {@code {baseUri}/.connectstage/apps/{deploymentId}/{applicationName}} that this server proxies to
 * it, and the routes under {@code /.connectstage/projects/{projectKey}/deployments/{ref}/} deliver
 * events to them and run their jobs (see docs/running-applications.md).
 */
public final class ConnectServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectServer.class.getName());

    /** The largest request body, by default: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /**
     * How long a connection may stay silent (a client not reading its answer, a half-open
     * connection) before it is closed, by default. Longer than the receive timeout on purpose: that
     * one closes a connection waiting for a request so that a request arriving at that moment is
     * either answered or not acted on, while Jetty's idle close can meet a request it has already
     * read and act on it with no answer sent (seen at the 30 s edge when both were 30 s).
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long a client may take to send a request's headers (from the connection's opening or the
     * previous answer) and then its body, by default, however steadily it trickles.
     */
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(30);
    /** How many connections are open at once, by default; more wait to be accepted. */
    public static final int DEFAULT_MAX_CONNECTIONS = 512;

    private final Server server;
    private final ServerConnector connector;
    private final ProjectSpaces spaces;
    private final TokenIssuer issuer;
    private final String host;
    /** What {@link #close()} closes after the spaces, in the order given (closed in reverse). */
    private final List<AutoCloseable> owned;
    private final ScheduledExecutorService poller;
    private final DeploymentRunner runner;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConnectServer(Builder b) throws Exception {
        this.spaces = b.spaces != null ? b.spaces : PerProjectSpaces.builder().clock(b.clock).build();
        this.owned = List.copyOf(b.owned);
        this.runner = b.runner;
        if (runner != null) {
            try {
                if (!(spaces instanceof PerProjectSpaces per)) {
                    throw new IllegalStateException("a runner needs PerProjectSpaces, whose processors it is given, not "
                            + spaces.getClass().getName());
                }
                per.runWith(runner);
            } catch (RuntimeException e) {
                closeOwned();
                throw e;
            }
        }
        this.poller = b.pollEvery == null && b.resume == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "connect-poll");
            t.setDaemon(true);
            return t;
        });
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
        server.addBean(new NetworkConnectionLimit(b.maxConnections, connector));
        RunningApps apps = new RunningApps(Optional.ofNullable(runner), spaces, issuer, b.appProxyLimits, b.clock,
                server.getScheduler());
        Handler handler = new ConnectHandler(spaces, issuer, b.maxBodyBytes, apps);
        // the default spaces are memory stores: they never block
        boolean inline = b.inlineReads != null ? b.inlineReads : b.spaces == null;
        // the deadline only reads and writes a map and a field, so it keeps the inline promise
        Handler api = inline ? new InlineReads(handler) : handler;
        // the console's files are bytes in memory, so it answers on the I/O thread without breaking the inline promise
        ReceiveDeadline deadline = new ReceiveDeadline(b.receiveTimeout, server.getScheduler(),
                b.console ? new ConsoleHandler(api, request -> Map.of(CorrelationId.HEADER, CorrelationId.of(request))) : api);
        connector.addEventListener(deadline.connections());
        server.setHandler(deadline);
        if (b.accessLog) {
            server.setRequestLog(AccessLog.create());
        }
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(5_000);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            closeOwned();
            throw e;
        }
        this.host = b.bind;
        if (b.resume != null) {
            // work a crash left (or a dead server's, once its lease ends) is done without waiting for a client
            Supplier<? extends Iterable<String>> projects = b.resume;
            poller.execute(() -> resume(projects));
        }
        if (b.pollEvery != null && spaces instanceof PerProjectSpaces per) {
            long every = b.pollEvery.toMillis();
            Supplier<? extends Iterable<String>> projects = b.resume;
            poller.scheduleWithFixedDelay(() -> {
                if (projects != null) {
                    // a project another server created since: its work (a dead server's run of its
                    // applications, too) is this server's to take over without a client asking here
                    resume(projects);
                }
                per.wakeAll();
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void resume(Supplier<? extends Iterable<String>> projects) {
        try {
            Iterable<String> keys = projects.get();
            if (spaces instanceof PerProjectSpaces per) {
                per.resume(keys);
            } else {
                keys.forEach(spaces::of);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot resume the work of the stored projects", e);
        }
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

    /** The runner of Deployments' applications the server was given ({@link Builder#runner}); empty when it runs none. */
    public Optional<DeploymentRunner> runner() {
        return Optional.ofNullable(runner);
    }

    /** The faults the spaces' processing obeys ({@link ProjectSpaces#faults()}). */
    public Optional<DeploymentFaults> faults() {
        return spaces.faults();
    }

    /**
     * Forgets every project's connectors, Deployments and pending work and clears the faults
     * ({@link ProjectSpaces#reset()}); clients and tokens stay. For test harnesses, between tests.
     */
    public void reset() {
        spaces.reset();
    }

    /**
     * Stops accepting, lets the requests under way finish (up to 5 seconds), then stops; then
     * stops the poller, closes the spaces (when {@link AutoCloseable}), the {@link Builder#runner}
     * (every application it runs stops) and what was handed over with {@link Builder#closing}.
     * Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Exception failure = null;
        try {
            server.stop();
        } catch (Exception e) {
            failure = e;
        }
        try {
            closeOwned();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw new IllegalStateException("the server did not stop cleanly", failure);
        }
    }

    /** Closes the poller, the spaces and the owned resources, each even when an earlier one fails. */
    private void closeOwned() {
        List<AutoCloseable> all = new ArrayList<>();
        if (poller != null) {
            all.add(() -> {
                poller.shutdownNow();
                poller.awaitTermination(10, TimeUnit.SECONDS);
            });
        }
        if (spaces instanceof AutoCloseable c) {
            all.add(c);
        }
        if (runner != null) {
            all.add(runner); // after the processors that start applications with it
        }
        for (int i = owned.size() - 1; i >= 0; i--) {
            all.add(owned.get(i));
        }
        RuntimeException failure = null;
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure == null) {
                    failure = new IllegalStateException("could not close " + c, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
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
        private Boolean inlineReads;
        private Duration receiveTimeout = DEFAULT_RECEIVE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private boolean accessLog;
        private boolean console = true;
        private final List<AutoCloseable> owned = new ArrayList<>();
        private Duration pollEvery;
        private Supplier<? extends Iterable<String>> resume;
        private DeploymentRunner runner;
        private AppProxyLimits appProxyLimits = AppProxyLimits.CLOUD_RUN;

        private Builder() {
        }

        /**
         * Runs the applications of Deployments for real with this runner: the processors of the
         * spaces (the {@link PerProjectSpaces} given to {@link #spaces}, which must have met no
         * project yet) build and start them, and the server proxies each application's URL to it,
         * delivers events and runs jobs. The server owns it, as everything it is given:
         * {@link ConnectServer#close()} closes it after the spaces and before what was handed over
         * with {@link #closing}. Default none: Deployments settle without running anything.
         * A runner needs the server's base URL, known once it listens: give it a supplier that
         * waits for it ({@code CompletableFuture<URI>::join}, completed with {@link ConnectServer#baseUri()}
         * after {@link #start()}), as {@code ./connect serve --run-apps} does.
         */
        public Builder runner(DeploymentRunner value) {
            this.runner = Objects.requireNonNull(value, "runner is null");
            return this;
        }

        /** The bounds of the proxy to running applications; default {@link AppProxyLimits#CLOUD_RUN}. */
        public Builder appProxyLimits(AppProxyLimits value) {
            this.appProxyLimits = Objects.requireNonNull(value, "appProxyLimits is null");
            return this;
        }

        /**
         * Hands this resource over to the server: {@link #close()} closes it after the spaces (and
         * before the resources handed over earlier), so that a {@link io.connectstage.processing.ProcessingPool}
         * or a store's connection pool that the spaces use outlives them.
         */
        public Builder closing(AutoCloseable value) {
            owned.add(Objects.requireNonNull(value, "value is null"));
            return this;
        }

        /**
         * Wakes the processing of every project met this often, so that it claims work that other
         * servers left or abandoned ({@link PerProjectSpaces#wakeAll()}), first meeting the projects
         * {@link #resume} lists now (ones other servers created since this one started); default
         * never (only the server's own requests and {@link #resume} wake it). Only
         * {@link PerProjectSpaces} are woken.
         */
        public Builder pollEvery(Duration value) {
            Objects.requireNonNull(value, "pollEvery is null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("pollEvery is positive, not " + value);
            }
            this.pollEvery = value;
            return this;
        }

        /**
         * Meets the projects this lists once the server listens, in the background, and again at
         * every {@link #pollEvery}, so that their processing resumes the work a previous run or
         * another server left without waiting for a client ({@link PerProjectSpaces#resume}); a
         * failure to list them is logged.
         */
        public Builder resume(Supplier<? extends Iterable<String>> projectKeys) {
            this.resume = Objects.requireNonNull(projectKeys, "projectKeys is null");
            return this;
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

        /**
         * Where each project's connectors live; default memory stores, no processing. The server
         * closes them (when {@link AutoCloseable}) on {@link ConnectServer#close()}.
         */
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

        /**
         * How long a client may take to send a request's headers, counted from the connection's
         * opening or the previous answer, and then as long again for its body; past it the connection
         * is closed, however steadily it trickles. Default 30 seconds.
         */
        public Builder receiveTimeout(Duration value) {
            Objects.requireNonNull(value, "receiveTimeout is null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("receiveTimeout is positive, not " + value);
            }
            this.receiveTimeout = value;
            return this;
        }

        /** How many connections are open at once; further ones wait to be accepted. Default 512. */
        public Builder maxConnections(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConnections is at least 1, not " + value);
            }
            this.maxConnections = value;
            return this;
        }

        /**
         * One line per request at INFO on the SLF4J logger {@code io.connectstage.access}: method,
         * path without its query string, status, bytes, milliseconds, correlation id. No header,
         * token or body. Default off.
         */
        public Builder accessLog(boolean value) {
            this.accessLog = value;
            return this;
        }

        /**
         * Whether the web console (connect-console: the Merchant Center's Connect screens over this
         * same API) is served at {@code /} and {@code /console/…}: only {@code GET} and {@code HEAD}
         * of its own files, everything else goes to the API as without it. Default on.
         */
        public Builder console(boolean value) {
            this.console = value;
            return this;
        }

        /** Threads serving requests (the services block); default 64. */
        public Builder maxThreads(int value) {
            this.maxThreads = value;
            return this;
        }

        /**
         * Whether a GET without body or query string is answered on the thread that read it
         * instead of being handed to another thread (fewer thread hand-offs: a lower tail latency
         * on few cores). Only for spaces whose stores never block, such as the memory stores:
         * a blocking read there would hold up every connection of that I/O thread. Default: true
         * with the default spaces (memory stores), false with {@link #spaces given ones}.
         */
        public Builder inlineReads(boolean value) {
            this.inlineReads = value;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IllegalStateException when it cannot listen (port taken, address not local, ...);
         *     what was given to this builder is closed then
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
