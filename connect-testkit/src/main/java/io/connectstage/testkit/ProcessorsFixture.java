package io.connectstage.testkit;

import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * What the processing contracts share: one clock that the test moves, one lease, the processors a
 * test builds (closed after it), and two processors started at once over one database.
 */
abstract class ProcessorsFixture {
    /** The lease of every processor a test builds. */
    protected static final Duration LEASE = Duration.ofMinutes(6);

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<ConnectorProcessor> processors = new ArrayList<>();

    @AfterEach
    void closeProcessors() {
        processors.forEach(ConnectorProcessor::close);
    }

    /** {@code builder} on this test's clock and lease, as {@code owner}, built; closed after the test. */
    protected final ConnectorProcessor build(ConnectorProcessor.Builder builder, String owner) {
        ConnectorProcessor processor = builder.clock(clock).lease(LEASE).owner(owner).build();
        processors.add(processor);
        return processor;
    }

    /** How many items each of two processors took. */
    protected record Runs(int byA, int byB) {
        int total() {
            return byA + byB;
        }
    }

    /** {@link ConnectorProcessor#runClaimable()} of {@code a} and {@code b}, started together on two threads. */
    protected static Runs runTogether(ConnectorProcessor a, ConnectorProcessor b, long timeoutSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> runA = pool.submit(started(start, a::runClaimable));
            Future<Integer> runB = pool.submit(started(start, b::runClaimable));
            start.countDown();
            return new Runs(runA.get(timeoutSeconds, TimeUnit.SECONDS), runB.get(timeoutSeconds, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Integer> started(CountDownLatch start, Callable<Integer> run) {
        return () -> {
            start.await();
            return run.call();
        };
    }
}
