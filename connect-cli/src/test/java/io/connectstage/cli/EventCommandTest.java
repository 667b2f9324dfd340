package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.http.ConnectServer;
import io.connectstage.http.Http;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.http.RecordingRunner;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.Analysis;
import io.connectstage.testkit.SampleDeployments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("./connect event")
class EventCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ConnectServer server;
    private RecordingRunner runner;

    @BeforeEach
    void start() {
        AtomicReference<ConnectServer> holder = new AtomicReference<>();
        runner = new RecordingRunner(() -> holder.get().baseUri(), new InetSocketAddress("127.0.0.1", 9),
                Map.of("service", "service", "events", "event"));
        PerProjectSpaces spaces = PerProjectSpaces.builder().executor(Runnable::run)
                .analyzer((repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                        ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                        SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null))
                .build();
        server = ConnectServer.builder().client(OAuthClient.parse("a:sa:manage_project:project-a").get())
                .spaces(spaces).runner(runner).start();
        holder.set(server);
        Http http = new Http(server.baseUri());
        String token = http.token("a", "sa", null).expect(200).json().get("access_token").asText();
        JsonNode staged = http.post("/connectors/drafts", token, Http.draft("conn")).expect(201).json();
        http.post("/connectors/drafts/key=conn", token, "{\"version\":" + staged.get("version").asLong()
                + ",\"actions\":[{\"action\":\"publish\",\"certification\":false}]}").expect(201);
        http.post("/project-a/deployments", token, DeploymentJson.writeForStorage(SampleDeployments.validDraft()
                .key("dep").connectorKey("conn").build())).expect(201);
        for (int i = 0; i < 500 && !http.get("/project-a/deployments/key=dep", token).expect(200).json().get("status").asText()
                .equals("Deployed"); i++) {
            Thread.onSpinWait();
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return ConnectCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] event(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("event", "--url", server.baseUri().toString(), "--project",
                "project-a", "--deployment", "dep", "--client-id", "a", "--client-secret", "sa"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    @DisplayName("sends the data and attributes to the event application and prints the messageId")
    void sends() throws Exception {
        assertEquals(0, run(event("--application", "events", "--data", "{\"orderId\":\"o-1\"}", "--attribute", "source=cli",
                "--attribute", "kind=a=b")), err.toString(StandardCharsets.UTF_8));
        assertEquals("message-1", out.toString(StandardCharsets.UTF_8).trim());
        RecordingRunner.Delivered got = runner.delivered.get(0);
        assertEquals("events", got.applicationName());
        assertArrayEquals("{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), got.message().data());
        assertEquals(Map.of("source", "cli", "kind", "a=b"), got.message().attributes());

        Path file = Files.write(tmp.resolve("m.bin"), new byte[] {0, 1, 2, (byte) 255});
        assertEquals(0, run(event("--application", "events", "--file", file.toString())));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, runner.delivered.get(1).message().data());
    }

    @Test
    @DisplayName("an error of the server is printed as its Connect message, exit code 1")
    void serverErrors() {
        assertEquals(1, run(event("--application", "service", "--data", "x")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("event: ") && message.contains("was not found"), message);
        assertTrue(runner.delivered.isEmpty());
    }

    @Test
    @DisplayName("a wrong secret is the auth service's message, exit code 1")
    void badCredentials() {
        assertEquals(1, run("event", "--url", server.baseUri().toString(), "--project", "project-a", "--deployment", "dep",
                "--application", "events", "--data", "x", "--client-id", "a", "--client-secret", "wrong"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("event: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("usage errors exit 2: neither or both of --data and --file, a bad attribute")
    void usageErrors() {
        assertEquals(2, run(event("--application", "events")));
        assertEquals(2, run(event("--application", "events", "--data", "x", "--file", "f")));
        assertEquals(2, run(event("--application", "events", "--data", "x", "--attribute", "novalue")));
        assertTrue(runner.delivered.isEmpty());
    }
}
