package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.json.ConnectJson;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.store.ConnectorQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hostile clients: malformed, oversized, slow")
class HttpHostileClientsTest {
    private static final long SEED = Long.getLong("connectstage.fuzz.seed", 20261130L);
    private static ConnectServer server;
    private static String token;

    @BeforeAll
    static void start() {
        OAuthClient client = OAuthClient.parse("fuzz:fuzz-secret:manage_project:fuzz-project").get();
        PerProjectSpaces normal = PerProjectSpaces.builder().build();
        ProjectSpaces spaces = key -> {
            if (key.equals("boom")) {
                throw new IllegalStateException("a bug at io.connectstage.Secret.method(Secret.java:42)");
            }
            return normal.of(key);
        };
        server = ConnectServer.builder().client(client)
                .client(OAuthClient.parse("boom:boom-secret:manage_project:boom").get())
                .spaces(spaces).idleTimeout(Duration.ofMillis(1500)).start();
        token = server.tokens().issue(client, null).get().value();
        Http http = new Http(server.baseUri());
        for (int i = 0; i < 5; i++) {
            http.post("/connectors/drafts", token, Http.draft("fuzz-" + i)).expect(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String state() {
        return ConnectJson.write(server.spaces().of("fuzz-project").connectors().query(ConnectorQuery.defaults().withLimit(500)).get());
    }

    @Test
    void aBugInAHandlerIs500GeneralWithNothingOfTheStackAndTheServerKeepsServing() {
        Http http = new Http(server.baseUri());
        String boom = server.tokens().issue("boom", "boom-secret", null).get().value();
        Http.Reply r = http.get("/connectors/drafts", boom).expect(500, "General");
        assertFalse(r.body().contains("Secret") || r.body().contains("Exception") || r.body().contains("at io."), r.body());
        http.get("/connectors/drafts", token).expect(200);
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /connectors/drafts HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            in.readAllBytes(); // returns once the server closes
            assertTrue(System.nanoTime() - start < 9_000_000_000L);
        }
    }

    @Test
    void aRefusedRequestWhoseBodyArrivesLateLeavesTheConnectionUsableForTheNextRequest() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String body = "{\"name\":\"late\"}";
            out.write(("POST /connectors/drafts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer not-a-token"
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body.substring(0, 5)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write((body.substring(5) + "GET /connectors/drafts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();

            RawHttp.Response refused = RawHttp.read(in);
            RawHttp.Response next = RawHttp.read(in);

            assertEquals(401, refused.status(), refused.headers());
            assertEquals(200, next == null ? -1 : next.status(), refused.headers());
        }
    }

    @Test
    void aBodyThatNeverArrivesTimesOut() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /connectors/drafts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            if (r != null) {
                assertTrue(r.status() >= 400 && r.status() < 500, r.headers());
            }
        }
        assertEquals(200, new Http(server.baseUri()).get("/connectors/drafts", token).status());
    }

    @Test
    void aThousandMalformedOrOversizedRequestsAreEachAWellFormed4xxAndChangeNothing() throws Exception {
        String before = state();
        Random random = new Random(SEED);
        List<Function<Random, byte[]>> kinds = List.of(
                HttpHostileClientsTest::badBody, HttpHostileClientsTest::badPath, HttpHostileClientsTest::badHeader,
                HttpHostileClientsTest::badMethod, HttpHostileClientsTest::oversized, HttpHostileClientsTest::badQuery,
                HttpHostileClientsTest::badAuth);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] request = kinds.get(i % kinds.size()).apply(random);
            RawHttp.Response r = RawHttp.exchange(server.port(), request, 10_000);
            String problem = check(r);
            if (problem != null) {
                failures.add("#" + i + " (seed " + SEED + "): " + problem + "\n  request: "
                        + new String(request, 0, Math.min(300, request.length), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g.\n" + String.join("\n", failures.subList(0,
                Math.min(10, failures.size()))));
        assertEquals(before, state());
        assertEquals(200, new Http(server.baseUri()).get("/connectors/drafts", token).status());
    }

    private static String check(RawHttp.Response r) {
        if (r == null) {
            return "no answer";
        }
        if (r.status() < 400 || r.status() > 499) {
            return "status " + r.status() + ": " + r.headers() + r.body();
        }
        if (!r.headers().toLowerCase().contains("content-type: application/json")) {
            return "not JSON: " + r.headers();
        }
        try {
            JsonNode j = ConnectJson.mapper().readTree(r.body());
            if (j.get("statusCode").asInt() != r.status() || !j.get("message").isTextual() || !j.at("/errors/0/code").isTextual()) {
                return "not the Connect error shape: " + r.body();
            }
        } catch (IOException | NullPointerException e) {
            return "body not JSON: " + r.body();
        }
        if (r.body().contains("Exception") || r.body().contains("org.eclipse")) {
            return "internals in the body: " + r.body();
        }
        return null;
    }

    // --- generators ----------------------------------------------------------------------------

    private static final String[] PATHS = {"/connectors/drafts", "/connectors/drafts/x", "/connectors/drafts/key=fuzz-1",
        "/connectors/search", "/connectors/x", "/oauth/token"};

    private static String printable(Random r, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            b.append((char) (33 + r.nextInt(94)));
        }
        return b.toString();
    }

    private static byte[] request(String method, String target, List<String> headers, byte[] body) {
        StringBuilder b = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        if (body != null) {
            b.append("Content-Length: ").append(body.length).append("\r\n");
        }
        b.append("\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return head;
        }
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static List<String> auth() {
        return List.of("Authorization: Bearer " + token, "Content-Type: application/json");
    }

    private static byte[] badBody(Random r) {
        String[] fragments = {"{", "}", "[", "]", "\"name\"", ":", ",", "null", "true", "1e999999", "\"\\u0000\"", "\"version\"",
            "\"actions\"", "{\"action\":\"setName\"}", "-", "\uFFFF", "\"creator\"", "{\"email\":5}"};
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(20);
        for (int i = 0; i < n; i++) {
            b.append(fragments[r.nextInt(fragments.length)]);
        }
        byte[] body = r.nextInt(4) == 0 ? randomBytes(r, 200) : b.toString().getBytes(StandardCharsets.UTF_8);
        String path = r.nextBoolean() ? "/connectors/drafts" : "/connectors/drafts/key=fuzz-" + r.nextInt(5);
        return request("POST", path, auth(), body);
    }

    private static byte[] randomBytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** A bare "/" is no bad path: it is the web console's page (ConnectServer.Builder.console). */
    private static String notTheConsole(String path) {
        return path.equals("/") ? "/-" : path;
    }

    private static byte[] badPath(Random r) {
        String[] paths = {notTheConsole("/" + printable(r, 40).replace("?", "")), "/connectors/drafts/" + printable(r, 10) + "/x",
            "/connectors/%zz", "/connectors/drafts/%", "/../../etc/passwd", "/connectors/drafts/key=%2F%2F..",
            "/connectors/" + "a/".repeat(r.nextInt(50) + 1), "/connectors/drafts/%00", "*", "http://evil/connectors/drafts",
            "/connectors/drafts/" + "x".repeat(20000), "/connectors//drafts", "/connectors/drafts/;a=b"};
        return request(r.nextBoolean() ? "GET" : "DELETE", paths[r.nextInt(paths.length)], auth(), null);
    }

    private static byte[] badHeader(Random r) {
        String[] headers = {"Content-Length: -1", "Content-Length: abc", "Content-Length: 99999999999999999999",
            "Transfer-Encoding: chunked\r\nContent-Length: 5", "X-Big: " + "y".repeat(20000), "Bad Header Line",
            ": no-name", "Content-Type: text/plain", "Content-Type: " + printable(r, 30), "Host: a\r\nHost: b",
            "Transfer-Encoding: gzip", "Expect: 100-banana", "X-" + printable(r, 10) + "\u0001: x"};
        List<String> hs = new ArrayList<>(List.of("Authorization: Bearer " + token));
        hs.add(headers[r.nextInt(headers.length)]);
        return request("POST", "/connectors/drafts", hs, r.nextBoolean() ? null : "{".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] badMethod(Random r) {
        String[] methods = {"PUT", "PATCH", "TRACE", "CONNECT", "FOO", "get", "G E T", printable(r, 12), "OPTIONS", "PROPFIND"};
        String m = methods[r.nextInt(methods.length)];
        if (m.isEmpty()) {
            m = "X";
        }
        return request(m, PATHS[r.nextInt(PATHS.length - 1)], auth(), null);
    }

    private static byte[] oversized(Random r) {
        byte[] body = new byte[1024 * 1024 + 1 + r.nextInt(4096)];
        java.util.Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        if (r.nextBoolean()) {
            return request("POST", "/connectors/drafts", auth(), body);
        }
        // chunked, no length given up front
        StringBuilder b = new StringBuilder("POST /connectors/drafts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        int chunk = 64 * 1024;
        String data = "x".repeat(chunk);
        for (int sent = 0; sent <= 1024 * 1024; sent += chunk) {
            b.append(Integer.toHexString(chunk)).append("\r\n").append(data).append("\r\n");
        }
        b.append("0\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] badQuery(Random r) {
        String[] queries = {"limit=x" + printable(r, 5).replace("&", "").replace("#", ""), "limit=-" + r.nextInt(100) + 1, "offset=" + (10001 + r.nextInt(1000)),
            "sort=" + printable(r, 8).replace("&", "").replace("#", ""), "isPrivate=" + printable(r, 4).replace("&", "") + "x",
            "limit=%zz", "sort=name%20sideways", "integrationTypes=" + printable(r, 6).replace("&", "") + "_"};
        return request("GET", "/connectors/drafts?" + queries[r.nextInt(queries.length)].replace(" ", "%20").replace("#", ""),
                auth(), null);
    }

    private static byte[] badAuth(Random r) {
        String[] values = {"Bearer " + printable(r, 40), "Basic " + printable(r, 20), "Bearer", "", printable(r, 30),
            "Bearer " + token + "x", "bearer  "};
        return request(r.nextBoolean() ? "GET" : "POST", r.nextBoolean() ? "/connectors/drafts" : "/oauth/token",
                List.of("Authorization: " + values[r.nextInt(values.length)], "Content-Type: application/x-www-form-urlencoded"),
                "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII));
    }
}
