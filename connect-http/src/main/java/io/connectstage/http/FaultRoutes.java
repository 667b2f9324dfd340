package io.connectstage.http;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.DeploymentFaults;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fault injection of harnesses over HTTP, outside the Connect paths:
 * {@code POST /.connectstage/projects/{projectKey}/faults} with one fault as JSON, a
 * {@link FaultCommand} ({@link DeploymentFaults}: {@code failNextBuild}, {@code failNextUndeploy},
 * {@code hold}, {@code release}, and {@code clear}, which forgets every fault of that Deployment, by
 * key and by id, and releases its hold; the Deployment by {@code deploymentKey}, which need not
 * exist yet, or by {@code deploymentId}, which must). {@code DELETE} on the same path clears the
 * whole project, so that a harness sharing one server between tests starts each test clean; it
 * takes no body (a body is refused rather than ignored: a harness that sends one means one
 * Deployment, not every one). Both answer 200 with what was done as JSON. The first segment starts
 * with a dot, which no project key has ({@code [a-zA-Z0-9-_]{2,36}}), so these paths never clash
 * with {@code /{projectKey}/…} ({@link RouteTable} keeps such a segment to the routes that spell it).
 *
 * <p>Only a token with {@code manage_project} of that very project may set or clear faults (the
 * route table's scope: 401 without a token, 404 for a project no client of the server belongs to,
 * 403 for another project's token or a narrower scope); 400 (the Connect error JSON, every problem
 * of the body) for a bad fault; 501 when the server's spaces inject no faults.
 */
final class FaultRoutes {
    private final ProjectSpaces spaces;
    private final Bodies bodies;

    FaultRoutes(ProjectSpaces spaces, Bodies bodies) {
        this.spaces = spaces;
        this.bodies = bodies;
    }

    /** {@code POST}: one fault set or cleared. */
    Answer set(Call call) {
        return withFaults(faults -> bodies.withBody(call.request(), body -> FaultCommandReader.read(body)
                .fold(Answer::error, command -> apply(faults, call.space(), command))));
    }

    /** {@code DELETE}: every fault of the project, by key and by id of its Deployments, and its holds. */
    Answer clearProject(Call call) {
        return withFaults(faults -> bodies.body(call.request()).fold(a -> a, body -> {
            if (!body.isBlank()) {
                return Answer.error(ErrorResponse.of(ConnectError.invalidJson("DELETE clears every fault of the project and "
                        + "takes no body; to clear one Deployment's, POST {\"action\":\"clear\",\"deploymentKey\":...}")));
            }
            String project = call.space().projectKey();
            faults.clearProject(project);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("action", ClearFaults.ACTION);
            answer.put("projectKey", project);
            return Answer.json(200, answer);
        }));
    }

    private Answer withFaults(Function<DeploymentFaults, Answer> route) {
        Optional<DeploymentFaults> faults = spaces.faults();
        if (faults.isEmpty()) {
            return Answer.general(501, "This server injects no faults: its project spaces have no DeploymentFaults");
        }
        return route.apply(faults.get());
    }

    /** A Deployment named by id must exist (404 otherwise); one named by key need not yet. */
    private static Answer apply(DeploymentFaults faults, ProjectSpace space, FaultCommand command) {
        Optional<Answer> missing = command.deployment().fold(
                id -> space.deployments().get(command.deployment()).fold(e -> Optional.of(Answer.error(e)), d -> Optional.empty()),
                key -> Optional.empty());
        if (missing.isPresent()) {
            return missing.get();
        }
        command.applyTo(faults, space);
        return Answer.json(200, command.answer(space.projectKey()));
    }
}
