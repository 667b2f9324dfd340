package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConnector;
import io.connectstage.deployment.DeploymentDetails;
import io.connectstage.deployment.DeploymentDetailsBuild;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.processing.RunResult;
import io.connectstage.repository.GitFixture;
import io.connectstage.spec.ConnectYamlParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A start that fails after the build")
class RunnerFailuresTest {
    private static final String URL = "https://github.com/connectstage/one-service.git";
    private static final String PACKAGE = "{\"name\":\"one\",\"version\":\"1.0.0\",\"private\":true,\"scripts\":{\"start\":\"node index.js\"}}";

    @TempDir
    Path temp;

    /** A connector of one service application with {@code index.js} and an optional postDeploy script. */
    private Deployment oneService(String indexJs, String postDeploy) throws Exception {
        String yaml = "deployAs:\n  - name: service\n    applicationType: service\n    endpoint: /\n"
                + (postDeploy == null ? "" : "    scripts:\n      postDeploy: " + postDeploy + "\n");
        try (GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.write("connect.yaml", yaml).write("service/package.json", PACKAGE).write("service/index.js", indexJs);
            git.commit("one service");
            git.lightweightTag("1.0.0");
        }
        DeploymentConnector connector = new DeploymentConnector("c-1", "one", 1, "One service", null, List.of(),
                new Creator(null, null, "a@example.com", null, null, null, null), new Repository(URL, "1.0.0"),
                ConnectYamlParser.parse(yaml.getBytes(StandardCharsets.UTF_8)).get().configurations(), null, false, null, null);
        return Deployment.builder().id("00000042-0000-4000-8000-000000000000").type(DeploymentType.SANDBOX).connector(connector)
                .details(new DeploymentDetails(DeploymentDetailsBuild.of("b-1"))).deployedRegion(Region.EUROPE_WEST1_GCP)
                .applications(List.of(ApplicationDeployment.of("a-1", "service", List.of(), List.of())))
                .status(DeploymentStatus.DEPLOYING).build();
    }

    private RunResult start(Deployment d, RecordingSink logs) {
        try (ProcessDeploymentRunner runner = ProcessDeploymentRunner.builder().serverBase(() -> URI.create("http://127.0.0.1:1"))
                .workDirectory(temp.resolve("work")).mirrors(Map.of(URL, temp.resolve("repo")))
                .startTimeout(Duration.ofSeconds(3)).stopGrace(Duration.ofSeconds(2)).build()) {
            RunResult result = runner.start("p", d, true, logs);
            assertTrue(runner.application(d.id(), "service").isEmpty(), "nothing keeps running");
            return result;
        }
    }

    private static ConnectorReportEntry error(RunResult result) {
        assertFalse(result.succeeded());
        return result.entries().stream().filter(e -> e.type() == ConnectorReportEntryType.ERROR).findFirst().orElseThrow();
    }

    @Test
    void anApplicationThatNeverListensOnItsPortFailsWithItsLastLines() throws Exception {
        RecordingSink logs = new RecordingSink();
        ConnectorReportEntry error = error(start(oneService(
                "console.log('listening on 3000 instead of PORT'); setInterval(() => {}, 1000);\n", null), logs));

        assertEquals("Application service did not start", error.title());
        assertTrue(error.message().contains("did not answer on its port"), error.message());
        assertTrue(error.message().contains("within 3 s (it must listen on the port in PORT)"), error.message());
        assertTrue(error.message().contains("listening on 3000 instead of PORT"), error.message());
        Waits.until("no process left", () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void anApplicationThatExitsBeforeItAnswersFailsWithItsExitCodeAndLastLines() throws Exception {
        RecordingSink logs = new RecordingSink();
        ConnectorReportEntry error = error(start(oneService(
                "console.error('Error: Cannot find module ./config.json'); process.exit(1);\n", null), logs));

        assertEquals("Application service did not start", error.title());
        assertTrue(error.message().startsWith("Application service exited with code 1 before it answered on its port"),
                error.message());
        assertTrue(error.message().contains("Cannot find module ./config.json"), error.message());
    }

    @Test
    void aPostDeployScriptThatFailsFailsTheStartWithItsOutput() throws Exception {
        RecordingSink logs = new RecordingSink();
        ConnectorReportEntry error = error(start(oneService(
                "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT));\n",
                "node -e \"console.error('cannot create the subscription'); process.exit(4)\""), logs));

        assertEquals("The postDeploy script of application service failed", error.title());
        assertTrue(error.message().startsWith("The postDeploy script exited with code 4"), error.message());
        assertTrue(error.message().contains("cannot create the subscription"), error.message());
        assertTrue(logs.has("service", "cannot create the subscription"), logs::text);
    }
}
