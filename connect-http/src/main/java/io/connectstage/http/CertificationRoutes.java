package io.connectstage.http;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.CertificationDesk;
import io.connectstage.processing.ConnectorProcessor;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * The emulator's stand-in for commercetools' certification review, outside the Connect paths:
 * {@code POST /.connectstage/projects/{projectKey}/certification/{ref}} with a
 * {@link CertificationDecision} decides about a staged connector of that project (by id or
 * {@code key=…}) that List on Marketplace submitted, through the core's {@link CertificationDesk}:
 * a connector still {@code ReadyForCertification} is taken up first ({@code InCertification}), the
 * comment is added, then approved ({@code Published}, listed, certified, public) or rejected
 * ({@code Failed}, the comment as the report's reason). It answers the updated ConnectorStaged.
 *
 * <p>A connector in any other status is refused before anything changes, with the lifecycle's
 * {@code ConcurrentModification} (409, its current version); 404 for an unknown connector; 400 for a
 * bad decision; 501 when the project's space has no processor (nothing is ever submitted there).
 */
final class CertificationRoutes {
    /** Who signs the desk's comments: the desk, not a client of the server. */
    static final String DESK_USER = "connectstage-certification-desk";

    private final Bodies bodies;

    CertificationRoutes(Bodies bodies) {
        this.bodies = bodies;
    }

    /** {@code POST}: one decision. */
    Answer decide(Call call) {
        Optional<ConnectorProcessor> processor = call.space().processor();
        if (processor.isEmpty()) {
            return Answer.general(501, "This server certifies nothing: the project's space has no processor");
        }
        CertificationDesk desk = new CertificationDesk(call.space().connectors().store(), processor.get());
        return bodies.withBody(call.request(), body -> CertificationDecisionReader.read(body).fold(Answer::error,
                decision -> call.space().connectors().get(call.path().ref("ref"))
                        .flatMap(c -> decide(desk, c, decision))
                        .fold(Answer::error, c -> Answer.json(200, c))));
    }

    private static Either<ErrorResponse, ConnectorStaged> decide(CertificationDesk desk, ConnectorStaged c,
            CertificationDecision decision) {
        String id = c.id();
        Either<ErrorResponse, ConnectorStaged> taken = c.status() == ConnectorStatus.READY_FOR_CERTIFICATION
                ? desk.start(id)
                : Either.right(c);
        if (taken.isRight() && taken.get().status() != ConnectorStatus.IN_CERTIFICATION) {
            // not in certification: the desk's own refusal (the lifecycle's 409), with nothing changed
            return decision.approve() ? desk.approve(id) : desk.reject(id, decision.comment());
        }
        return taken.flatMap(t -> decision.comment() == null ? Either.right(t) : desk.comment(id, DESK_USER, decision.comment()))
                .flatMap(t -> decision.approve() ? desk.approve(id) : desk.reject(id, decision.comment()));
    }
}
