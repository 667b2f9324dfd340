package io.connectstage.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.oauth.AccessToken;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.OAuthError;
import io.connectstage.oauth.Scope.Permission;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import io.connectstage.rule.FieldRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * The fault injection of harnesses over HTTP, outside the Connect paths:
 * {@code POST /.connectstage/projects/{projectKey}/faults} with one fault as JSON, such as
 * {@code {"action":"failNextBuild","deploymentKey":"my-deployment","applicationName":"service"}}
 * ({@link DeploymentFaults}: {@code failNextBuild}, {@code failNextUndeploy}, {@code hold},
 * {@code release}, and {@code clear}, which forgets every fault of that Deployment, by key and by
 * id, and releases its hold; the Deployment by {@code deploymentKey}, which need not exist yet, or
 * by {@code deploymentId}, which must). {@code DELETE} on the same path clears the whole project,
 * so that a harness sharing one server between tests starts each test clean; it takes no body (a
 * body is refused rather than ignored: a harness that sends one means one Deployment, not every
 * one). Both answer 200 with what was done as JSON. The first segment starts with a dot, which no project key
 * has ({@code [a-zA-Z0-9-_]{2,36}}), so these paths never clash with {@code /{projectKey}/…}.
 *
 * <p>Only a token with {@code manage_project} of that very project may set or clear faults: 401 without a
 * token, 404 for a project no client of the server belongs to, 403 for another project's token or
 * a narrower scope, 400 (the Connect error JSON, every problem of the body) for a bad fault.
 */
final class FaultRoutes {
    static final String PREFIX = "/.connectstage/";
    private static final Set<Permission> MANAGE_PROJECT = EnumSet.of(Permission.MANAGE_PROJECT);
    private static final Set<String> FIELDS = Set.of("action", "deploymentKey", "deploymentId", "applicationName");

    /** The faults a harness sets or clears, one action each. */
    enum Action {
        FAIL_NEXT_BUILD("failNextBuild"), FAIL_NEXT_UNDEPLOY("failNextUndeploy"), HOLD("hold"), RELEASE("release"),
        CLEAR("clear");

        final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        static Optional<Action> of(String wire) {
            for (Action a : values()) {
                if (a.wire.equals(wire)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    private final Authorization auth;
    private final Bodies bodies;

    FaultRoutes(Authorization auth, Bodies bodies) {
        this.auth = auth;
        this.bodies = bodies;
    }

    static boolean matches(String path) {
        // PREFIX without its last '/', compared in place: this runs for every request
        return path.startsWith(PREFIX) || path.length() == PREFIX.length() - 1 && PREFIX.startsWith(path);
    }

    Answer route(Request request, String method, String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != 5 || !parts[2].equals("projects") || parts[3].isEmpty() || !parts[4].equals("faults")) {
            return Answer.notFound("path '" + QueryParameters.shorten(path) + "'");
        }
        if (!method.equals("POST") && !method.equals("DELETE")) {
            return Answer.methodNotAllowed(method, path, "POST, DELETE");
        }
        String project = parts[3];
        Optional<AccessToken> token = auth.token(request);
        if (token.isEmpty()) {
            return Answer.oauth(OAuthError.invalidToken());
        }
        if (auth.issuer().clients().stream().map(OAuthClient::projectKey).noneMatch(project::equals)) {
            return Answer.notFound("project key '" + QueryParameters.shorten(project) + "'");
        }
        return auth.authorized(request, project, MANAGE_PROJECT, space -> {
            Optional<DeploymentFaults> faults = auth.spaces().faults();
            if (faults.isEmpty()) {
                return Answer.general(501, "This server injects no faults: its project spaces have no DeploymentFaults");
            }
            if (method.equals("DELETE")) {
                return bodies.body(request).fold(a -> a, body -> clearProject(faults.get(), space, body));
            }
            return bodies.withBody(request, body -> set(faults.get(), space, body));
        });
    }

    /** {@code DELETE}: every fault of the project, by key and by id of its Deployments, and its holds. */
    private static Answer clearProject(DeploymentFaults faults, ProjectSpace space, String body) {
        if (!body.isBlank()) {
            return Answer.error(ErrorResponse.of(ConnectError.invalidJson("DELETE clears every fault of the project and takes "
                    + "no body; to clear one Deployment's, POST {\"action\":\"clear\",\"deploymentKey\":...}")));
        }
        String project = space.projectKey();
        faults.clearProject(project);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("action", Action.CLEAR.wire);
        answer.put("projectKey", project);
        return Answer.json(200, answer);
    }

    private static Answer set(DeploymentFaults faults, ProjectSpace space, String body) {
        JsonNode json;
        try {
            json = ConnectJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Answer.error(ErrorResponse.of(ConnectError.invalidJson("the body is not JSON")));
        }
        if (json == null || !json.isObject()) {
            return Answer.error(ErrorResponse.of(ConnectError.invalidJson("the body is not a JSON object")));
        }
        List<ConnectError> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(ConnectError.invalidField(QueryParameters.shorten(name), "is not a field of a fault; the fields are "
                        + "action, deploymentKey, deploymentId and applicationName"));
            }
        }
        String actionName = text(json, "action", errors);
        String key = text(json, "deploymentKey", errors);
        String id = text(json, "deploymentId", errors);
        String application = text(json, "applicationName", errors);
        Action action = null;
        if (actionName == null) {
            errors.add(ConnectError.requiredField("action"));
        } else {
            action = Action.of(actionName).orElse(null);
            if (action == null) {
                errors.add(ConnectError.invalidField("action", "'" + QueryParameters.shorten(actionName)
                        + "' is not one of failNextBuild, failNextUndeploy, hold, release, clear"));
            }
        }
        if (key == null && id == null) {
            errors.add(ConnectError.requiredField("deploymentKey"));
        } else if (key != null && id != null) {
            errors.add(ConnectError.invalidField("deploymentId", "give deploymentKey or deploymentId, not both"));
        } else if (key != null) {
            errors.addAll(FieldRules.key("deploymentKey", key).asJava());
        } else if (id.isEmpty()) {
            errors.add(ConnectError.invalidField("deploymentId", "is empty"));
        }
        if (action == Action.FAIL_NEXT_BUILD && application == null) {
            errors.add(ConnectError.requiredField("applicationName"));
        } else if (action != null && action != Action.FAIL_NEXT_BUILD && application != null) {
            errors.add(ConnectError.invalidField("applicationName", "only failNextBuild names an application"));
        } else if (application != null && application.isEmpty()) {
            errors.add(ConnectError.invalidField("applicationName", "is empty"));
        }
        if (!errors.isEmpty()) {
            return Answer.error(ErrorResponse.of(errors));
        }
        String project = space.projectKey();
        ResourceRef deployment = key != null ? ResourceRef.key(key) : ResourceRef.id(id);
        if (id != null) {
            Optional<Answer> missing = space.deployments().get(deployment).fold(e -> Optional.of(Answer.error(e)),
                    d -> Optional.empty());
            if (missing.isPresent()) {
                return missing.get();
            }
        }
        apply(faults, action, space, deployment, application);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("action", action.wire);
        answer.put("projectKey", project);
        answer.put(key != null ? "deploymentKey" : "deploymentId", key != null ? key : id);
        if (application != null) {
            answer.put("applicationName", application);
        }
        return Answer.json(200, answer);
    }

    /**
     * Clears one Deployment's faults both ways it may have been named: by the reference given, and
     * by the other name of the Deployment it names, if that Deployment exists (its id for a key,
     * its key, if it has one, for an id).
     */
    private static void clear(DeploymentFaults faults, ProjectSpace space, ResourceRef deployment) {
        String project = space.projectKey();
        faults.clear(project, deployment);
        space.deployments().get(deployment).toOption().forEach(d -> {
            faults.clear(project, ResourceRef.id(d.id()));
            if (d.key() != null) {
                faults.clear(project, ResourceRef.key(d.key()));
            }
        });
    }

    private static void apply(DeploymentFaults faults, Action action, ProjectSpace space, ResourceRef deployment,
            String application) {
        String project = space.projectKey();
        switch (action) {
            case FAIL_NEXT_BUILD -> faults.failNextBuild(project, deployment, application);
            case FAIL_NEXT_UNDEPLOY -> faults.failNextUndeploy(project, deployment);
            case HOLD -> faults.hold(project, deployment);
            case RELEASE -> faults.release(project, deployment);
            case CLEAR -> clear(faults, space, deployment);
        }
    }

    /** A string field, {@code null} when absent or JSON null; an error when of another type. */
    private static String text(JsonNode json, String field, List<ConnectError> errors) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(ConnectError.invalidField(field, "is a string"));
            return null;
        }
        return node.asText();
    }
}
