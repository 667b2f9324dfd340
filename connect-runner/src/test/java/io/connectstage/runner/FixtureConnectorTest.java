package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.connector.Repository;
import io.connectstage.processing.Analysis;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.spec.ApplicationScripts;
import io.connectstage.spec.ConnectorSpecification;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The fixture connector")
class FixtureConnectorTest {
    @TempDir
    Path temp;

    @Test
    void passesTheAnalyzerAtBothTagsSoItDeploysThroughTheRealFlow() {
        Path repo = FixtureConnector.repository(FixtureConnector.folder(), temp.resolve("repo"));
        SpecAnalyzer analyzer = new SpecAnalyzer(GitRepositorySource.builder().mirror(FixtureConnector.URL, repo)
                .workDirectory(temp.resolve("work")).build());
        for (String tag : List.of(FixtureConnector.GOOD, FixtureConnector.BROKEN)) {
            Analysis analysis = analyzer.analyze(new Repository(FixtureConnector.URL, tag), Instant.now());
            assertTrue(analysis.valid(), () -> tag + ": " + analysis.entries());
            assertEquals(List.of("service", "event", "job"),
                    analysis.configurations().stream().map(c -> c.applicationName()).toList());
        }
    }

    @Test
    void declaresTheScriptsAndTheShortScheduleTheTestsRelyOn() {
        ConnectorSpecification spec = FixtureConnector.specification();
        assertEquals(new ApplicationScripts("node post-deploy.js", "node pre-undeploy.js"), spec.applications().get(0).scripts());
        assertEquals("* * * * *", spec.applications().get(2).schedule());
    }
}
