package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectstage.oauth.OAuthClient;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Inline reads: a plain GET is answered on the thread that read it, everything else on the pool")
class InlineReadsTest {
    private static final OAuthClient CLIENT = OAuthClient.parse("inline:inline-secret-1:manage_project:inline").get();
    private static final int THREADS = 8;

    private static List<Socket> slowUploads(int port, String token, int count) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket("127.0.0.1", port);
            OutputStream out = s.getOutputStream();
            // a body announced and never sent: the route that reads it blocks its thread
            out.write(("POST /connectors/drafts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(s);
        }
        Thread.sleep(500); // each upload is on a thread of the pool, waiting for the rest of its body
        return sockets;
    }

    private static RawHttp.Response get(ConnectServer server, String token, String key) throws Exception {
        return RawHttp.exchange(server.port(), ("GET /connectors/drafts/key=" + key + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), 3_000);
    }

    @Test
    @DisplayName("with every thread of the pool held by a slow upload, a GET on an open connection is still answered")
    void aGetIsAnsweredWhileThePoolIsBusy() throws Exception {
        try (ConnectServer server = ConnectServer.builder().client(CLIENT).maxThreads(THREADS).idleTimeout(Duration.ofSeconds(8))
                .inlineReads(true).start();
                Socket reader = new Socket("127.0.0.1", server.port())) {
            String token = server.tokens().issue(CLIENT, null).get().value();
            reader.setSoTimeout(3_000);
            byte[] get = ("GET /connectors/drafts/key=none HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            reader.getOutputStream().write(get);
            assertEquals(404, RawHttp.read(reader.getInputStream()).status());
            List<Socket> uploads = slowUploads(server.port(), token, 2 * THREADS);
            try {
                reader.getOutputStream().write(get);
                RawHttp.Response answer = RawHttp.read(reader.getInputStream());

                assertNotNull(answer, "no answer within 3 s");
                assertEquals(404, answer.status());
            } finally {
                for (Socket s : uploads) {
                    s.close();
                }
            }
        }
    }

    @Test
    @DisplayName("a request with a body is read on the pool: the uploads did not hold up the thread that reads requests")
    void requestsWithABodyAreAnsweredOnThePool() throws Exception {
        try (ConnectServer server = ConnectServer.builder().client(CLIENT).maxThreads(THREADS).idleTimeout(Duration.ofSeconds(8))
                .inlineReads(true).start()) {
            String token = server.tokens().issue(CLIENT, null).get().value();
            List<Socket> uploads = slowUploads(server.port(), token, 2);
            try {
                String body = "{\"key\":\"kk\",\"name\":\"N\",\"creator\":{\"email\":\"a@example.com\"},"
                        + "\"repository\":{\"url\":\"https://github.com/acme/c.git\",\"tag\":\"1.0.0\"}}";
                RawHttp.Response created = RawHttp.exchange(server.port(), ("POST /connectors/drafts HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII), 3_000);

                assertNotNull(created, "no answer within 3 s");
                assertEquals(201, created.status(), created.body());
                assertEquals(200, get(server, token, "kk").status());
            } finally {
                for (Socket s : uploads) {
                    s.close();
                }
            }
        }
    }
}
