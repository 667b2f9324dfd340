package io.connectstage.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("FetchGuard")
class FetchGuardTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** Lets every connection that blocks in close go at the end of a test. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseBlockedCloses() {
        release.countDown();
    }

    private static FetchGuard guard() {
        return new FetchGuard(System.nanoTime() + TimeUnit.MINUTES.toNanos(1), Long.MAX_VALUE, null);
    }

    /** A connection whose close waits until the end of the test, as one a server keeps busy. */
    private Closeable blocking(CountDownLatch entered) {
        return () -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Nested
    @DisplayName("stopping a fetch")
    class Stopping {

        @Test
        void aStopReturnsAtOnceWhileAConnectionIsSlowToClose() throws Exception {
            FetchGuard guard = guard();
            CountDownLatch entered = new CountDownLatch(1);
            guard.register(blocking(entered));

            assertTimeoutPreemptively(PATIENCE, guard::stop);

            assertTrue(guard.wasStopped());
            assertThrows(InterruptedIOException.class, guard::check);
            assertTrue(entered.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "the connection is being closed");
        }

        @Test
        void aConnectionThatCannotBeClosedHoldsTheTimerOfNoOtherFetch() throws Exception {
            // one thread runs the stops of every fetch, as DeadlineFetch's timer does
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            try {
                FetchGuard hostile = guard();
                hostile.register(blocking(new CountDownLatch(1)));
                FetchGuard other = guard();
                CountDownLatch otherClosed = new CountDownLatch(1);
                other.register(otherClosed::countDown);

                timer.schedule(hostile::stop, 0, TimeUnit.MILLISECONDS);
                timer.schedule(other::stop, 50, TimeUnit.MILLISECONDS);

                assertTrue(otherClosed.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS),
                        "the other fetch was not stopped at its deadline");
                assertTrue(other.wasStopped());
            } finally {
                release.countDown();
                timer.shutdownNow();
            }
        }

        @Test
        void theWaitForTheConnectionsToCloseEndsWithTheGrace() {
            FetchGuard guard = guard();
            guard.register(blocking(new CountDownLatch(1)));

            boolean closed = assertTimeoutPreemptively(PATIENCE, () -> {
                guard.stop();
                return guard.awaitClosed(TimeUnit.MILLISECONDS.toNanos(200));
            });

            assertFalse(closed);
        }

        @Test
        void theConnectionsAreClosedWhenTheWaitSaysSo() {
            FetchGuard guard = guard();
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(1);
            guard.register(first::countDown);
            guard.register(second::countDown);
            guard.stop();
            guard.stop();

            assertTrue(guard.awaitClosed(PATIENCE.toNanos()));

            assertEquals(0, first.getCount() + second.getCount());
        }

        @Test
        void aConnectionOpenedAfterTheStopIsClosedAtOnce() {
            FetchGuard guard = guard();
            guard.stop();
            CountDownLatch closed = new CountDownLatch(1);

            guard.register(closed::countDown);

            assertEquals(0, closed.getCount());
        }
    }
}
