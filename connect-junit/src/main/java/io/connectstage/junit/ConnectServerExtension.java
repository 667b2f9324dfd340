package io.connectstage.junit;

import io.connectstage.http.ConnectServer;
import io.connectstage.http.ProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a Connect server for a test class (registered on a static field) or for each test
 * (an instance field), as WireMock's extension does, and injects {@link ConnectServerInfo},
 * {@link HttpClient} and the base {@link URI} into test parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ConnectServerExtension connect = ConnectServerExtension.builder()
 *         .projectKey("my-project")
 *         .spaces(PerProjectSpaces.builder().analyzer(analyzer).build())   // or your own stores
 *         .build();
 *
 * @Test
 * void works(ConnectServerInfo info) {
 *     info.space().connectors().create(draft);                 // in process
 *     info.httpClient().send(info.request("/connectors/drafts").build(), ofString());   // over HTTP
 * }
 * }</pre>
 */
public final class ConnectServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    static final String DEFAULT_PROJECT_KEY = "test-project";

    private final Builder settings;
    private final boolean declarative;
    private ConnectServerInfo info;
    private boolean perClass;

    /** The extension as {@link ConnectServerTest} registers it: memory stores, settings from the annotation. */
    public ConnectServerExtension() {
        this.settings = new Builder();
        this.declarative = true;
    }

    private ConnectServerExtension(Builder settings) {
        this.settings = settings;
        this.declarative = false;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running server's facts; {@code null} before it starts. */
    public ConnectServerInfo info() {
        return info;
    }

    public ConnectServer server() {
        return info.server();
    }

    public URI baseUri() {
        return info.baseUri();
    }

    public String token() {
        return info.token();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (info == null) {
            start(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void start(ExtensionContext context) {
        String projectKey = settings.projectKey;
        if (declarative) {
            Optional<ConnectServerTest> annotation = context.getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, ConnectServerTest.class));
            if (annotation.isPresent()) {
                projectKey = annotation.get().projectKey();
            }
        }
        OAuthClient client = OAuthClient.of("junit-" + projectKey, java.util.UUID.randomUUID().toString(),
                List.of(new Scope(Scope.Permission.MANAGE_PROJECT, projectKey)));
        ConnectServer.Builder server = ConnectServer.builder().port(0).client(client).clock(settings.clock)
                .tokenLifetime(settings.tokenLifetime);
        settings.extraClients.forEach(server::client);
        if (settings.spaces != null) {
            server.spaces(settings.spaces);
        }
        ConnectServer started = server.start();
        String token = started.tokens().issue(client, null).get().value();
        info = new ConnectServerInfo(started, started.baseUri(), token,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                started.spaces().of(projectKey));
    }

    private void stop() {
        if (info != null) {
            info.server().close();
            info = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ConnectServerInfo.class || type == HttpClient.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (info == null) {
            start(context);
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == HttpClient.class) {
            return info.httpClient();
        }
        if (type == URI.class) {
            return info.baseUri();
        }
        return info;
    }

    public static final class Builder {
        private String projectKey = DEFAULT_PROJECT_KEY;
        private ProjectSpaces spaces;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofHours(48);
        private final java.util.List<OAuthClient> extraClients = new java.util.ArrayList<>();

        private Builder() {
        }

        /** The project of the ready token; default {@code test-project}. */
        public Builder projectKey(String value) {
            this.projectKey = Objects.requireNonNull(value, "projectKey is null");
            return this;
        }

        /** The stores (one space per project); default memory stores. */
        public Builder spaces(ProjectSpaces value) {
            this.spaces = Objects.requireNonNull(value, "spaces is null");
            return this;
        }

        /** The clock of token expiry. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime is null");
            return this;
        }

        /** Another API client the server accepts (other projects, narrower scopes). */
        public Builder client(OAuthClient value) {
            extraClients.add(Objects.requireNonNull(value, "client is null"));
            return this;
        }

        public ConnectServerExtension build() {
            return new ConnectServerExtension(this);
        }
    }
}
