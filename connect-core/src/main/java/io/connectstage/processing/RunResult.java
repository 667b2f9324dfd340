package io.connectstage.processing;

import io.connectstage.connector.ConnectorReportEntry;
import java.util.List;
import java.util.Map;

/**
 * What {@link DeploymentRunner#start} answers: whether every application was built and answers on
 * its port, the build report entries (a failure's last lines in its entry's details, as a real
 * failed build shows them), and the {@code url} each application gets (by application name: a URL
 * on the server that proxies to it, stable across restarts).
 */
public record RunResult(boolean succeeded, List<ConnectorReportEntry> entries, Map<String, String> urls) {
    public RunResult {
        entries = List.copyOf(entries);
        urls = Map.copyOf(urls);
    }
}
