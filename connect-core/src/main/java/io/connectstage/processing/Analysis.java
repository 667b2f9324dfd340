package io.connectstage.processing;

import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Lists;
import java.time.Instant;
import java.util.List;

/**
 * What the analysis of a connector's repository found: whether the specification is valid, the
 * report entries that say so, and (when it could be read) the configurations, global
 * configuration and API client it declares.
 */
public record Analysis(
        boolean valid,
        List<ConnectorReportEntry> entries,
        List<ConnectorConfigurationApplication> configurations,
        ConnectorGlobalConfiguration globalConfiguration,
        ConnectorApiClient apiClient) {

    public Analysis {
        entries = Lists.orEmpty(entries);
        configurations = Lists.orEmpty(configurations);
    }

    /** A failed analysis with one {@code Error} entry. */
    public static Analysis failed(String title, String message, Instant at) {
        return new Analysis(false, List.of(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, title, message, at, null)),
                List.of(), null, null);
    }

    /** The entries as a report. */
    public ConnectorReport report() {
        return new ConnectorReport(entries);
    }
}
