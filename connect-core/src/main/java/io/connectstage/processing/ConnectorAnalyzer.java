package io.connectstage.processing;

import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Repository;
import java.time.Instant;
import java.util.List;

/**
 * The port to a connector's code: analyzes the repository at its tag and says what it found.
 * The git implementation clones and parses {@code connect.yaml}; tests may use their own. An
 * implementation should not throw, but the processing survives one that does.
 */
@FunctionalInterface
public interface ConnectorAnalyzer {

    /** The analysis of this repository; report entries are stamped {@code at}. */
    Analysis analyze(Repository repository, Instant at);

    /** The title of the one entry of {@link #acceptingEverything()}. */
    String NOT_ANALYZED = "Connector specification file not analyzed";

    /**
     * An analyzer that reads nothing and accepts every repository, with one {@code Information}
     * entry saying so (and no configurations): for harnesses that need requests to settle.
     */
    static ConnectorAnalyzer acceptingEverything() {
        return accepting(List.of());
    }

    /**
     * Like {@link #acceptingEverything()}, but every connector declares these applications, as if
     * its {@code connect.yaml} did: what a harness needs to deploy connectors without a repository.
     *
     * <pre>{@code
     * ConnectorAnalyzer.accepting(List.of(new ConnectorConfigurationApplication(
     *         "service", ApplicationType.SERVICE, List.of(), List.of())));
     * }</pre>
     */
    static ConnectorAnalyzer accepting(List<ConnectorConfigurationApplication> applications) {
        List<ConnectorConfigurationApplication> declared = List.copyOf(applications);
        return (repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                ConnectorReportEntryType.INFORMATION, NOT_ANALYZED,
                "Every repository is accepted: this processor does not read repositories.", at, null)),
                declared, null, null);
    }
}
