package io.connectstage.runner;

import java.time.Duration;
import java.time.Instant;

/**
 * One call of a job application, as {@link JobTrigger} reports it: when it was due (the fire time
 * for a scheduled call, the moment asked for {@code runNow}), the status the application answered
 * ({@code 0} when none), how long it took, what went wrong ({@code null} for a 2xx answer), whether
 * the schedule made it, and whether an earlier call of the same job was still running when it was
 * made (it is made all the same, as Cloud Scheduler does).
 */
public record JobCall(Instant at, int status, Duration took, String problem, boolean scheduled, boolean overlapped) {

    /** A call that did not overlap an earlier one. */
    public JobCall(Instant at, int status, Duration took, String problem, boolean scheduled) {
        this(at, status, took, problem, scheduled, false);
    }
}
