package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.http.Http;
import io.connectstage.runner.FixtureConnector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --run-apps} as its own process over an H2 file: stopped with SIGTERM, and killed
 * with SIGKILL, it leaves no application running (every application runs under a watchdog that
 * ends it when the server's end of its pipe closes); started again over the same store, it starts
 * again the applications of what is {@code Deployed}, at the same URL: at once after a SIGTERM
 * (the stopped server gave up its run leases), within the lease (3 s here) after a SIGKILL.
 */
@DisplayName("serve --run-apps stopped and killed")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HttpServeRunAppsProcessTest {
    private static final Pattern PORT_LINE = Pattern.compile("answers on its port (\\d+)");
    private static final String PROJECT = "run-project";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private ServeProcesses processes;

    @BeforeEach
    void processes() {
        processes = new ServeProcesses(tmp);
    }

    @AfterEach
    void stopChildren() throws Exception {
        processes.close();
    }

    @Test
    @DisplayName("SIGTERM and SIGKILL leave no application running; a restarted serve runs the Deployed one again")
    void stopsAndStartsAgain() throws Exception {
        Path repo = FixtureConnector.repository(FixtureConnector.folder(), tmp.resolve("repo"));
        String store = "jdbc:h2:file:" + tmp.resolve("db");

        Process first = serve(store, repo);
        URI base = listening(first);
        Http http = new Http(base);
        String token = http.token("me", "s", null).expect(200).json().get("access_token").asText();
        http.post("/connectors/drafts", token, "{\"key\":\"fixture\",\"name\":\"Fixture\",\"creator\":{\"email\":\"a@example.com\"},"
                + "\"repository\":{\"url\":\"" + FixtureConnector.URL + "\",\"tag\":\"" + FixtureConnector.GOOD + "\"}}").expect(201);
        http.post("/connectors/drafts/key=fixture", token, "{\"version\":1,\"actions\":[{\"action\":\"addPrivateProject\","
                + "\"privateProject\":\"europe-west1.gcp:" + PROJECT + "\"},{\"action\":\"updatePreviewable\"}]}").expect(201);
        await(60, () -> "true".equals(http.get("/connectors/drafts/key=fixture", token).json().path("isPreviewable").asText()));
        JsonNode created = http.post("/" + PROJECT + "/deployments", token, "{\"key\":\"kept\",\"type\":\"preview\","
                + "\"connector\":{\"key\":\"fixture\",\"staged\":true},\"region\":\"europe-west1.gcp\",\"configurations\":["
                + "{\"applicationName\":\"service\",\"standardConfiguration\":[{\"key\":\"GREETING\",\"value\":\"still here\"}],"
                + "\"securedConfiguration\":[{\"key\":\"SERVICE_SECRET\",\"value\":\"s3cr3t\"}]},{\"applicationName\":\"event\"},"
                + "{\"applicationName\":\"job\"}]}").expect(201).json();
        String path = "/.connectstage/apps/" + created.get("id").asText() + "/service/service";
        await(120, () -> answers(base.resolve(path)));
        List<Integer> ports = ports(http, token);
        assertEquals(3, ports.size());

        // SIGTERM: serve stops its applications before it exits
        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        await(30, () -> ports.stream().noneMatch(HttpServeRunAppsProcessTest::listens));

        Process second = serve(store, repo);
        URI secondBase = listening(second);
        await(120, () -> answers(secondBase.resolve(path)));
        Http secondHttp = new Http(secondBase);
        String secondToken = secondHttp.token("me", "s", null).expect(200).json().get("access_token").asText();
        List<Integer> secondPorts = ports(secondHttp, secondToken);
        secondPorts.removeAll(ports);
        assertEquals(3, secondPorts.size(), "the applications were started again on new ports");

        // SIGKILL: nothing of serve runs to stop them; their watchdogs do
        second.destroyForcibly();
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        await(30, () -> secondPorts.stream().noneMatch(HttpServeRunAppsProcessTest::listens));

        Process third = serve(store, repo);
        URI thirdBase = listening(third);
        await(120, () -> answers(thirdBase.resolve(path)));
        third.destroy();
        assertTrue(third.waitFor(60, TimeUnit.SECONDS));
    }

    private static List<Integer> ports(Http http, String token) {
        List<Integer> ports = new ArrayList<>();
        Matcher m = PORT_LINE.matcher(http.get("/" + PROJECT + "/deployments/key=kept/logs?limit=500", token).expect(200).body());
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    private Process serve(String store, Path repo) throws Exception {
        return processes.start(List.of("--port", "0", "--store", store, "--client", "me:s:manage_project:" + PROJECT,
                "--repo-mirror", FixtureConnector.URL + "=" + repo, "--poll-seconds", "1", "--lease-seconds", "3",
                "--run-apps", "--run-dir", tmp.resolve("run").toString()));
    }

    private URI listening(Process p) throws Exception {
        return processes.listening(p);
    }

    private static boolean answers(URI url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(int seconds, BooleanSupplier condition) throws InterruptedException {
        ServeProcesses.await(seconds, condition);
    }
}
