package io.connectstage.http;

import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.store.ConnectorQuery;
import io.vavr.control.Either;

/**
 * The connector routes: staged connectors under {@code /connectors/drafts} (query, create, get,
 * update, delete) and published Connectors under {@code /connectors} (search, get), each in the
 * space of the token's project. Answers are written by {@link WrittenJson}.
 */
final class ConnectorRoutes {
    private final Bodies bodies;

    ConnectorRoutes(Bodies bodies) {
        this.bodies = bodies;
    }

    Answer queryDrafts(Call call) {
        return ConnectorQuery.fromQueryParameters(call.query()).fold(errors -> Answer.error(ErrorResponse.of(errors)),
                query -> ok(200, call.space().connectors().query(query)));
    }

    Answer createDraft(Call call) {
        return bodies.withBody(call.request(), body -> ConnectJson.readDraft(body)
                .fold(Answer::error, draft -> ok(201, call.space().connectors().create(draft))));
    }

    Answer getDraft(Call call) {
        return ok(200, call.space().connectors().get(call.path().ref("ref")));
    }

    Answer updateDraft(Call call) {
        return bodies.withBody(call.request(), body -> ConnectJson.readUpdate(body)
                .fold(Answer::error, update -> ok(201, call.space().connectors().update(call.path().ref("ref"), update))));
    }

    Answer deleteDraft(Call call) {
        return QueryParameters.version(call.query())
                .fold(Answer::error, version -> ok(200, call.space().connectors().delete(call.path().ref("ref"), version)));
    }

    Answer search(Call call) {
        return QueryParameters.search(call.query()).fold(Answer::error, search -> ok(200, call.space().published().search(search)));
    }

    Answer getPublished(Call call) {
        return ok(200, call.space().published().get(call.path().ref("ref")));
    }

    private static <T> Answer ok(int status, Either<ErrorResponse, T> result) {
        return result.fold(Answer::error, value -> Answer.json(status, value));
    }
}
