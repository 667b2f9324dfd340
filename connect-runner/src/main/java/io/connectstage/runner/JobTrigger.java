package io.connectstage.runner;

import io.vavr.control.Option;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls job applications on their cron schedule, as Cloud Scheduler calls a Connect job: an HTTP
 * POST with an empty body at each fire time, with the {@code X-CloudScheduler} headers Cloud
 * Scheduler sets, and Connect's 30-minute request timeout for jobs (connect-digest §1.9). The next
 * fire time is worked out from the clock after each call, so a late call does not bring a burst of
 * missed ones. A call due while the job's previous call still runs is made all the same and
 * reported as {@linkplain JobCall#overlapped() overlapped}.
 *
 * <pre>{@code
 * try (JobTrigger jobs = new JobTrigger(HttpClient.newHttpClient(), scheduler, Clock.systemUTC(), ZoneOffset.UTC)) {
 *     jobs.schedule("deployment-1/cleanup", CronSchedule.parse("0 * * * *").get(), URI.create("http://127.0.0.1:8080/"), log::call);
 * }
 * }</pre>
 *
 * <p>The scheduler and the client belong to the caller: {@link #close} cancels every schedule and the
 * calls in flight but shuts down neither. A consumer that throws does not stop a schedule.
 */
public final class JobTrigger implements AutoCloseable {
    /** Connect's request timeout for job applications (connect-digest §1.9). */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(30);
    /**
     * The longest single wait for a fire time: a longer one is cut into pieces that look at the clock
     * again, so a clock that was set (or a test clock that was moved) is noticed.
     */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Integer> running = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A trigger reading fire times on {@code zone}'s wall clock. */
    public JobTrigger(HttpClient client, ScheduledExecutorService scheduler, Clock clock, ZoneId zone) {
        this.client = Objects.requireNonNull(client, "client is null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.zone = Objects.requireNonNull(zone, "zone is null");
    }

    /**
     * Calls {@code target} at each fire time of {@code s} from now on, each call reported to
     * {@code onCall}, in place of any schedule under the same {@code id}.
     *
     * @throws IllegalStateException when this trigger was closed
     */
    public void schedule(String id, CronSchedule s, URI target, Consumer<JobCall> onCall) {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(s, "s is null");
        Objects.requireNonNull(onCall, "onCall is null");
        HttpRequest.newBuilder(Objects.requireNonNull(target, "target is null")); // an unusable URI fails here, not later in a thread
        if (closed) {
            throw new IllegalStateException("the job trigger is closed");
        }
        Job job = new Job(id, s, target, onCall);
        Job before = jobs.put(id, job);
        if (before != null) {
            before.cancel();
        }
        job.arm(clock.instant());
    }

    /**
     * Calls {@code target} now, as the schedule would; the future completes with the call once
     * {@code onCall} has seen it (exceptionally when {@code onCall} throws).
     */
    public CompletableFuture<JobCall> runNow(String id, URI target, Consumer<JobCall> onCall) {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(onCall, "onCall is null");
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the job trigger is closed"));
        }
        return call(id, target, clock.instant(), false, onCall);
    }

    /** Stops the schedule under {@code id}; a call already made runs to its end. */
    public void cancel(String id) {
        Job job = jobs.remove(id);
        if (job != null) {
            job.cancel();
        }
    }

    /** Stops every schedule and cancels the calls in flight. */
    @Override
    public void close() {
        closed = true;
        jobs.values().forEach(Job::cancel);
        jobs.clear();
        inFlight.forEach(call -> call.cancel(true));
    }

    /**
     * Where to look from for the fire time after one at {@code firedAt}: the clock, unless it has not
     * reached {@code firedAt} yet (a wake-up a little early), so the same fire time never comes twice.
     */
    static Instant nextFrom(Instant firedAt, Instant now) {
        return now.isAfter(firedAt) ? now : firedAt;
    }

    private CompletableFuture<JobCall> call(String id, URI target, Instant at, boolean scheduled, Consumer<JobCall> onCall) {
        boolean overlapped = running.merge(id, 1, Integer::sum) > 1;
        Instant started = clock.instant();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(CALL_TIMEOUT)
                .header("X-CloudScheduler", "true")
                .header("X-CloudScheduler-JobName", id)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (scheduled) {
            request.header("X-CloudScheduler-ScheduleTime", DateTimeFormatter.ISO_INSTANT.format(at));
        }
        CompletableFuture<HttpResponse<Void>> sent;
        try {
            // the answer's body is discarded as it arrives: nothing of it is kept
            sent = client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<Void>> call = sent;
        inFlight.add(call);
        return call.handle((response, failure) -> {
            inFlight.remove(call);
            running.computeIfPresent(id, (key, n) -> n == 1 ? null : n - 1);
            int status = response == null ? 0 : response.statusCode();
            JobCall made = new JobCall(at, status, Duration.between(started, clock.instant()),
                    problem(target, status, failure), scheduled, overlapped);
            onCall.accept(made);
            return made;
        });
    }

    private static String problem(URI target, int status, Throwable failure) {
        if (failure == null) {
            return status >= 200 && status < 300 ? null : "answered " + status;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            return "stopped: the job trigger was closed";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + CALL_TIMEOUT.toMinutes() + " minutes";
        }
        String message = cause.getMessage();
        return "could not reach " + target + ": " + (message == null ? cause.getClass().getSimpleName() : message);
    }

    /** One schedule: its next wake-up, re-armed after each call. */
    private final class Job {
        final String id;
        final CronSchedule schedule;
        final URI target;
        final Consumer<JobCall> onCall;
        volatile ScheduledFuture<?> next;
        volatile boolean cancelled;

        Job(String id, CronSchedule schedule, URI target, Consumer<JobCall> onCall) {
            this.id = id;
            this.schedule = schedule;
            this.target = target;
            this.onCall = onCall;
        }

        /** Waits for the first fire time after {@code from} (none: the schedule never fires, nothing waits). */
        void arm(Instant from) {
            if (cancelled || closed) {
                return;
            }
            Option<Instant> due = schedule.next(from, zone);
            if (due.isEmpty()) {
                return;
            }
            Instant at = due.get();
            Duration wait = Duration.between(clock.instant(), at);
            Runnable then = () -> fire(at);
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                wait = LONGEST_WAIT;
                then = () -> arm(from);
            }
            try {
                next = scheduler.schedule(then, Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shutDown) {
                return;
            }
            if (cancelled) {
                next.cancel(false);
            }
        }

        void fire(Instant at) {
            if (cancelled || closed) {
                return;
            }
            // the next wait is set before the call, so neither a slow call nor a consumer that throws holds it up
            arm(nextFrom(at, clock.instant()));
            call(id, target, at, true, onCall);
        }

        void cancel() {
            cancelled = true;
            ScheduledFuture<?> pending = next;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
