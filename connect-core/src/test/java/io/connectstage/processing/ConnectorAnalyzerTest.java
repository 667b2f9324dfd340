package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Repository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The analyzers that read nothing")
class ConnectorAnalyzerTest {
    private static final Repository REPOSITORY = new Repository("https://github.com/acme/connector.git", "1.0.0");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    @DisplayName("accepting declares the given applications for every repository, with the not-analyzed entry")
    void acceptingDeclaresTheGivenApplications() {
        ConnectorConfigurationApplication service = new ConnectorConfigurationApplication("service",
                ApplicationType.SERVICE, List.of(), List.of());

        Analysis analysis = ConnectorAnalyzer.accepting(List.of(service)).analyze(REPOSITORY, AT);

        assertTrue(analysis.valid());
        assertEquals(List.of(service), analysis.configurations());
        assertEquals(ConnectorReportEntryType.INFORMATION, analysis.entries().get(0).type());
        assertEquals(ConnectorAnalyzer.NOT_ANALYZED, analysis.entries().get(0).title());
    }

    @Test
    @DisplayName("acceptingEverything declares no application")
    void acceptingEverythingDeclaresNone() {
        assertEquals(List.of(), ConnectorAnalyzer.acceptingEverything().analyze(REPOSITORY, AT).configurations());
    }
}
