package io.connectstage.store;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Durable work under leases, as a store keeps it next to the values the work settles: what
 * {@link ConnectorStore} (previews, publishes) and {@link DeploymentStore} (Deployment steps) share,
 * so that one processing loop claims, renews and completes the work of either alike. Work is
 * enqueued and settled only by the store's own writes, in the same atomic write as the change it
 * goes with; this interface only hands it out and takes it back.
 *
 * <pre>{@code
 * Option<Work> claimed = queue.claim("processor-1", now, now.plusSeconds(30));
 * claimed.forEach(w -> queue.renew(w, now.plusSeconds(60)));
 * }</pre>
 */
public interface WorkQueue {

    /**
     * Claims one work item that nobody holds at {@code now} (never claimed, or its lease ended
     * at or before {@code now}) for {@code owner} until {@code until}, counting the attempt, and
     * answers the claim; none when there is nothing to claim. Of processors claiming at once,
     * each item goes to one.
     */
    default Option<Work> claim(String owner, Instant now, Instant until) {
        return claim(owner, now, until, EnumSet.allOf(WorkKind.class));
    }

    /**
     * {@link #claim(String, Instant, Instant)} among the items of these {@code kinds} only: an
     * item of another kind is neither claimed nor counted, whoever holds it. A processor that
     * cannot do some kinds (a server that runs no applications) leaves them to one that can.
     */
    Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds);

    /**
     * Extends this very claim's lease to {@code until} (a processor renews while it works, so that
     * leases stay short and a dead processor's work is taken over soon); {@code false} when the
     * store no longer holds that claim (it was completed, or another processor claimed the item
     * since), and nothing changes then. The claim's identity is its item, attempt and owner, so
     * the claim answered by {@link #claim} stays the one that completes and settles.
     */
    boolean renew(Work claimed, Instant until);

    /**
     * Removes this claim's work without changing what it belongs to (there was nothing left to
     * settle); {@code false} when the store no longer holds that very claim.
     */
    boolean complete(Work claimed);

    /** Every stored work item, by id: for tests and for looking at what waits. */
    List<Work> work();
}
