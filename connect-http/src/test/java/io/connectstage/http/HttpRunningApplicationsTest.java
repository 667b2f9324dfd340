package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.Analysis;
import io.connectstage.testkit.SampleDeployments;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server's edge of running applications, with a {@link RecordingRunner} whose "application" is
 * a real local HTTP server ({@link EchoApplication}): the runner reaches the processors (Deployed
 * with its URLs), the proxy forwards to the application and logs each request, the event and job
 * routes reach the runner, and a server without a runner says it runs none.
 */
@DisplayName("running applications over HTTP")
class HttpRunningApplicationsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String RUN = "/.connectstage/projects/project-a/deployments/";

    private final List<AutoCloseable> opened = new ArrayList<>();
    private EchoApplication app;
    private RecordingRunner runner;
    private ConnectServer server;
    private Http http;
    private String token;

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /** A server with a runner whose service, event and job applications are the echo application. */
    private void start(AppProxyLimits limits) throws IOException {
        app = new EchoApplication();
        opened.add(app);
        AtomicReference<ConnectServer> holder = new AtomicReference<>();
        runner = new RecordingRunner(() -> holder.get().baseUri(), app.address(),
                Map.of("service", "service", "events", "event", "nightly", "job"));
        PerProjectSpaces spaces = PerProjectSpaces.builder().executor(Runnable::run)
                .analyzer((repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                        ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                        SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null))
                .build();
        server = ConnectServer.builder()
                .client(OAuthClient.parse("a:sa:manage_project:project-a").get())
                .client(OAuthClient.parse("v:sv:view_connectors_deployments:project-a").get())
                .client(OAuthClient.parse("b:sb:manage_project:project-b").get())
                .spaces(spaces).runner(runner).appProxyLimits(limits)
                .inlineReads(true) // as serve with memory stores: a proxied GET must still leave the I/O thread
                .start();
        holder.set(server);
        opened.add(server);
        http = new Http(server.baseUri());
        token = token("a", "sa");
    }

    private String token(String id, String secret) {
        return http.token(id, secret, null).expect(200).json().get("access_token").asText();
    }

    /** A published connector and a Deployment of it, Deployed by the runner: its JSON. */
    private JsonNode deployed(String key) {
        JsonNode staged = http.post("/connectors/drafts", token, Http.draft("conn-" + key)).expect(201).json();
        http.post("/connectors/drafts/key=conn-" + key, token, "{\"version\":" + staged.get("version").asLong()
                + ",\"actions\":[{\"action\":\"publish\",\"certification\":false}]}").expect(201);
        http.post("/project-a/deployments", token, DeploymentJson.writeForStorage(SampleDeployments.validDraft()
                .key(key).connectorKey("conn-" + key).build())).expect(201);
        JsonNode d = http.get("/project-a/deployments/key=" + key, token).expect(200).json();
        for (int i = 0; i < 500 && !d.get("status").asText().equals("Deployed"); i++) {
            sleep();
            d = http.get("/project-a/deployments/key=" + key, token).expect(200).json();
        }
        assertEquals("Deployed", d.get("status").asText(), d.toString());
        return d;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String url(JsonNode deployment, String application) {
        for (JsonNode a : deployment.get("applications")) {
            if (a.get("applicationName").asText().equals(application)) {
                return a.get("url").asText();
            }
        }
        throw new AssertionError("no application " + application + " in " + deployment);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String body) {
        return new Http.Reply(200, body, null).json();
    }

    /** The HTTP_REQUEST entries of the Deployment's logs, oldest first. */
    private List<JsonNode> requestLogs(String key) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode log : http.get("/project-a/deployments/key=" + key + "/logs?limit=100", token).expect(200).json()
                .get("data")) {
            if (log.get("type").asText().equals("HTTP_REQUEST")) {
                out.add(log);
            }
        }
        return out;
    }

    @Nested
    @DisplayName("the runner given to the server")
    class Wiring {

        @Test
        @DisplayName("reaches every processor: a Deployment ends Deployed with the runner's URL on the server for each application")
        void deployedWithTheRunnersUrls() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            JsonNode d = deployed("wired");
            assertEquals(server.baseUri() + "/.connectstage/apps/" + d.get("id").asText() + "/service", url(d, "service"));
            assertEquals(runner, server.runner().orElseThrow());
        }

        @Test
        @DisplayName("is closed with the server, after the spaces")
        void closedWithTheServer() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            assertFalse(runner.closed.get());
            server.close();
            assertTrue(runner.closed.get());
        }

        @Test
        @DisplayName("is refused with spaces that met a project already: their processor would run without it")
        void refusedWithSpacesInUse() {
            PerProjectSpaces spaces = PerProjectSpaces.builder().build();
            spaces.of("project-a");
            RecordingRunner r = new RecordingRunner(() -> URI.create("http://127.0.0.1:1"), null, Map.of());
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> ConnectServer.builder().spaces(spaces).runner(r).start());
            assertTrue(e.getMessage().contains("met projects"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("the proxy to an application's URL")
    class Proxy {

        @Test
        @DisplayName("forwards method, rest of the path, query, headers and body without a token, and streams the answer back")
        void forwards() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            String service = url(deployed("fwd"), "service");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(service + "/orders/o%201?x=1&y=a%20b"))
                    .header("X-Custom", "kept").header("User-Agent", "proxy-test")
                    .method("PUT", HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}")));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("echo", r.headers().firstValue("x-app").orElse(null));
            JsonNode echo = json(r.body());
            assertEquals("PUT", echo.get("method").asText());
            assertEquals("/orders/o%201", echo.get("path").asText());
            assertEquals("x=1&y=a%20b", echo.get("query").asText());
            assertEquals("{\"hello\":\"world\"}", echo.get("body").asText());
            assertEquals("kept", echo.at("/headers/x-custom").asText());
            assertEquals("127.0.0.1", echo.at("/headers/x-forwarded-for").asText());
            assertEquals("127.0.0.1:" + app.address().getPort(), echo.at("/headers/host").asText());

            assertEquals("/", json(send(HttpRequest.newBuilder(URI.create(service))).body()).get("path").asText());
            assertEquals("/", json(send(HttpRequest.newBuilder(URI.create(service + "/"))).body()).get("path").asText());
            assertEquals(418, send(HttpRequest.newBuilder(URI.create(service + "/status/418"))).statusCode());
            RawHttp.Response kept = RawHttp.exchange(server.port(), ("GET " + URI.create(service).getRawPath()
                    + "/again HTTP/1.1\r\nHost: h\r\n\r\n").getBytes(StandardCharsets.US_ASCII), 30_000);
            assertEquals(200, kept.status());
            assertFalse(kept.headers().toLowerCase(java.util.Locale.ROOT).contains("connection: close"),
                    "a request without a body keeps its connection: " + kept.headers());
        }

        @Test
        @DisplayName("logs every request as an HTTP_REQUEST entry with Cloud Run's httpRequest fields, its severity by status")
        void logsEachRequest() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            JsonNode d = deployed("logged");
            String service = url(d, "service");
            send(HttpRequest.newBuilder(URI.create(service + "/a?b=c")).header("User-Agent", "log-test")
                    .POST(HttpRequest.BodyPublishers.ofString("12345")));
            send(HttpRequest.newBuilder(URI.create(service + "/status/503")));
            List<JsonNode> logs = requestLogs("logged");
            assertEquals(2, logs.size(), logs.toString());
            JsonNode first = logs.stream().filter(l -> l.at("/details/status").asInt() == 200).findFirst().orElseThrow();
            assertEquals(d.get("id").asText(), first.get("deploymentId").asText());
            assertEquals("service", first.get("applicationName").asText());
            assertEquals("INFO", first.get("severity").asText());
            JsonNode details = first.get("details");
            assertEquals("POST", details.get("requestMethod").asText());
            assertEquals(service + "/a?b=c", details.get("requestUrl").asText());
            assertEquals("5", details.get("requestSize").asText());
            assertEquals("log-test", details.get("userAgent").asText());
            assertEquals("127.0.0.1", details.get("remoteIp").asText());
            assertTrue(details.get("latency").asText().matches("[0-9.]+s"), details.toString());
            JsonNode failed = logs.stream().filter(l -> l.at("/details/status").asInt() == 503).findFirst().orElseThrow();
            assertEquals("ERROR", failed.get("severity").asText());
        }

        @Test
        @DisplayName("forwards no hop-by-hop header, none the Connection header names, and not the client's Host")
        void hopByHop() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            String service = url(deployed("hops"), "service");
            URI u = URI.create(service + "/x");
            String request = "POST " + u.getRawPath() + " HTTP/1.1\r\nHost: evil.example\r\nConnection: keep-alive, X-Drop\r\n"
                    + "X-Drop: secret\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic eA==\r\n"
                    + "X-Kept: yes\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
            RawHttp.Response r = RawHttp.exchange(server.port(), request.getBytes(StandardCharsets.US_ASCII), 30_000);
            assertEquals(200, r.status(), r.headers() + r.body());
            JsonNode headers = json(r.body()).get("headers");
            assertEquals("yes", headers.get("x-kept").asText());
            for (String gone : List.of("x-drop", "keep-alive", "te", "proxy-authorization", "upgrade")) {
                assertNull(headers.get(gone), gone + " in " + headers);
            }
            assertEquals("127.0.0.1:" + app.address().getPort(), headers.get("host").asText());
            assertEquals("evil.example", headers.get("x-forwarded-host").asText());
            assertEquals("hello", json(r.body()).get("body").asText());
        }

        @Test
        @DisplayName("a body over the limit is 413; an answer declared over its limit is 502; one streamed over it is cut")
        void caps() throws IOException {
            start(new AppProxyLimits(1024, 1024, Duration.ofSeconds(60)));
            String service = url(deployed("caps"), "service");
            HttpResponse<String> big = send(HttpRequest.newBuilder(URI.create(service + "/up"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048))));
            assertEquals(413, big.statusCode(), big.body());
            assertEquals("General", json(big.body()).at("/errors/0/code").asText());
            String chunked = "POST " + URI.create(service).getRawPath() + "/up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "800\r\n" + "x".repeat(2048) + "\r\n0\r\n\r\n";
            assertEquals(413, RawHttp.exchange(server.port(), chunked.getBytes(StandardCharsets.US_ASCII), 30_000).status());

            HttpResponse<String> declared = send(HttpRequest.newBuilder(URI.create(service + "/big")));
            assertEquals(502, declared.statusCode(), declared.body());
            assertTrue(json(declared.body()).get("message").asText().contains("1024 bytes"), declared.body());

            boolean cut;
            try {
                HttpResponse<String> streamed = CLIENT.send(HttpRequest.newBuilder(URI.create(service + "/stream-big"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                cut = streamed.body().length() <= 1024;
            } catch (IOException | InterruptedException e) {
                cut = true;
            }
            assertTrue(cut, "an answer over the limit came whole");
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(service + "/small"))).statusCode());
        }

        @Test
        @DisplayName("an application that has not answered by the timeout is 504, logged")
        void timeout() throws IOException {
            start(new AppProxyLimits(1024, 1024, Duration.ofSeconds(1)));
            String service = url(deployed("slow"), "service");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(service + "/slow")));
            assertEquals(504, r.statusCode(), r.body());
            assertEquals("General", json(r.body()).at("/errors/0/code").asText());
            assertEquals(504, requestLogs("slow").get(0).at("/details/status").asInt());
        }

        @Test
        @DisplayName("a proxied request waits on the pool, never on the thread that reads connections: a slow application "
                + "holds up no other request")
        void slowApplicationHoldsUpNoOne() throws Exception {
            start(new AppProxyLimits(1024, 1024, Duration.ofSeconds(120)));
            String service = url(deployed("busy"), "service");
            var slow = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(service + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            app.slowArrived.await();
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(service + "/other"))).statusCode());
            http.get("/project-a/deployments/key=busy", token).expect(200);
            app.close();
            slow.exceptionally(e -> null).join();
        }

        @Test
        @DisplayName("an application that does not answer on its port is 502; one not running, or unknown, is 503")
        void notAnswering() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            JsonNode d = deployed("gone");
            String service = url(d, "service");
            String mc = service.replace("/service", "/mc-app");
            assertEquals(503, send(HttpRequest.newBuilder(URI.create(mc + "/x"))).statusCode());
            assertEquals(503, send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/.connectstage/apps/no-such-id/service")))
                    .statusCode());
            app.close();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(service + "/x")));
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(json(r.body()).get("message").asText().contains("not answering"), r.body());
            assertEquals(502, requestLogs("gone").get(0).at("/details/status").asInt());
        }
    }

    @Nested
    @DisplayName("events and jobs")
    class EventsAndJobs {

        @Test
        @DisplayName("an event as a JSON envelope is handed to the runner with its data and attributes: 202 with the messageId")
        void jsonEvent() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            String id = deployed("ev").get("id").asText();
            JsonNode answer = http.post(RUN + "key=ev/events/events", token,
                    "{\"message\":{\"orderId\":\"o-1\"},\"attributes\":{\"source\":\"test\"}}").expect(202).json();
            assertEquals("message-1", answer.get("messageId").asText());
            assertEquals(id, answer.get("deploymentId").asText());
            RecordingRunner.Delivered got = runner.delivered.get(0);
            assertEquals("events", got.applicationName());
            assertArrayEquals("{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), got.message().data());
            assertEquals(Map.of("source", "test"), got.message().attributes());

            http.post(RUN + id + "/events/events", token, "{\"data\":\"aGk=\"}").expect(202);
            assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), runner.delivered.get(1).message().data());
            http.send("POST", RUN + "key=ev/events/events", token, "text/plain", "raw bytes").expect(202);
            assertArrayEquals("raw bytes".getBytes(StandardCharsets.UTF_8), runner.delivered.get(2).message().data());
        }

        @Test
        @DisplayName("a bad envelope is 400 with every problem; no message is delivered")
        void badEnvelope() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            deployed("bad");
            JsonNode e = http.post(RUN + "key=bad/events/events", token, "{\"data\":\"%%%\",\"attributes\":{\"n\":1},\"x\":1}")
                    .expect(400, "InvalidJsonInput").json();
            assertEquals(3, e.get("errors").size(), e.toString());
            http.post(RUN + "key=bad/events/events", token, "{}").expect(400);
            http.post(RUN + "key=bad/events/events", token, "not json").expect(400, "InvalidJsonInput");
            assertTrue(runner.delivered.isEmpty());
        }

        @Test
        @DisplayName("an unknown Deployment, an application that is not a running event application, is 404")
        void unknownIs404() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            deployed("known");
            http.post(RUN + "key=unknown/events/events", token, "{\"data\":\"aGk=\"}").expect(404, "ResourceNotFound");
            http.post(RUN + "key=known/events/service", token, "{\"data\":\"aGk=\"}").expect(404, "ResourceNotFound");
            http.post(RUN + "key=known/events/nothing", token, "{\"data\":\"aGk=\"}").expect(404, "ResourceNotFound");
            http.post(RUN + "key=known/jobs/events/run", token, null).expect(404, "ResourceNotFound");
            assertTrue(runner.delivered.isEmpty());
            assertTrue(runner.jobsRun.isEmpty());
        }

        @Test
        @DisplayName("a job runs now: 202 with the runId")
        void jobRuns() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            String id = deployed("job").get("id").asText();
            JsonNode answer = http.post(RUN + "key=job/jobs/nightly/run", token, null).expect(202).json();
            assertEquals("run-1", answer.get("runId").asText());
            assertEquals(List.of(id + "/nightly"), runner.jobsRun);
        }

        @Test
        @DisplayName("only manage_project of that very project: 401 without a token, 403 narrower or another project, 404 unserved")
        void scope() throws IOException {
            start(AppProxyLimits.CLOUD_RUN);
            deployed("guarded");
            http.send("POST", RUN + "key=guarded/jobs/nightly/run", null, null, null).expect(401);
            http.post(RUN + "key=guarded/jobs/nightly/run", token("v", "sv"), null).expect(403);
            http.post(RUN + "key=guarded/events/events", token("b", "sb"), "{\"data\":\"aGk=\"}").expect(403);
            http.post("/.connectstage/projects/project-z/deployments/key=guarded/jobs/nightly/run", token, null)
                    .expect(404, "ResourceNotFound");
            assertTrue(runner.jobsRun.isEmpty());
            assertTrue(runner.delivered.isEmpty());
        }
    }

    @Test
    @DisplayName("a server without a runner answers 501 on the proxy, events and jobs: it runs no applications")
    void withoutARunner() {
        try (ConnectServer plain = ConnectServer.builder().client(OAuthClient.parse("a:sa:manage_project:project-a").get())
                .start()) {
            Http h = new Http(plain.baseUri());
            String t = h.token("a", "sa", null).expect(200).json().get("access_token").asText();
            JsonNode e = h.get("/.connectstage/apps/some-id/service/x", null).expect(501, "General").json();
            assertTrue(e.get("message").asText().contains("--run-apps"), e.toString());
            h.post(RUN + "key=d/events/events", t, "{\"data\":\"aGk=\"}").expect(501, "General");
            h.post(RUN + "key=d/jobs/nightly/run", t, null).expect(501, "General");
            assertTrue(plain.runner().isEmpty());
        }
    }
}
