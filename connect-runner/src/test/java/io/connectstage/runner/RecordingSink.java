package io.connectstage.runner;

import io.connectstage.deployment.DeploymentLog;
import io.connectstage.processing.DeploymentLogSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log sink that keeps every entry, for tests to read. */
final class RecordingSink implements DeploymentLogSink {
    private final List<DeploymentLog> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(List<DeploymentLog> logs) {
        entries.addAll(logs);
    }

    List<DeploymentLog> entries() {
        return List.copyOf(entries);
    }

    /** Every entry as one line of text: its application, type, severity and details. */
    String text() {
        StringBuilder out = new StringBuilder();
        for (DeploymentLog e : entries) {
            out.append(e.applicationName()).append(' ').append(e.type()).append(' ').append(e.severity()).append(' ')
                    .append(e.details()).append('\n');
        }
        return out.toString();
    }

    boolean has(String applicationName, String fragment) {
        return entries.stream().anyMatch(e -> e.applicationName().equals(applicationName)
                && e.details() != null && e.details().toString().contains(fragment));
    }
}
