package io.connectstage.runner;

import io.connectstage.connector.ApplicationType;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.error.ConnectError;
import io.connectstage.processing.DeploymentRunner.EventMessage;
import io.vavr.control.Either;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Events and jobs for the running applications: an event is delivered to an event application as
 * a Pub/Sub push request ({@link EventDelivery}), a job application is called on its schedule or
 * at once ({@link JobTrigger}); each attempt and call is a log entry of the application.
 */
final class EventsAndJobs implements AutoCloseable {
    private final HttpClient http;
    private final EventDelivery events;
    private final JobTrigger jobs;

    EventsAndJobs(ScheduledExecutorService scheduler, Clock clock, DeliveryPolicy policy, ZoneId zone) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.events = new EventDelivery(http, scheduler, clock, policy);
        this.jobs = new JobTrigger(http, scheduler, clock, zone);
    }

    /** Where a running application is called: its port on the loopback interface, at its endpoint. */
    static URI target(AppProcess app) {
        String endpoint = app.endpoint == null ? "/" : app.endpoint.startsWith("/") ? app.endpoint : "/" + app.endpoint;
        return URI.create("http://127.0.0.1:" + app.port + endpoint);
    }

    Either<ConnectError, String> deliver(String deploymentId, String applicationName, AppProcess app, EventMessage message) {
        if (app == null || app.type != ApplicationType.EVENT) {
            return Either.left(notRunning(deploymentId, applicationName, ApplicationType.EVENT));
        }
        String messageId = events.newMessageId();
        // Connect's push subscription is named after the topic; the project is the runner's own
        String subscription = "projects/" + Environments.GCP_PROJECT_ID + "/subscriptions/" + app.topic;
        events.deliver(target(app), subscription, message, messageId, attempt -> app.logs().note(
                attempt.delivered() ? DeploymentLogSeverity.INFO : attempt.willRetry() ? DeploymentLogSeverity.WARNING
                        : DeploymentLogSeverity.ERROR,
                "Event " + messageId + ", attempt " + attempt.attempt() + ": "
                        + (attempt.status() == 0 ? "no answer" : "answered " + attempt.status()) + " in "
                        + attempt.took().toMillis() + " ms"
                        + (attempt.problem() == null ? "" : " (" + attempt.problem() + ")")
                        + (attempt.delivered() ? ", delivered" : attempt.willRetry() ? ", will be retried" : ", given up")));
        return Either.right(messageId);
    }

    Either<ConnectError, String> runNow(String deploymentId, String applicationName, AppProcess app) {
        if (app == null || app.type != ApplicationType.JOB) {
            return Either.left(notRunning(deploymentId, applicationName, ApplicationType.JOB));
        }
        String runId = UUID.randomUUID().toString();
        jobs.runNow(jobId(deploymentId, app.name), target(app), call -> logCall(app, call, runId));
        return Either.right(runId);
    }

    /** Calls the job on {@code schedule} until {@link #cancel}led; a schedule that cannot be read is logged instead. */
    void schedule(String deploymentId, AppProcess app, String schedule) {
        Either<String, CronSchedule> cron = CronSchedule.parse(schedule);
        if (cron.isLeft()) {
            app.logs().note(DeploymentLogSeverity.WARNING, "The schedule '" + schedule + "' of job " + app.name
                    + " cannot be read (" + cron.getLeft() + "): the job is not called on a schedule");
            return;
        }
        app.logs().note(DeploymentLogSeverity.INFO, "Job " + app.name + " scheduled: " + schedule);
        jobs.schedule(jobId(deploymentId, app.name), cron.get(), target(app), call -> logCall(app, call, null));
    }

    void cancel(String deploymentId, String applicationName) {
        jobs.cancel(jobId(deploymentId, applicationName));
    }

    private static void logCall(AppProcess app, JobCall call, String runId) {
        app.logs().note(call.problem() == null ? DeploymentLogSeverity.INFO : DeploymentLogSeverity.ERROR,
                (runId == null ? "Scheduled call of job " + app.name : "Run " + runId + " of job " + app.name)
                        + (call.status() == 0 ? ": no answer" : ": answered " + call.status()) + " in "
                        + call.took().toMillis() + " ms" + (call.problem() == null ? "" : " (" + call.problem() + ")")
                        + (call.overlapped() ? "; the previous call was still running" : ""));
    }

    private static String jobId(String deploymentId, String applicationName) {
        return deploymentId + "/" + applicationName;
    }

    static ConnectError notRunning(String deploymentId, String applicationName, ApplicationType type) {
        return ConnectError.resourceNotFound("the " + type.wireValue() + " application '" + applicationName
                + "' running for the Deployment with id '" + deploymentId + "'");
    }

    @Override
    public void close() {
        jobs.close();
        events.close();
    }
}
