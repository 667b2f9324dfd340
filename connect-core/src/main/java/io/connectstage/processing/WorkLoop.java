package io.connectstage.processing;

import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.store.WorkQueue;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The loop of a processor, apart from what its work is: claims work from its queues with a lease,
 * hands each claim to the worker of its queue, renews the leases of the claims being worked on
 * (and of those a worker keeps parked) on a scheduler, and coalesces wake-ups so that one run at a
 * time claims on the one executor. A claim whose renewal finds it taken over is lost: its worker
 * asks {@link #stillHeld} and settles nothing of it.
 */
final class WorkLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectorProcessor.class.getName());

    /**
     * One queue the loop claims from, the kinds it claims there, what does a claim, and the claims
     * its worker holds outside a run (parked), whose leases the loop renews too.
     */
    record Source(WorkQueue queue, Set<WorkKind> kinds, Consumer<Work> worker, Parked parked) {
        Source {
            Objects.requireNonNull(queue, "queue is null");
            kinds = Set.copyOf(kinds);
            Objects.requireNonNull(worker, "worker is null");
            Objects.requireNonNull(parked, "parked is null");
        }
    }

    /** Claims a worker keeps between runs: renewed with the others, forgotten when their renewal is refused. */
    interface Parked {
        Parked NONE = new Parked() {
            @Override
            public List<Work> claims() {
                return List.of();
            }

            @Override
            public void forget(Work claim) {
            }
        };

        List<Work> claims();

        /** The claim was taken over: its new holder does it. */
        void forget(Work claim);
    }

    /** A claim being worked on; {@code lost} once a renewal found it taken over (its holder then settles nothing). */
    private static final class Held {
        final Work work;
        final WorkQueue queue;
        volatile boolean lost;

        Held(Work work, WorkQueue queue) {
            this.work = work;
            this.queue = queue;
        }
    }

    private final List<Source> sources;
    private final String owner;
    private final Clock clock;
    private final Duration lease;
    private final Executor executor;
    private final ScheduledExecutorService ownExecutor;
    private final AtomicInteger wakeups = new AtomicInteger();
    /** The claims being worked on now, by work id: what {@link #renewLeases()} renews. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> renewal;
    private volatile boolean closed;

    /**
     * A loop over these sources, claiming in their order. {@code ownExecutor}, when not
     * {@code null}, is the executor this loop shuts down on {@link #close()}; without a
     * {@code scheduler} nothing renews leases.
     */
    WorkLoop(List<Source> sources, String owner, Clock clock, Duration lease, Executor executor,
            ScheduledExecutorService ownExecutor, ScheduledExecutorService scheduler, Duration renewEvery) {
        this.sources = List.copyOf(sources);
        this.owner = Objects.requireNonNull(owner, "owner is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.lease = Objects.requireNonNull(lease, "lease is null");
        this.executor = Objects.requireNonNull(executor, "executor is null");
        this.ownExecutor = ownExecutor;
        this.renewal = scheduler == null ? null : scheduler.scheduleWithFixedDelay(this::renewQuietly,
                renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Two daemon threads: one does the work, one times analyses and renews leases. */
    static ScheduledExecutorService newExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "connectstage-processing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    boolean closed() {
        return closed;
    }

    /**
     * Asks for a run on the executor; runs coalesce, so that one run at a time claims work and a
     * wake-up during a run makes it look again.
     */
    void wake() {
        if (closed) {
            return;
        }
        if (wakeups.getAndIncrement() == 0) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                wakeups.set(0);
            }
        }
    }

    /** Runs {@code task} on the executor, unless the loop is closed (then the work stays stored). */
    void submit(Runnable task) {
        if (closed) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: what the task was to do is claimed again after its lease
        }
    }

    private void drain() {
        int seen;
        do {
            seen = wakeups.get();
            try {
                runClaimable();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "processing stopped; the work stays stored and is claimed again", e);
            }
        } while (wakeups.addAndGet(-seen) != 0);
    }

    /**
     * Claims and does work on the calling thread until none is claimable now, from the first
     * source on after each item; answers how many items it took.
     */
    int runClaimable() {
        int done = 0;
        while (!closed && runOne()) {
            done++;
        }
        return done;
    }

    private boolean runOne() {
        for (Source source : sources) {
            Instant now = clock.instant();
            Option<Work> claimed = source.queue().claim(owner, now, now.plus(lease), source.kinds());
            if (claimed.isDefined()) {
                holding(claimed.get(), source);
                return true;
            }
        }
        return false;
    }

    /** Does {@code claim} with its source's worker, the claim among those renewed meanwhile. */
    private void holding(Work claim, Source source) {
        held.put(claim.id(), new Held(claim, source.queue()));
        try {
            source.worker().accept(claim);
        } finally {
            held.remove(claim.id());
        }
    }

    /** Whether this loop may still settle this claim: no renewal found it taken over. */
    boolean stillHeld(Work claim) {
        Held h = held.get(claim.id());
        return h == null || !h.lost || !h.work.sameClaimAs(claim);
    }

    /**
     * Renews the lease of every claim being worked on, and of the claims the workers keep parked;
     * a claim whose renewal is refused (another processor took it over) is marked lost, a parked
     * one forgotten.
     */
    void renewLeases() {
        Instant until = clock.instant().plus(lease);
        for (Held h : held.values()) {
            // A refusal also meets work whose completing write has just removed its claim (it
            // leaves the held claims only after that write), so it is no news on its own: the
            // store lets only the holder complete an item, and a lost claim settles nothing.
            if (!h.lost && !h.queue.renew(h.work, until) && held.get(h.work.id()) == h) {
                h.lost = true;
                LOG.log(System.Logger.Level.DEBUG, "the lease of {0} was not renewed: its work was completed"
                        + " meanwhile or another processor took it over", h.work.id());
            }
        }
        for (Source source : sources) {
            for (Work parked : source.parked().claims()) {
                if (!source.queue().renew(parked, until)) {
                    source.parked().forget(parked);
                }
            }
        }
    }

    private void renewQuietly() {
        try {
            renewLeases();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not renew leases; trying again", e);
        }
    }

    /**
     * Stops claiming and shuts down the executor this loop started (a run under way is
     * interrupted; its item stays claimed until its lease runs out). An executor passed in is left
     * to its owner.
     */
    @Override
    public void close() {
        closed = true;
        if (renewal != null) {
            renewal.cancel(false);
        }
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
            try {
                ownExecutor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
