package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.oauth.OAuthClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("X-Correlation-ID on every answer, and the server's log")
class HttpCorrelationIdTest {
    private static ConnectServer server;
    private static String token;
    private static String boom;
    private static String viewer;

    @BeforeAll
    static void start() {
        OAuthClient client = OAuthClient.parse("cid:cid-secret:manage_project:cid-project").get();
        PerProjectSpaces normal = PerProjectSpaces.builder().build();
        ProjectSpaces spaces = key -> {
            if (key.equals("boom")) {
                throw new IllegalStateException("a bug deep down");
            }
            return normal.of(key);
        };
        server = ConnectServer.builder().client(client)
                .client(OAuthClient.parse("boom:boom-secret:manage_project:boom").get())
                .client(OAuthClient.parse("viewer:viewer-secret:view_connectors:cid-project").get())
                .spaces(spaces).maxBodyBytes(1000).accessLog(true).start();
        token = server.tokens().issue(client, null).get().value();
        boom = server.tokens().issue("boom", "boom-secret", null).get().value();
        viewer = server.tokens().issue("viewer", "viewer-secret", null).get().value();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One request on its own connection; {@code head} is the request line and headers, without the blank line. */
    private static RawHttp.Response send(String head, String body) throws Exception {
        byte[] bytes = (head + "\r\nHost: x\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = RawHttp.exchange(server.port(), bytes, 10_000);
        assertNotNull(r, head);
        return r;
    }

    private static String correlationId(RawHttp.Response r) {
        String found = null;
        for (String line : r.headers().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("x-correlation-id:")) {
                assertEquals(null, found, "one X-Correlation-ID only: " + r.headers());
                found = line.substring("x-correlation-id:".length()).trim();
            }
        }
        return found;
    }

    private static String basic(String id, String secret) {
        return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("a client's id is echoed")
    class Echoed {
        private void assertEchoed(int status, String head, String body) throws Exception {
            RawHttp.Response r = send(head + "\r\nX-Correlation-ID: my-cli/42 abc", body);
            assertEquals(status, r.status(), r.headers() + r.body());
            assertEquals("my-cli/42 abc", correlationId(r), head);
        }

        @Test
        void onSuccessesAndOnEveryKindOfError() throws Exception {
            String auth = "\r\nAuthorization: Bearer " + token;
            assertEchoed(200, "GET /connectors/drafts HTTP/1.1" + auth, "");
            assertEchoed(401, "GET /connectors/drafts HTTP/1.1", "");
            assertEchoed(403, "POST /connectors/drafts HTTP/1.1\r\nAuthorization: Bearer " + viewer, Http.draft("never"));
            assertEchoed(404, "GET /nowhere HTTP/1.1" + auth, "");
            assertEchoed(405, "PUT /connectors/drafts HTTP/1.1" + auth, "");
            assertEchoed(415, "POST /connectors/drafts HTTP/1.1" + auth + "\r\nContent-Type: text/plain", "x");
            assertEchoed(413, "POST /connectors/drafts HTTP/1.1" + auth + "\r\nContent-Type: application/json",
                    "{\"name\":\"" + "x".repeat(2000) + "\"}");
            assertEchoed(500, "GET /connectors/drafts HTTP/1.1\r\nAuthorization: Bearer " + boom, "");
        }

        @Test
        void onTheAuthServiceTheFaultsAndTheDeploymentsRoutes() throws Exception {
            String form = "\r\nContent-Type: application/x-www-form-urlencoded";
            assertEchoed(200, "POST /oauth/token HTTP/1.1\r\nAuthorization: Basic " + basic("cid", "cid-secret") + form,
                    "grant_type=client_credentials");
            assertEchoed(401, "POST /oauth/token HTTP/1.1\r\nAuthorization: Basic " + basic("cid", "wrong") + form,
                    "grant_type=client_credentials");
            assertEchoed(200, "POST /oauth/introspect HTTP/1.1\r\nAuthorization: Basic " + basic("cid", "cid-secret") + form,
                    "token=" + token);
            assertEchoed(401, "POST /.connectstage/projects/cid-project/faults HTTP/1.1", "{}");
            assertEchoed(200, "GET /cid-project/deployments HTTP/1.1\r\nAuthorization: Bearer " + token, "");
            assertEchoed(403, "GET /other-project/deployments HTTP/1.1\r\nAuthorization: Bearer " + token, "");
        }

        @Test
        void onRequestsJettyRefusesByItself() throws Exception {
            // headers too large (431): Jetty's error handler answers before any route
            RawHttp.Response big = send("GET /connectors/drafts HTTP/1.1\r\nX-Correlation-ID: big-one\r\nX-Big: "
                    + "y".repeat(20_000), "");
            assertEquals(431, big.status(), big.headers());
            assertNotNull(correlationId(big), big.headers());
            // not HTTP at all (400): nothing to echo, a fresh id
            RawHttp.Response bad = RawHttp.exchange(server.port(), "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 10_000);
            assertEquals(400, bad.status(), bad.headers());
            assertTrue(correlationId(bad).startsWith("connectstage-"), bad.headers());
        }
    }

    @Nested
    @DisplayName("a fresh id is generated")
    class Generated {
        @Test
        void whenTheClientSendsNone() throws Exception {
            String a = correlationId(send("GET /connectors/drafts HTTP/1.1", ""));
            String b = correlationId(send("GET /connectors/drafts HTTP/1.1", ""));
            assertTrue(a.matches("connectstage-[0-9a-f-]{36}"), a);
            assertNotEquals(a, b);
        }

        @Test
        void whenTheClientsIdIsTooLongOrNotPrintableAscii() throws Exception {
            String tooLong = "a".repeat(CorrelationId.MAX_LENGTH + 1);
            String echoedAtTheLimit = correlationId(send("GET /connectors/drafts HTTP/1.1\r\nX-Correlation-ID: "
                    + tooLong.substring(1), ""));
            assertEquals(tooLong.substring(1), echoedAtTheLimit);
            assertTrue(correlationId(send("GET /connectors/drafts HTTP/1.1\r\nX-Correlation-ID: " + tooLong, ""))
                    .startsWith("connectstage-"));
            // é as UTF-8 bytes, and a control character (Jetty passes both to the handler)
            assertTrue(correlationId(send("GET /connectors/drafts HTTP/1.1\r\nX-Correlation-ID: caf\u00e9", ""))
                    .startsWith("connectstage-"));
            assertTrue(correlationId(send("GET /connectors/drafts HTTP/1.1\r\nX-Correlation-ID: a\tb", ""))
                    .startsWith("connectstage-"));
        }
    }

    @Nested
    @DisplayName("the log")
    class Log {
        @Test
        @DisplayName("a 500 is logged with its correlation id, route and stack; the answer says only Internal server error")
        void a500IsLoggedWithItsCorrelationIdRouteAndStack() throws Exception {
            try (LogCapture log = new LogCapture()) {
                RawHttp.Response r = send("GET /connectors/drafts?where=hush HTTP/1.1\r\nX-Correlation-ID: find-me-500"
                        + "\r\nAuthorization: Bearer " + boom, "");
                assertEquals(500, r.status());
                assertFalse(r.body().contains("bug"), r.body());
                String text = log.await("find-me-500");
                assertTrue(text.contains("500 on GET /connectors/drafts (correlation id find-me-500)"), text);
                assertTrue(text.contains("java.lang.IllegalStateException: a bug deep down"), text);
                assertTrue(text.contains("\tat io.connectstage.http."), "the stack: " + text);
                assertFalse(text.contains(boom) || text.contains("hush"), "no token, no query string: " + text);
            }
        }

        @Test
        @DisplayName("the access log has one line per request, its correlation id, and no token, query string or body")
        void theAccessLogHasOneLinePerRequestAndNoSecret() throws Exception {
            try (LogCapture log = new LogCapture()) {
                send("POST /connectors/drafts?where=hush HTTP/1.1\r\nX-Correlation-ID: find-me-access"
                        + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token, "{\"name\":\"whisper\"}");
                String text = log.await("find-me-access");
                String line = text.lines().filter(l -> l.contains("find-me-access")).findFirst().orElseThrow();
                assertTrue(line.contains("\"POST /connectors/drafts HTTP/1.1\" 400"), line);
                assertTrue(line.contains(AccessLog.LOGGER), line);
                assertFalse(text.contains(token) || text.contains("hush") || text.contains("whisper"), text);
            }
        }

        @Test
        void theAccessLogIsOffByDefault() throws Exception {
            try (ConnectServer quiet = ConnectServer.builder().client(OAuthClient.parse("q:q-secret:manage_project:q-project")
                    .get()).start(); LogCapture log = new LogCapture()) {
                RawHttp.Response r = RawHttp.exchange(quiet.port(), ("GET /connectors/drafts HTTP/1.1\r\nHost: x\r\n"
                        + "X-Correlation-ID: not-logged\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), 10_000);
                assertEquals(401, r.status());
                assertEquals("not-logged", correlationId(r));
                // the lines of the server above are written within milliseconds of their answer
                send("GET /connectors/drafts HTTP/1.1\r\nX-Correlation-ID: logged-after", "");
                String text = log.await("logged-after");
                assertFalse(text.contains("not-logged"), text);
            }
        }
    }
}
