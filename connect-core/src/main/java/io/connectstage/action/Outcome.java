package io.connectstage.action;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.Resources;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** How an action answers: no errors once its change is written, else the errors (and nothing written). */
final class Outcome {
    /** No errors: the answer of an action whose change is written. */
    static final Seq<ConnectError> NONE = List.empty();

    private Outcome() {
    }

    /**
     * A lifecycle move's answer written into {@code next}: the moved connector's fields, or its
     * error.
     */
    static Seq<ConnectError> moved(ConnectorStaged.Changes next, Either<ConnectError, ConnectorStaged> move) {
        if (move.isLeft()) {
            return fail(move.getLeft());
        }
        next.reset(move.get());
        return List.empty();
    }

    /**
     * What stops any change of {@code privateProjects}: an identifier that breaks its pattern, or a
     * connector that is not private.
     */
    static Seq<ConnectError> privateProjectErrors(ConnectorStaged.Changes current, String project) {
        Seq<ConnectError> errors = FieldRules.projectIdentifier("privateProject", project);
        if (errors.isEmpty() && !current.isPrivate()) {
            return List.of(ConnectError.notPrivate(Resources.describe(current.id(), current.key())));
        }
        return errors;
    }

    static Seq<ConnectError> fail(ConnectError error) {
        return List.of(error);
    }
}
