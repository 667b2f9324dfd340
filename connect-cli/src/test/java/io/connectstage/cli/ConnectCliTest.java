package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.json.ConnectJson;
import io.connectstage.repository.GitFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The ./connect command line")
class ConnectCliTest {
    private static final String VALID = "deployAs:\n  - name: service-app\n    applicationType: service\n    endpoint: /service\n"
            + "    configuration:\n      standardConfiguration:\n        - key: CTP_REGION\n          description: region\n";
    private static final String INVALID = "deployAs:\n  - name: x\n    applicationType: service\n";

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConnectCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode json() throws Exception {
        return ConnectJson.mapper().readTree(out());
    }

    @Test
    void withoutACommandPrintsUsageAndExits2() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
    }

    @Test
    void anUnknownCommandExits2() {
        assertEquals(2, run("frobnicate"));
    }

    @Test
    @DisplayName("serve: --run-allow, --max-apps and --run-dir without --run-apps, or --max-apps out of range, exit 2")
    void runAppsOptionsAreChecked() {
        assertEquals(2, run("serve", "--port", "0", "--run-allow", "https://github.com/acme/"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("need --run-apps"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("serve", "--port", "0", "--max-apps", "3"));
        assertEquals(2, run("serve", "--port", "0", "--run-dir", tmp.toString()));
        assertEquals(2, run("serve", "--port", "0", "--run-apps", "--max-apps", "0"));
    }

    @Test
    @DisplayName("serve: --max-log-entries below 1 exits 2, saying so")
    void maxLogEntriesIsChecked() {
        assertEquals(2, run("serve", "--port", "0", "--max-log-entries", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--max-log-entries is at least 1, not 0"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demoCreatesUpdatesShowsTheRejectedRequestAndExits0() {
        assertEquals(0, run("demo"));
        assertTrue(out().contains("\"name\" : \"New Connector name\""));
        assertTrue(out().contains("InvalidJsonInput"));
        assertTrue(out().contains("ConcurrentModification"));
        assertTrue(out().contains("\"isPreviewable\" : \"pending\""));
    }

    @Nested
    @DisplayName("analyze")
    class Analyze {
        @Test
        void aValidDirectoryExits0AndListsTheApplications() throws Exception {
            Files.writeString(tmp.resolve("connect.yaml"), VALID);
            assertEquals(0, run("analyze", tmp.toString()));
            assertTrue(out().contains("valid"));
            assertTrue(out().contains("service-app (service)"));
            assertTrue(out().contains("not run"));
        }

        @Test
        void anInvalidFileExits1WithOneErrorEntryPerProblemNamingThePath() throws Exception {
            Path file = tmp.resolve("connect.yaml");
            Files.writeString(file, INVALID);
            assertEquals(1, run("analyze", file.toString(), "--json"));
            JsonNode report = json();
            assertFalse(report.get("valid").asBoolean());
            assertTrue(report.get("configurations").isEmpty());
            assertTrue(report.get("entries").size() >= 2);
            for (JsonNode entry : report.get("entries")) {
                assertEquals("Error", entry.get("type").asText());
                assertTrue(entry.get("message").asText().startsWith("deployAs.0."), entry.toString());
            }
        }

        @Test
        void theJsonOfAValidFileHasConfigurationsInTheApiShape() throws Exception {
            Files.writeString(tmp.resolve("connect.yaml"), VALID);
            assertEquals(0, run("analyze", tmp.toString(), "--json"));
            JsonNode report = json();
            assertTrue(report.get("valid").asBoolean());
            assertEquals("service-app", report.at("/configurations/0/applicationName").asText());
            assertEquals("service", report.at("/configurations/0/applicationType").asText());
            assertEquals("CTP_REGION", report.at("/configurations/0/standardConfiguration/0/key").asText());
            assertTrue(report.has("globalConfiguration") && report.has("apiClient"));
        }

        @Test
        void aDirectoryWithoutConnectYamlExits1WithSpecificationFileNotFound() throws Exception {
            assertEquals(1, run("analyze", tmp.toString(), "--json"));
            assertEquals("Connector specification file not found", json().at("/entries/0/title").asText());
        }

        @Test
        void aGitRepositoryIsAnalyzedAtItsTag() throws Exception {
            try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
                repo.write("connect.yaml", VALID).commit("valid");
                repo.lightweightTag("1.0.0");
                repo.write("connect.yaml", INVALID).commit("broken later");
            }
            String url = tmp.resolve("repo").toUri().toString();
            assertEquals(0, run("analyze", url, "--tag", "1.0.0"));
            out.reset();
            assertEquals(1, run("analyze", url, "--tag", "2.0.0", "--json"));
            assertEquals("Git repository not reachable", json().at("/entries/0/title").asText());
        }

        @Test
        void usageErrorsExit2() {
            assertEquals(2, run("analyze"));
            assertEquals(2, run("analyze", "a", "b"));
            assertEquals(2, run("analyze", "a", "--tag"));
            assertEquals(2, run("analyze", "a", "--bogus"));
        }
    }
}
