package io.connectstage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The console handler")
class ConsoleHandlerTest {
    private static Server server;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Stands in for the API: answers everything it is given with 404 and says it was the API. */
    private static final class Api extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(404);
            response.getHeaders().put("X-Answered-By", "api");
            response.write(true, ByteBuffer.wrap("api".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new ConsoleHandler(new Api(), request -> java.util.Map.of("X-Correlation-ID", "from-the-server")));
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> send(String method, String rawPath, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + rawPath)).method(method, HttpRequest.BodyPublishers.noBody());
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    @DisplayName("serves its files")
    class Serves {
        @Test
        @DisplayName("the page at / as HTML, with a strict CSP, nosniff, an entity tag and no-cache")
        void pageWithHeaders() throws Exception {
            HttpResponse<String> r = send("GET", "/", null);
            assertEquals(200, r.statusCode());
            assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline") && csp.startsWith("default-src 'none'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElseThrow());
            assertTrue(r.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]{32}\""));
            assertTrue(r.body().contains("<script type=\"module\" src=\"/console/app.js\"></script>"), r.body());
            assertEquals("from-the-server", r.headers().firstValue("X-Correlation-ID").orElseThrow());
        }

        @Test
        @DisplayName("scripts as JavaScript and style sheets as CSS")
        void contentTypes() throws Exception {
            assertEquals("text/javascript;charset=utf-8", send("GET", "/console/app.js", null).headers().firstValue("Content-Type").orElseThrow());
            assertEquals("text/css;charset=utf-8", send("GET", "/console/console.css", null).headers().firstValue("Content-Type").orElseThrow());
        }

        @Test
        @DisplayName("answers 304 with no body when the browser's entity tag is current")
        void notModified() throws Exception {
            String etag = send("GET", "/console/app.js", null).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = send("GET", "/console/app.js", etag);
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
            assertEquals(200, send("GET", "/console/app.js", "\"stale\"").statusCode());
        }

        @Test
        @DisplayName("answers HEAD with the headers of GET and no body")
        void head() throws Exception {
            HttpResponse<String> r = send("HEAD", "/", null);
            assertEquals(200, r.statusCode());
            assertEquals("", r.body());
            assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
        }
    }

    @Nested
    @DisplayName("leaves to the API")
    class FallsThrough {
        @ParameterizedTest(name = "GET {0}")
        @ValueSource(strings = {"/connectors/drafts", "/console/", "/console/missing.js", "/console/../pom.xml",
                "/console/%2e%2e/%2e%2e/io/connectstage/console/ConsoleHandler.class", "/console/..%2fassets.list",
                "/console//app.js", "/console/app.js/", "/index.html", "/assets.list", "/console/APP.JS"})
        @DisplayName("every path that is not one of its files, whatever its dots and encodings (or Jetty refuses it first)")
        void otherPaths(String path) throws Exception {
            HttpResponse<String> r = send("GET", path, null);
            boolean api = r.headers().firstValue("X-Answered-By").isPresent();
            boolean refusedByJetty = r.statusCode() == 400 && r.headers().firstValue("Content-Security-Policy").isEmpty();
            assertTrue(api || refusedByJetty, path + " → " + r.statusCode() + " " + r.headers().map());
        }

        @ParameterizedTest(name = "{0} /")
        @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS"})
        @DisplayName("every method other than GET and HEAD, also on its own paths")
        void otherMethods(String method) throws Exception {
            assertEquals("api", send(method, "/", null).headers().firstValue("X-Answered-By").orElse("console"));
            assertEquals("api", send(method, "/console/app.js", null).headers().firstValue("X-Answered-By").orElse("console"));
        }
    }
}
