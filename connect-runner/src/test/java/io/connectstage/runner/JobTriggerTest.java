package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.testkit.MutableClock;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("JobTrigger calls a job application as Cloud Scheduler does")
class JobTriggerTest {
    /** One second before a minute boundary, so an every-minute schedule fires one real second later. */
    private static final Instant BEFORE_MINUTE = Instant.parse("2026-12-07T21:00:59Z");

    /** A real scheduler that also remembers each wait asked of it, so the scheduling is seen without waiting it out. */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> waitsMillis = new CopyOnWriteArrayList<>();
        final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            ScheduledFuture<?> f = super.schedule(command, delay, unit);
            waitsMillis.add(unit.toMillis(delay));
            scheduled.add(f);
            return f;
        }
    }

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final HttpClient client = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(BEFORE_MINUTE);
    private final BlockingQueue<JobCall> calls = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final JobTrigger jobs = new JobTrigger(client, scheduler, clock, ZoneOffset.UTC);
    private LocalHttpServer server;

    @AfterEach
    void stop() {
        jobs.close();
        release.countDown();
        if (server != null) {
            server.close();
        }
        scheduler.shutdownNow();
    }

    private static CronSchedule cron(String expression) {
        return CronSchedule.parse(expression).get();
    }

    private JobCall nextCall() throws InterruptedException {
        JobCall call = calls.poll(30, TimeUnit.SECONDS);
        assertTrue(call != null, "no call was reported");
        return call;
    }

    @Nested
    @DisplayName("schedule")
    class Schedule {
        @Test
        @DisplayName("at the fire time, POSTs an empty body with Cloud Scheduler's headers and reports the call")
        void firesEmptyPostAtFireTime() throws Exception {
            server = LocalHttpServer.answering((n, r) -> 200);
            jobs.schedule("d-1/cleanup", cron("* * * * *"), server.uri(), calls::add);
            LocalHttpServer.Received r = server.take();
            assertEquals("POST", r.method());
            assertEquals(0, r.body().length);
            assertEquals("true", r.header("X-CloudScheduler"));
            assertEquals("d-1/cleanup", r.header("X-CloudScheduler-JobName"));
            assertEquals("2026-12-07T21:01:00Z", r.header("X-CloudScheduler-ScheduleTime"));
            assertEquals(new JobCall(Instant.parse("2026-12-07T21:01:00Z"), 200, Duration.ZERO, null, true, false),
                    nextCall());
        }

        @Test
        @DisplayName("waits from the clock to the first fire time, then from the clock to the one after the fire time")
        void rearmsAfterEachFireFromTheClock() throws Exception {
            server = LocalHttpServer.answering((n, r) -> 200);
            jobs.schedule("d-1/cleanup", cron("* * * * *"), server.uri(), calls::add);
            nextCall();
            // the clock stands still at 21:00:59: the fire at 21:01 must not come again, 21:02 is 61 s away
            assertEquals(List.of(1_000L, 61_000L), scheduler.waitsMillis);
        }

        @Test
        @DisplayName("a fire time that comes a little before the clock reaches it is not called twice")
        void earlyWakeUpLooksFromFireTime() {
            Instant fired = Instant.parse("2026-12-07T21:01:00Z");
            assertEquals(fired, JobTrigger.nextFrom(fired, fired.minusMillis(3)));
            assertEquals(fired.plusSeconds(5), JobTrigger.nextFrom(fired, fired.plusSeconds(5)));
        }

        @Test
        @DisplayName("a wait longer than ten minutes is cut so the clock is read again")
        void longWaitIsCut() {
            jobs.schedule("d-1/yearly", cron("0 0 1 1 *"), URI.create("http://127.0.0.1:9/"), calls::add);
            assertEquals(List.of(JobTrigger.LONGEST_WAIT.toMillis()), scheduler.waitsMillis);
        }

        @Test
        @DisplayName("a schedule that never fires waits for nothing")
        void neverFiringWaitsForNothing() {
            jobs.schedule("d-1/never", cron("0 0 30 2 *"), URI.create("http://127.0.0.1:9/"), calls::add);
            assertTrue(scheduler.waitsMillis.isEmpty());
        }

        @Test
        @DisplayName("scheduling an id again replaces its schedule")
        void rescheduleReplaces() {
            jobs.schedule("d-1/job", cron("* * * * *"), URI.create("http://127.0.0.1:9/"), calls::add);
            jobs.schedule("d-1/job", cron("0 0 1 1 *"), URI.create("http://127.0.0.1:9/"), calls::add);
            assertTrue(scheduler.scheduled.get(0).isCancelled());
            assertFalse(scheduler.scheduled.get(1).isCancelled());
        }

        @Test
        @DisplayName("cancel stops the schedule's wait")
        void cancelStopsWait() {
            jobs.schedule("d-1/job", cron("* * * * *"), URI.create("http://127.0.0.1:9/"), calls::add);
            jobs.cancel("d-1/job");
            assertTrue(scheduler.scheduled.get(0).isCancelled());
            jobs.cancel("not-there");
        }

        @Test
        @DisplayName("close stops every schedule, and nothing is scheduled after it")
        void closeStopsSchedules() {
            jobs.schedule("a", cron("* * * * *"), URI.create("http://127.0.0.1:9/"), calls::add);
            jobs.schedule("b", cron("*/5 * * * *"), URI.create("http://127.0.0.1:9/"), calls::add);
            jobs.close();
            assertTrue(scheduler.scheduled.stream().allMatch(ScheduledFuture::isCancelled));
            assertThrows(IllegalStateException.class,
                    () -> jobs.schedule("c", cron("* * * * *"), URI.create("http://127.0.0.1:9/"), calls::add));
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> jobs.runNow("c", URI.create("http://127.0.0.1:9/"), calls::add).get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof IllegalStateException);
        }
    }

    @Nested
    @DisplayName("runNow")
    class RunNow {
        @Test
        @DisplayName("calls at once, with no schedule time, and reports what the application answered")
        void callsAtOnce() throws Exception {
            server = LocalHttpServer.answering((n, r) -> 500);
            JobCall call = jobs.runNow("d-1/job", server.uri(), calls::add).get(30, TimeUnit.SECONDS);
            assertEquals(new JobCall(BEFORE_MINUTE, 500, Duration.ZERO, "answered 500", false, false), call);
            assertEquals(call, nextCall());
            LocalHttpServer.Received r = server.take();
            assertEquals("POST", r.method());
            assertNull(r.header("X-CloudScheduler-ScheduleTime"));
        }

        @Test
        @DisplayName("a call made while the job's previous call still runs is made all the same, marked overlapped")
        void overlappingCallIsMadeAndNoted() throws Exception {
            server = LocalHttpServer.answering((n, r) -> {
                if (n == 1) {
                    release.await(60, TimeUnit.SECONDS);
                }
                return 204;
            });
            CompletableFuture<JobCall> first = jobs.runNow("d-1/job", server.uri(), calls::add);
            server.take();
            JobCall second = jobs.runNow("d-1/job", server.uri(), calls::add).get(30, TimeUnit.SECONDS);
            assertTrue(second.overlapped());
            assertEquals(204, second.status());
            release.countDown();
            assertFalse(first.get(30, TimeUnit.SECONDS).overlapped());
            assertEquals(2, server.count());
            // both ended: the next call overlaps nothing
            assertFalse(jobs.runNow("d-1/job", server.uri(), calls::add).get(30, TimeUnit.SECONDS).overlapped());
        }

        @Test
        @DisplayName("close ends a call in flight, reported as stopped")
        void closeStopsCallInFlight() throws Exception {
            server = LocalHttpServer.answering((n, r) -> {
                release.await(60, TimeUnit.SECONDS);
                return 200;
            });
            CompletableFuture<JobCall> call = jobs.runNow("d-1/job", server.uri(), calls::add);
            server.take();
            jobs.close();
            JobCall stopped = call.get(30, TimeUnit.SECONDS);
            assertEquals(0, stopped.status());
            assertEquals("stopped: the job trigger was closed", stopped.problem());
        }

        @Test
        @DisplayName("an application that cannot be reached is status 0 with the reason")
        void unreachableIsStatusZero() throws Exception {
            URI closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
            }
            JobCall call = jobs.runNow("d-1/job", closed, calls::add).get(30, TimeUnit.SECONDS);
            assertEquals(0, call.status());
            assertTrue(call.problem().startsWith("could not reach " + closed), call.problem());
        }
    }
}
