package io.connectstage.deployment;

import java.time.Instant;

/**
 * A run of consecutive log entries of one Deployment, as a store reads them: in log order
 * (timestamp, then the order they were added), optionally of one application, starting at the
 * first entry whose timestamp is not before {@code from} and skipping {@code skip} entries of
 * exactly that instant, ending with the last entry not after {@code to}, at most {@code limit}.
 * {@code null} bounds are open; {@code applicationName} {@code null} means every application.
 *
 * <pre>{@code
 * List<DeploymentLog> run = logs.read(new DeploymentLogRange("service", since, 0, null, 21));
 * }</pre>
 */
public record DeploymentLogRange(String applicationName, Instant from, int skip, Instant to, int limit) {

    public DeploymentLogRange {
        if (skip < 0 || limit < 0) {
            throw new IllegalArgumentException("skip and limit must not be negative: " + skip + ", " + limit);
        }
        if (skip > 0 && from == null) {
            throw new IllegalArgumentException("skip needs from");
        }
    }

    /** Whether an entry lies within the bounds (not counting skip and limit). */
    public boolean covers(DeploymentLog log) {
        return (applicationName == null || applicationName.equals(log.applicationName()))
                && (from == null || !log.timestamp().isBefore(from))
                && (to == null || !log.timestamp().isAfter(to));
    }
}
