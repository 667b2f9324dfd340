package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("A processing pool")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessingPoolTest {

    @Test
    @DisplayName("runs another lane's task while one lane's slow task holds a worker")
    void aSlowLaneDelaysNoOtherLane() throws Exception {
        try (ProcessingPool pool = new ProcessingPool(2)) {
            Executor slow = pool.lane();
            Executor other = pool.lane();
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 5; i++) {
                slow.execute(() -> await(release));
            }
            CountDownLatch done = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                other.execute(done::countDown);
            }
            assertTrue(done.await(20, TimeUnit.SECONDS), "the other lane's tasks ran while the slow lane waited");
            release.countDown();
        }
    }

    @Test
    @DisplayName("runs one lane's tasks one at a time and in order, however many workers it has")
    void oneLaneRunsItsTasksInTurn() throws Exception {
        try (ProcessingPool pool = new ProcessingPool(4)) {
            Executor lane = pool.lane();
            List<Integer> order = new CopyOnWriteArrayList<>();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(50);
            for (int i = 0; i < 50; i++) {
                int n = i;
                lane.execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.yield();
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertEquals(1, most.get());
            assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), order);
        }
    }

    @Test
    @DisplayName("gives lanes with waiting tasks turns, so a lane with many tasks does not go first with all of them")
    void lanesTakeTurns() throws Exception {
        try (ProcessingPool pool = new ProcessingPool(1)) {
            Executor busy = pool.lane();
            Executor other = pool.lane();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> order = new CopyOnWriteArrayList<>();
            busy.execute(() -> {
                started.countDown();
                await(release);
            });
            assertTrue(started.await(20, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {
                busy.execute(() -> order.add("busy"));
            }
            CountDownLatch done = new CountDownLatch(1);
            other.execute(() -> {
                order.add("other");
                done.countDown();
            });
            release.countDown();
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertEquals(List.of("other", "busy", "busy", "busy"), order, "after the running busy task, the other lane's turn");
        }
    }

    @Test
    @DisplayName("stops every thread it started on close, and refuses tasks after")
    void closeStopsItsThreads() throws Exception {
        ProcessingPool pool = new ProcessingPool(3);
        Executor lane = pool.lane();
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            pool.lane().execute(() -> {
                started.countDown();
                await(new CountDownLatch(1)); // until interrupted
            });
        }
        pool.scheduler().schedule(() -> { }, 1, TimeUnit.HOURS);
        assertTrue(started.await(20, TimeUnit.SECONDS));
        pool.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("connectstage-worker-")
                        || t.isAlive() && t.getName().startsWith("connectstage-timer-")), "threads left");
        assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> { }));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
