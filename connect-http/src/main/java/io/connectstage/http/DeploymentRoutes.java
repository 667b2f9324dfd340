package io.connectstage.http;

import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentLogQuery;
import io.connectstage.error.ErrorResponse;
import io.connectstage.oauth.Scope.Permission;
import io.connectstage.resource.ResourceRef;
import io.connectstage.store.DeploymentQuery;
import io.vavr.control.Either;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * {@code /{projectKey}/deployments}, {@code /{projectKey}/deployments/{id}} and
 * {@code …/key={key}}, each with {@code /logs}: the token must hold a deployment scope of that
 * very project (403 otherwise). Answers are written by {@link DeploymentJson}, secured values masked.
 */
final class DeploymentRoutes {
    private static final Set<Permission> VIEW = EnumSet.of(Permission.MANAGE_PROJECT,
            Permission.MANAGE_CONNECTORS_DEPLOYMENTS, Permission.VIEW_CONNECTORS_DEPLOYMENTS);
    private static final Set<Permission> MANAGE = EnumSet.of(Permission.MANAGE_PROJECT,
            Permission.MANAGE_CONNECTORS_DEPLOYMENTS);

    private final Authorization auth;
    private final Bodies bodies;

    DeploymentRoutes(Authorization auth, Bodies bodies) {
        this.auth = auth;
        this.bodies = bodies;
    }

    /** Whether the path's segments ({@code path.split("/", -1)}) are of these routes. */
    static boolean matches(String[] parts) {
        return parts.length >= 3 && parts[0].isEmpty() && parts[2].equals("deployments") && !parts[1].isEmpty();
    }

    Answer route(Request request, String method, String path, String[] parts, Map<String, List<String>> params) {
        String project = parts[1];
        if (parts.length == 3) {
            return switch (method) {
                case "GET" -> auth.authorized(request, project, VIEW, space ->
                        DeploymentQuery.fromQueryParameters(project, params).fold(
                                errors -> Answer.error(ErrorResponse.of(errors)),
                                query -> answer(200, space.deployments().query(query))));
                case "POST" -> auth.authorized(request, project, MANAGE, space -> bodies.withBody(request, body ->
                        DeploymentJson.readDraft(body).fold(Answer::error,
                                draft -> answer(201, space.deployments().create(draft)))));
                default -> Answer.methodNotAllowed(method, path, "GET, POST");
            };
        }
        if (parts[3].isEmpty() || parts.length > 5 || (parts.length == 5 && !parts[4].equals("logs"))) {
            return Answer.notFound("path '" + QueryParameters.shorten(path) + "'");
        }
        ResourceRef ref = ResourceRef.ofPathSegment(parts[3]);
        if (parts.length == 5) {
            if (!method.equals("GET")) {
                return Answer.methodNotAllowed(method, path, "GET");
            }
            DeploymentLogQuery query = logQuery(params);
            return auth.authorized(request, project, VIEW, space -> answer(200, space.deployments().logs(ref, query)));
        }
        return switch (method) {
            case "GET" -> auth.authorized(request, project, VIEW, space -> answer(200, space.deployments().get(ref)));
            case "POST" -> auth.authorized(request, project, MANAGE, space -> bodies.withBody(request, body ->
                    DeploymentJson.readUpdate(body).fold(Answer::error, update ->
                            answer(200, space.deployments().update(ref, update)))));
            case "DELETE" -> auth.authorized(request, project, MANAGE, space -> QueryParameters.version(params)
                    .fold(Answer::error, version -> answer(202, space.deployments().delete(ref, version))));
            default -> Answer.methodNotAllowed(method, path, "GET, POST, DELETE");
        };
    }

    private static DeploymentLogQuery logQuery(Map<String, List<String>> params) {
        String limit = ConnectHandler.first(params, "limit");
        Integer n = null;
        if (limit != null) {
            try {
                n = Integer.valueOf(limit);
            } catch (NumberFormatException e) {
                n = -1; // reported by the paging as an invalid limit
            }
        }
        return DeploymentLogQuery.builder().pageToken(ConnectHandler.first(params, "pageToken"))
                .applicationName(ConnectHandler.first(params, "applicationName"))
                .startDate(ConnectHandler.first(params, "startDate"))
                .endDate(ConnectHandler.first(params, "endDate")).limit(n).build();
    }

    private static <T> Answer answer(int status, Either<ErrorResponse, T> result) {
        return result.fold(Answer::error, value -> Answer.deployment(status, value));
    }
}
