package io.connectstage.processing;

import io.connectstage.connector.Repository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An analyzer with a time limit and a safety net, as a decorator: an analysis that throws, answers
 * nothing, or finishes past {@code timeout} on the clock is a failed analysis with one
 * {@code Error} entry. With a scheduler, the analyzing thread is also interrupted at the limit
 * (JGit and blocking I/O give up on an interrupt); no thread is started per analysis.
 *
 * <pre>{@code
 * ConnectorAnalyzer limited = new TimeLimitedAnalyzer(new SpecAnalyzer(source), Duration.ofMinutes(5), clock, scheduler);
 * }</pre>
 */
public final class TimeLimitedAnalyzer implements ConnectorAnalyzer {
    /** The title of the entry of a failed analysis. */
    public static final String ANALYSIS_FAILED = "Connector analysis failed";

    private final ConnectorAnalyzer analyzer;
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    /** @param scheduler where the interrupt at the limit is scheduled; {@code null}: the limit is only checked after */
    public TimeLimitedAnalyzer(ConnectorAnalyzer analyzer, Duration timeout, Clock clock,
            ScheduledExecutorService scheduler) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer is null");
        this.timeout = Objects.requireNonNull(timeout, "timeout is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.scheduler = scheduler;
    }

    /** The analyzer this one limits. */
    public ConnectorAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public Analysis analyze(Repository repository, Instant at) {
        Instant start = clock.instant();
        Interrupter interrupter = new Interrupter(Thread.currentThread());
        ScheduledFuture<?> alarm = scheduler == null ? null
                : scheduler.schedule(interrupter::fire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        Analysis analysis;
        try {
            analysis = analyzer.analyze(repository, at);
        } catch (Throwable e) {
            if (e instanceof Error && !(e instanceof StackOverflowError || e instanceof OutOfMemoryError)) {
                throw (Error) e;
            }
            analysis = Analysis.failed(ANALYSIS_FAILED,
                    "The analyzer failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), at);
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
        boolean late = interrupter.disarm() || clock.instant().isAfter(start.plus(timeout));
        if (late) {
            return Analysis.failed(ANALYSIS_FAILED, "The analysis did not finish within " + describe(timeout) + ".", at);
        }
        return analysis != null ? analysis : Analysis.failed(ANALYSIS_FAILED, "The analyzer answered nothing.", at);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Interrupts the analyzing thread once, unless disarmed first; disarming clears its interrupt. */
    private static final class Interrupter {
        private final Thread thread;
        private boolean done;
        private boolean fired;

        Interrupter(Thread thread) {
            this.thread = thread;
        }

        synchronized void fire() {
            if (!done) {
                fired = true;
                thread.interrupt();
            }
        }

        /** Stops it; answers whether it fired (and then clears the interrupt it made). */
        synchronized boolean disarm() {
            done = true;
            if (fired) {
                Thread.interrupted();
            }
            return fired;
        }
    }
}
