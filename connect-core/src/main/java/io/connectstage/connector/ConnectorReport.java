package io.connectstage.connector;

import java.util.List;

/** The report entries of a preview or publish request, in the order they were made. */
public record ConnectorReport(List<ConnectorReportEntry> entries) {

    public ConnectorReport {
        entries = Lists.orEmpty(entries);
    }
}
