package io.connectstage.runner;

import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.processing.DeploymentLogSink;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The output of one application of a Deployment (its build, scripts and process) on its way to
 * the Deployment's logs. Lines are held until the next {@link #flush} (the runner flushes every
 * channel a few times a second) and at most {@code maxLinesPerFlush} of them: the others are
 * counted and reported as one "lines dropped" entry, so a chatty application costs bounded memory
 * and bounded writes. The last lines are also kept apart, for the details of a failure.
 */
final class LogChannel {
    static final int TAIL_LINES = 20;

    private final String deploymentId;
    private final String applicationName;
    private final DeploymentLogSink sink;
    private final Clock clock;
    private final int maxLinesPerFlush;
    private final List<DeploymentLog> pending = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private long dropped;

    LogChannel(String deploymentId, String applicationName, DeploymentLogSink sink, Clock clock, int maxLinesPerFlush) {
        this.deploymentId = deploymentId;
        this.applicationName = applicationName;
        this.sink = sink;
        this.clock = clock;
        this.maxLinesPerFlush = maxLinesPerFlush;
    }

    /** A line the application (or its build or a script) wrote. */
    void line(String line, boolean stderr) {
        if (line.isBlank()) {
            return; // npm frames its "> package start" banner with empty lines: noise in a log view
        }
        DeploymentLog entry = LogLines.entry(deploymentId, applicationName, line, stderr, clock.instant());
        synchronized (this) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
            if (pending.size() < maxLinesPerFlush) {
                pending.add(entry);
            } else {
                dropped++;
            }
        }
    }

    /** A line of the runner's own about this application (a build step, a restart). */
    void note(DeploymentLogSeverity severity, String text) {
        DeploymentLog entry = DeploymentLog.text(deploymentId, applicationName, severity, clock.instant(), text);
        synchronized (this) {
            pending.add(entry); // the runner's own lines are few: never dropped
        }
    }

    /** The last lines written, oldest first; clears them, so the next failure shows its own. */
    synchronized List<String> takeTail() {
        List<String> lines = new ArrayList<>(tail);
        tail.clear();
        return lines;
    }

    /** Hands what was written since the last flush to the sink. */
    void flush() {
        List<DeploymentLog> out;
        synchronized (this) {
            if (pending.isEmpty() && dropped == 0) {
                return;
            }
            out = new ArrayList<>(pending);
            pending.clear();
            if (dropped > 0) {
                out.add(DeploymentLog.text(deploymentId, applicationName, DeploymentLogSeverity.WARNING, clock.instant(),
                        dropped + " lines dropped: the application wrote more than " + maxLinesPerFlush
                                + " lines between two flushes of its logs"));
                dropped = 0;
            }
        }
        try {
            sink.append(out);
        } catch (RuntimeException e) {
            System.getLogger(LogChannel.class.getName()).log(System.Logger.Level.WARNING,
                    "deployment {0}: {1} log entries of {2} could not be stored: {3}", deploymentId, out.size(),
                    applicationName, e.toString());
        }
    }
}
