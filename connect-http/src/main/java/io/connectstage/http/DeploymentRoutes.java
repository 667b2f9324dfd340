package io.connectstage.http;

import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentLogQuery;
import io.connectstage.error.ErrorResponse;
import io.connectstage.store.DeploymentQuery;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;

/**
 * The Deployment routes under {@code /{projectKey}/deployments}: query and create, and by
 * {@code {ref}} (an id or {@code key=…}) get, update, delete and the logs, in the space of the
 * project the path names. Answers are written by {@link DeploymentJson}, secured values masked.
 */
final class DeploymentRoutes {
    private final Bodies bodies;

    DeploymentRoutes(Bodies bodies) {
        this.bodies = bodies;
    }

    Answer query(Call call) {
        return DeploymentQuery.fromQueryParameters(call.space().projectKey(), call.query()).fold(
                errors -> Answer.error(ErrorResponse.of(errors)),
                query -> answer(200, call.space().deployments().query(query)));
    }

    Answer create(Call call) {
        return bodies.withBody(call.request(), body -> DeploymentJson.readDraft(body).fold(Answer::error,
                draft -> answer(201, call.space().deployments().create(draft))));
    }

    Answer get(Call call) {
        return answer(200, call.space().deployments().get(call.path().ref("ref")));
    }

    Answer update(Call call) {
        return bodies.withBody(call.request(), body -> DeploymentJson.readUpdate(body).fold(Answer::error,
                update -> answer(200, call.space().deployments().update(call.path().ref("ref"), update))));
    }

    Answer delete(Call call) {
        return QueryParameters.version(call.query()).fold(Answer::error,
                version -> answer(202, call.space().deployments().delete(call.path().ref("ref"), version)));
    }

    Answer logs(Call call) {
        return answer(200, call.space().deployments().logs(call.path().ref("ref"), logQuery(call.query())));
    }

    private static DeploymentLogQuery logQuery(Map<String, List<String>> params) {
        String limit = FormEncoding.first(params, "limit");
        Integer n = null;
        if (limit != null) {
            try {
                n = Integer.valueOf(limit);
            } catch (NumberFormatException e) {
                n = -1; // reported by the paging as an invalid limit
            }
        }
        return DeploymentLogQuery.builder().pageToken(FormEncoding.first(params, "pageToken"))
                .applicationName(FormEncoding.first(params, "applicationName"))
                .startDate(FormEncoding.first(params, "startDate"))
                .endDate(FormEncoding.first(params, "endDate")).limit(n).build();
    }

    private static <T> Answer answer(int status, Either<ErrorResponse, T> result) {
        return result.fold(Answer::error, value -> Answer.deployment(status, value));
    }
}
