package io.connectstage.junit;

import io.connectstage.http.ConnectServer;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.http.ProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.Scope;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.processing.ProcessingPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a Connect server for a test class (registered on a static field, or by
 * {@link ConnectServerTest}) or for each test (an instance field), as WireMock's extension does, and
 * injects {@link ConnectServerInfo}, {@link HttpClient}, the base {@link URI}, the
 * {@link DeploymentFaults} and the {@link ConnectServer} into test parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ConnectServerExtension connect = ConnectServerExtension.builder()
 *         .projectKey("my-project")
 *         .client(OAuthClient.parse("viewer:secret:view_connectors:my-project").get())
 *         .build();
 *
 * @Test
 * void works(ConnectServerInfo info) {
 *     info.space().connectors().create(draft);                                  // in process
 *     info.post("/connectors/drafts", draftJson).assertStatus(201);             // over HTTP
 *     info.get("/connectors/drafts").assertStatus(200);
 * }
 * }</pre>
 *
 * <p>Lifecycle. The extension keeps no state of its own: each server lives in JUnit's
 * {@link ExtensionContext.Store} of the context that started it, which closes it (and everything
 * it owns: Jetty, processing threads, stores) when that context ends. A server started for a
 * class serves its {@code @Nested} classes and is closed once, after the outermost class; an
 * instance-field registration starts one per test; a {@linkplain Builder#shared() shared} one lives
 * in the root context and is closed at the end of the run. A failing {@code @BeforeAll} closes it
 * too.
 *
 * <p>Isolation. Before each test the server of a class (or a shared one) forgets every project's
 * connectors, Deployments, pending work and faults ({@link ConnectServer#reset()}); clients and
 * tokens stay. {@link Builder#resetBetweenTests(boolean) resetBetweenTests(false)} (or
 * {@link ConnectServerTest#resetBetweenTests()}) turns it off. With resets on, the tests of one
 * server take turns even under JUnit's parallel execution (tests of different servers still run
 * at once); with resets off they run as JUnit schedules them and share the server's state.
 *
 * <p>Processing. Previews, publishes and Deployment steps run in the background on two worker
 * threads. With no analyzer given, every repository is accepted
 * ({@link ConnectorAnalyzer#acceptingEverything()}): a publish settles as {@code Published} without
 * any repository being read. With {@link Builder#mirror mirrors}, the spec analyzer of
 * connect-analyzer (then needed on the test class path) clones them from their local paths and
 * analyzes their {@code connect.yaml} for real. {@link ConnectServerInfo#awaitSettled()} waits until
 * the work of the test's projects is done.
 */
public final class ConnectServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    static final String DEFAULT_PROJECT_KEY = "test-project";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConnectServerExtension.class);
    private static final int PROCESSING_WORKERS = 2;

    /** The builder's settings; {@code null} for the extension {@link ConnectServerTest} registers. */
    private final Builder settings;

    /** The extension as {@link ConnectServerTest} registers it: settings from the annotation. */
    public ConnectServerExtension() {
        this.settings = null;
    }

    private ConnectServerExtension(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One server for every test class that registers this very extension (the Testcontainers
     * singleton pattern), started at first use and closed at the end of the run:
     *
     * <pre>{@code
     * public final class SuiteServer {
     *     public static final ConnectServerExtension CONNECT = ConnectServerExtension.shared();
     * }
     * class SomeTest {
     *     @RegisterExtension
     *     static ConnectServerExtension connect = SuiteServer.CONNECT;
     * }
     * }</pre>
     */
    public static ConnectServerExtension shared() {
        return builder().shared().build();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RunningServer found = find(context);
        if (found == null) {
            // an instance field: a server for this test alone, closed with the test's context
            context.getStore(NAMESPACE).getOrComputeIfAbsent(key(context), k -> start(context), RunningServer.class);
        } else if (found.resetBetweenTests) {
            // tests on one server that resets take turns; the turn ends with the test's context
            context.getStore(NAMESPACE).put(List.of(RunningServer.Turn.class, key(context)), found.takeTurn());
            found.server.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ConnectServerInfo.class || type == HttpClient.class || type == URI.class
                || type == DeploymentFaults.class || type == ConnectServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningServer running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == HttpClient.class) {
            return running.httpClient;
        }
        if (type == URI.class) {
            return running.server.baseUri();
        }
        ConnectServerInfo info = new ConnectServerInfo(running);
        if (type == DeploymentFaults.class) {
            return info.faults();
        }
        if (type == ConnectServer.class) {
            return running.server;
        }
        return info;
    }

    /** The server this context sees (its own or an enclosing one's), started in the right store if none. */
    private RunningServer running(ExtensionContext context) {
        RunningServer found = find(context);
        if (found != null) {
            return found;
        }
        Builder s = settings(context);
        ExtensionContext.Store store = s.shared ? context.getRoot().getStore(NAMESPACE) : context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(key(context), k -> start(context), RunningServer.class);
    }

    /** Looks in this context's store and its parents' (the store does), up to the root. */
    private RunningServer find(ExtensionContext context) {
        Object key = key(context);
        RunningServer found = context.getStore(NAMESPACE).get(key, RunningServer.class);
        return found != null ? found : context.getRoot().getStore(NAMESPACE).get(key, RunningServer.class);
    }

    /** This extension instance, or for {@link ConnectServerTest} its attributes (equal annotations share). */
    private Object key(ExtensionContext context) {
        return settings != null ? this : annotation(context).map(a -> (Object) a).orElse(ConnectServerTest.class);
    }

    private Builder settings(ExtensionContext context) {
        if (settings != null) {
            return settings;
        }
        Builder b = new Builder();
        annotation(context).ifPresent(a -> {
            b.projectKey(a.projectKey()).resetBetweenTests(a.resetBetweenTests());
            if (a.shared()) {
                b.shared();
            }
            for (String m : a.mirrors()) {
                int eq = m.lastIndexOf('=');
                if (eq <= 0 || eq == m.length() - 1) {
                    throw new IllegalArgumentException("@ConnectServerTest mirrors are URL=PATH, not '" + m + "'");
                }
                b.mirror(m.substring(0, eq), Path.of(m.substring(eq + 1)));
            }
        });
        return b;
    }

    /** The annotation on the test class or the nearest enclosing class ({@code @Nested} ones have none). */
    private static Optional<ConnectServerTest> annotation(ExtensionContext context) {
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<ConnectServerTest> found = AnnotationSupport.findAnnotation(c, ConnectServerTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private RunningServer start(ExtensionContext context) {
        Builder s = settings(context);
        OAuthClient client = OAuthClient.of("junit-" + s.projectKey, UUID.randomUUID().toString(),
                List.of(new Scope(Scope.Permission.MANAGE_PROJECT, s.projectKey)));
        ConnectServer.Builder server = ConnectServer.builder().port(0).client(client).clients(s.clients)
                .clock(s.clock).tokenLifetime(s.tokenLifetime);
        if (s.spaces != null) {
            server.spaces(s.spaces.get());
        } else {
            ConnectorAnalyzer analyzer = s.analyzer != null ? s.analyzer
                    : s.mirrors.isEmpty() ? ConnectorAnalyzer.acceptingEverything() : MirrorAnalyzer.of(s.mirrors);
            ProcessingPool pool = new ProcessingPool(PROCESSING_WORKERS);
            server.closing(pool).spaces(PerProjectSpaces.builder().clock(s.clock).analyzer(analyzer).pool(pool)
                    .faults(new DeploymentFaults()).build());
        }
        ConnectServer started = server.start();
        return new RunningServer(started, s.projectKey, client,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), s.resetBetweenTests);
    }

    /** The settings of a {@link ConnectServerExtension}; each has a default. */
    public static final class Builder {
        private String projectKey = DEFAULT_PROJECT_KEY;
        private Supplier<? extends ProjectSpaces> spaces;
        private ConnectorAnalyzer analyzer;
        private final Map<String, Path> mirrors = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofHours(48);
        private final List<OAuthClient> clients = new ArrayList<>();
        private boolean resetBetweenTests = true;
        private boolean shared;

        private Builder() {
        }

        /** The project of the ready token ({@link ConnectServerInfo#token()}); default {@code test-project}. */
        public Builder projectKey(String value) {
            this.projectKey = Objects.requireNonNull(value, "projectKey is null");
            return this;
        }

        /**
         * These stores and this processing (one space per project) instead of the default memory
         * stores: for one server only, since the server closes them; an instance-field
         * registration (a server per test) takes {@link #spaces(Supplier)}. Resets between tests
         * need {@link PerProjectSpaces} (or turn them off).
         */
        public Builder spaces(ProjectSpaces value) {
            Objects.requireNonNull(value, "spaces is null");
            AtomicBoolean used = new AtomicBoolean();
            this.spaces = () -> {
                if (used.getAndSet(true)) {
                    throw new IllegalStateException("the spaces given to ConnectServerExtension.Builder.spaces serve one"
                            + " server, closed with it; give spaces(() -> ...) to make some for each server");
                }
                return value;
            };
            return this;
        }

        /** Makes the stores and processing of each server started (the server closes them). */
        public Builder spaces(Supplier<? extends ProjectSpaces> value) {
            this.spaces = Objects.requireNonNull(value, "spaces is null");
            return this;
        }

        /**
         * Analyzes previews and publishes with this analyzer (with the default memory stores);
         * default: every repository accepted, or the spec analyzer when {@link #mirror mirrors} are given.
         */
        public Builder analyzer(ConnectorAnalyzer value) {
            this.analyzer = Objects.requireNonNull(value, "analyzer is null");
            return this;
        }

        /**
         * Analyzes the repository at {@code url} for real, cloned from the local repository at
         * {@code localPath} (as {@code ./connect serve --repo-mirror URL=PATH}); needs connect-analyzer
         * on the test class path. Other URLs are fetched as the analyzer's defaults allow (public hosts).
         */
        public Builder mirror(String url, Path localPath) {
            mirrors.put(Objects.requireNonNull(url, "url is null"), Objects.requireNonNull(localPath, "localPath is null"));
            return this;
        }

        /** The clock of token expiry and of the default stores. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime is null");
            return this;
        }

        /** Another API client the server accepts (other projects, narrower scopes); {@link ConnectServerInfo#tokenFor} gives its tokens. */
        public Builder client(OAuthClient value) {
            clients.add(Objects.requireNonNull(value, "client is null"));
            return this;
        }

        /** Whether each test starts from empty stores, no pending work and no faults; default true. */
        public Builder resetBetweenTests(boolean value) {
            this.resetBetweenTests = value;
            return this;
        }

        /**
         * One server for every class registering this extension, closed at the end of the run
         * (see {@link ConnectServerExtension#shared()}).
         */
        public Builder shared() {
            this.shared = true;
            return this;
        }

        public ConnectServerExtension build() {
            return new ConnectServerExtension(this);
        }
    }
}
