package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.oauth.OAuthClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Clients that never go silent but never finish a request: the idle timeout (10 s here) does not
 * fire on them; the receive timeout (1 s here) does, and the connection limit (3 here) keeps them
 * from holding more than that many connections.
 */
@DisplayName("Trickling clients: a bounded time to send a request, a bounded number of connections")
class HttpSlowClientsTest {
    private static final long RECEIVE_TIMEOUT_MILLIS = 1000;
    private static ConnectServer server;
    private static String token;

    @BeforeAll
    static void start() {
        OAuthClient client = OAuthClient.parse("slow:slow-secret:manage_project:slow-project").get();
        server = ConnectServer.builder().client(client).idleTimeout(Duration.ofSeconds(10))
                .receiveTimeout(Duration.ofMillis(RECEIVE_TIMEOUT_MILLIS)).maxConnections(3).start();
        token = server.tokens().issue(client, null).get().value();
        // warm: the first request of a JVM loads much, which must not pass for a connection held back
        new Http(server.baseUri()).get("/connectors/drafts", token).expect(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Sends {@code bytes} one at a time, one every 100 ms, until the server closes the connection;
     * the milliseconds that took, or -1 when it was still open after all of them.
     */
    private static long trickle(byte[] bytes) throws IOException {
        return trickle(new byte[0], bytes);
    }

    /** {@link #trickle(byte[])} after sending {@code atOnce} at once. */
    private static long trickle(byte[] atOnce, byte[] bytes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(100);
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write(atOnce);
            out.flush();
            InputStream in = s.getInputStream();
            for (byte b : bytes) {
                try {
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                try {
                    if (in.read() < 0) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                    in.readAllBytes(); // an answer (408, 400): read on until the server closes
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                } catch (SocketTimeoutException e) {
                    // still open: send the next byte
                } catch (IOException e) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
            return -1;
        }
    }

    @Test
    @DisplayName("headers sent a byte at a time, never silent for long, are cut off after the receive timeout")
    void tricklingHeadersAreCutOffAfterTheReceiveTimeout() throws Exception {
        byte[] headers = ("GET /connectors/drafts HTTP/1.1\r\nHost: x\r\nX-Long: " + "z".repeat(200) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long closedAfter = trickle(headers);
        assertTrue(closedAfter >= 0, "still open after " + headers.length / 10 + " s of trickled headers");
        assertTrue(closedAfter < 8_000, closedAfter + " ms");
    }

    @Test
    @DisplayName("a body sent a byte at a time, after headers sent at once, is cut off after the receive timeout")
    void aTricklingBodyIsCutOffAfterTheReceiveTimeout() throws Exception {
        byte[] headers = ("POST /connectors/drafts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 250\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = ("{\"name\":\"" + "b".repeat(237) + "\"}").getBytes(StandardCharsets.US_ASCII);
        long closedAfter = trickle(headers, body);
        assertTrue(closedAfter >= 0, "still open after " + body.length / 10 + " s of trickled body");
        assertTrue(closedAfter < 8_000, closedAfter + " ms");
    }

    @Test
    @DisplayName("a client that sends its requests promptly keeps its connection across many receive timeouts")
    void aPromptClientKeepsItsConnectionAcrossRequests() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String body = "{\"name\":\"prompt\"}";
            for (int i = 0; i < 4; i++) {
                String request = i % 2 == 0
                        ? "GET /connectors/drafts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n"
                        : "POST /connectors/drafts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RawHttp.Response r = RawHttp.read(in);
                assertNotNull(r, "request " + i + " on the same connection");
                assertEquals(i % 2 == 0 ? 200 : 400, r.status(), r.headers() + r.body());
                Thread.sleep(RECEIVE_TIMEOUT_MILLIS / 2);
            }
        }
    }

    @Test
    @DisplayName("connections beyond the limit wait until the silent ones are closed by the receive timeout")
    void connectionsBeyondTheLimitWaitForTheHeldOnesToBeClosed() throws Exception {
        long start = System.nanoTime();
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET /conn".getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            RawHttp.Response r = RawHttp.exchange(server.port(), ("GET /connectors/drafts HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), 10_000);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertNotNull(r, "no answer within 10 s");
            assertEquals(200, r.status());
            // accepted only once a held connection was closed, at least a receive timeout after it was opened
            assertTrue(waited >= RECEIVE_TIMEOUT_MILLIS - 100, "answered after " + waited + " ms: the 4th connection was not held back");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
