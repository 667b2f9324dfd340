package io.connectstage.http;

import io.connectstage.deployment.Deployment;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.DeploymentRunner;
import io.connectstage.processing.DeploymentRunner.RunningApplication;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The emulator's own calls into running applications, for harnesses and the shell:
 * {@code POST /.connectstage/projects/{projectKey}/deployments/{ref}/events/{application}} hands a
 * message ({@link EventMessageReader}) to the event application for delivery as a Pub/Sub push
 * request, and {@code POST …/jobs/{application}/run} calls the job application now, as its
 * schedule would. Both answer 202 at once (the delivery or the call goes on in the runner, each
 * attempt in the Deployment's logs): {@code {"messageId": …}} or {@code {"runId": …}}, with the
 * Deployment's id and the application's name. 404 when the Deployment is not found or no
 * application of that name and type runs for it; 501 when the server runs no applications.
 */
final class RunRoutes {
    private final RunningApps apps;
    private final Bodies bodies;

    RunRoutes(RunningApps apps, Bodies bodies) {
        this.apps = apps;
        this.bodies = bodies;
    }

    Answer event(Call call) {
        return running(call, "event", (runner, d) -> bodies.bytes(call.request()).fold(a -> a,
                body -> EventMessageReader.read(call.request().getHeaders().get(HttpHeader.CONTENT_TYPE), body).fold(
                        Answer::error, message -> accepted(d, call, "messageId",
                                runner.deliver(d.id(), call.path().text("application"), message)))));
    }

    Answer job(Call call) {
        return running(call, "job", (runner, d) -> accepted(d, call, "runId",
                runner.runJob(d.id(), call.path().text("application"))));
    }

    /** The route, given the runner and the Deployment, when an application of that name and type runs for it. */
    private Answer running(Call call, String type, BiFunction<DeploymentRunner, Deployment, Answer> route) {
        if (apps.runner().isEmpty()) {
            return RunningApps.runsNone();
        }
        Either<ErrorResponse, Deployment> found = call.space().deployments().get(call.path().ref("ref"));
        if (found.isLeft()) {
            return Answer.error(found.getLeft());
        }
        Deployment d = found.get();
        String name = call.path().text("application");
        Option<RunningApplication> running = apps.runner().get().application(d.id(), name);
        if (running.isEmpty() || !running.get().applicationType().equals(type)) {
            return Answer.notFound("application name '" + QueryParameters.shorten(name) + "' running as a " + type
                    + " application of Deployment '" + d.key() + "'");
        }
        return route.apply(apps.runner().get(), d);
    }

    private static Answer accepted(Deployment d, Call call, String field, Either<ConnectError, String> result) {
        return result.fold(e -> Answer.error(ErrorResponse.of(e)), id -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put(field, id);
            answer.put("deploymentId", d.id());
            answer.put("applicationName", call.path().text("application"));
            return Answer.json(202, answer);
        });
    }
}
