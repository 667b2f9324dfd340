package io.connectstage.deployment;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import java.time.Instant;
import java.util.Objects;

/**
 * The log entries of one Deployment, immutable, kept sorted by timestamp (entries of the same
 * instant in the order they were added), as a whole and per application, so that a page is found
 * by binary search: O(log n + page). Adding an entry in time order is cheap (a persistent vector
 * append); an entry older than the newest is inserted at its place.
 *
 * <pre>{@code
 * DeploymentLogs logs = DeploymentLogs.empty().plus(log1).plus(log2);
 * }</pre>
 */
public final class DeploymentLogs {
    private static final DeploymentLogs EMPTY = new DeploymentLogs(Vector.empty(), HashMap.empty());

    private final Vector<DeploymentLog> all;
    private final Map<String, Vector<DeploymentLog>> byApplication;

    private DeploymentLogs(Vector<DeploymentLog> all, Map<String, Vector<DeploymentLog>> byApplication) {
        this.all = all;
        this.byApplication = byApplication;
    }

    public static DeploymentLogs empty() {
        return EMPTY;
    }

    /** These entries, sorted. */
    public static DeploymentLogs of(Iterable<DeploymentLog> logs) {
        DeploymentLogs result = EMPTY;
        for (DeploymentLog log : logs) {
            result = result.plus(log);
        }
        return result;
    }

    /** These logs with one more entry. */
    public DeploymentLogs plus(DeploymentLog log) {
        Objects.requireNonNull(log, "log is null");
        return new DeploymentLogs(insert(all, log),
                byApplication.put(log.applicationName(), insert(byApplication.get(log.applicationName()).getOrElse(Vector.empty()), log)));
    }

    private static Vector<DeploymentLog> insert(Vector<DeploymentLog> series, DeploymentLog log) {
        if (series.isEmpty() || !series.last().timestamp().isAfter(log.timestamp())) {
            return series.append(log);
        }
        return series.insert(upperBound(series, log.timestamp()), log);
    }

    /**
     * These logs without their oldest entries (in log order: by timestamp, then the order they
     * were added) beyond the newest {@code max}; this very value when there are at most
     * {@code max}. Costs O(dropped + log n): the dropped entries come off the front of the
     * vectors, and each application's index loses as many as it had among them (its entries are
     * in the same order, so the dropped ones are its oldest).
     *
     * <pre>{@code
     * DeploymentLogs kept = logs.plus(log).retainingNewest(100_000);
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public DeploymentLogs retainingNewest(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max is at least 0, not " + max);
        }
        int dropped = all.size() - max;
        if (dropped <= 0) {
            return this;
        }
        java.util.Map<String, Integer> droppedByApplication = new java.util.HashMap<>();
        for (DeploymentLog log : all.take(dropped)) {
            droppedByApplication.merge(log.applicationName(), 1, Integer::sum);
        }
        Map<String, Vector<DeploymentLog>> nextByApplication = byApplication;
        for (java.util.Map.Entry<String, Integer> drop : droppedByApplication.entrySet()) {
            Vector<DeploymentLog> kept = of(drop.getKey()).drop(drop.getValue());
            nextByApplication = kept.isEmpty() ? nextByApplication.remove(drop.getKey()) : nextByApplication.put(drop.getKey(), kept);
        }
        return new DeploymentLogs(all.drop(dropped), nextByApplication);
    }

    /** Every entry, oldest first. */
    public Vector<DeploymentLog> all() {
        return all;
    }

    /** The entries of one application, oldest first (empty for an unknown name). */
    public Vector<DeploymentLog> of(String applicationName) {
        return byApplication.get(applicationName).getOrElse(Vector.empty());
    }

    public int size() {
        return all.size();
    }

    /** The entries of {@code range}, in log order: O(log n + limit). */
    public java.util.List<DeploymentLog> read(DeploymentLogRange range) {
        Vector<DeploymentLog> series = range.applicationName() == null ? all : of(range.applicationName());
        int from = range.from() == null ? 0 : lowerBound(series, range.from());
        if (range.skip() > 0) {
            int same = upperBound(series, range.from()) - from;
            from += Math.min(range.skip(), same);
        }
        int to = range.to() == null ? series.size() : upperBound(series, range.to());
        int end = (int) Math.min(to, (long) from + range.limit());
        return from >= end ? java.util.List.of() : series.subSequence(from, end).toJavaList();
    }

    /** The first index whose timestamp is not before {@code t}. */
    static int lowerBound(Vector<DeploymentLog> series, Instant t) {
        int lo = 0;
        int hi = series.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (series.get(mid).timestamp().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose timestamp is after {@code t}. */
    static int upperBound(Vector<DeploymentLog> series, Instant t) {
        int lo = 0;
        int hi = series.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (series.get(mid).timestamp().isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
