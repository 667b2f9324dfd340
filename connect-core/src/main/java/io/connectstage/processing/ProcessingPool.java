package io.connectstage.processing;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded set of worker threads that many processors share, fair between them: each processor
 * (each project) gets a {@link #lane()}, a lane runs its tasks one at a time, and the workers take
 * the lanes that have tasks in turn, one task each. A lane busy with slow work holds one worker
 * at most, so the others keep serving every other lane. One more thread schedules analysis time
 * limits and lease renewals ({@link #scheduler()}). {@link #close()} stops them all.
 *
 * <pre>{@code
 * try (ProcessingPool pool = new ProcessingPool(4)) {
 *     ConnectorProcessor processor = ConnectorProcessor.builder(staged, published, analyzer)
 *             .executor(pool.lane()).scheduler(pool.scheduler()).build();
 * }
 * }</pre>
 */
public final class ProcessingPool implements AutoCloseable {
    private final int workers;
    private final ExecutorService threads;
    private final ScheduledExecutorService scheduler;

    /** A pool of {@code workers} threads (at least 1), started as work comes. */
    public ProcessingPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.workers = workers;
        // A FIFO queue of lanes, each in it at most once: taking lanes from its head is the turn.
        this.threads = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("connectstage-worker-"));
        ((ThreadPoolExecutor) threads).allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("connectstage-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
    }

    /** How many tasks may run at once. */
    public int workers() {
        return workers;
    }

    /** A new lane: an executor whose tasks run one at a time, in order, taking turns with other lanes. */
    public Executor lane() {
        return new Lane();
    }

    /** The one thread of timers (analysis limits, lease renewals); its tasks must be short. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Stops the workers and the timer, interrupting the tasks under way, and waits briefly for them. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tasks of one processor; in the pool's queue (or running) at most once, so it takes one worker at most. */
    private final class Lane implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean queued;

        @Override
        public void execute(Runnable task) {
            Objects.requireNonNull(task, "task is null");
            synchronized (this) {
                if (threads.isShutdown()) {
                    throw new RejectedExecutionException("the processing pool is closed");
                }
                tasks.add(task);
                if (queued) {
                    return;
                }
                queued = true;
            }
            submitTurn();
        }

        /** Runs one task, then goes to the back of the queue if more wait: lanes take turns. */
        private void turn() {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
            }
            try {
                if (task != null) {
                    task.run();
                }
            } finally {
                boolean more;
                synchronized (this) {
                    more = !tasks.isEmpty();
                    queued = more;
                }
                if (more) {
                    try {
                        submitTurn();
                    } catch (RejectedExecutionException e) {
                        // closed meanwhile: the lane's tasks are dropped (their work stays stored)
                    }
                }
            }
        }

        private void submitTurn() {
            try {
                threads.execute(this::turn);
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    tasks.clear();
                    queued = false;
                }
                throw e;
            }
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
