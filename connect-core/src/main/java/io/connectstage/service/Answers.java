package io.connectstage.service;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.resource.ResourceRef;
import io.connectstage.store.StoreRefusal;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * How the services turn what the core and the stores say into answers, written once for all of
 * them: a missing value is {@code ResourceNotFound}, a store's refusal its error, the core's
 * errors one {@link ErrorResponse}, a missing or invalid query its errors.
 */
final class Answers {
    private Answers() {
    }

    /** The value, or {@code ResourceNotFound} naming {@code what} ({@code "id 'x'"}). */
    private static <T> Either<ErrorResponse, T> found(Option<T> value, String what) {
        return value.toEither(() -> ErrorResponse.of(ConnectError.resourceNotFound(what)));
    }

    /**
     * The resource {@code ref} names, looked up by id or by key, or {@code ResourceNotFound} naming
     * it ({@code "The Resource with key 'x' was not found."}); a {@code null} reference is a
     * missing path parameter.
     */
    static <T> Either<ErrorResponse, T> found(ResourceRef ref, Function<String, Option<T>> byId,
            Function<String, Option<T>> byKey) {
        if (ref == null) {
            return Either.left(ErrorResponse.of(ConnectError.invalidPathParam("ref", "an id or a key is required")));
        }
        return found(ref.fold(byId, byKey), ref.describe());
    }

    /** The stored value, or the error of the store's refusal. */
    static <T> Either<ErrorResponse, T> stored(Either<StoreRefusal, T> result) {
        return result.mapLeft(refusal -> ErrorResponse.of(refusal.toError()));
    }

    /** The core's answer, its errors gathered in one response. */
    static <T> Either<ErrorResponse, T> errors(Either<Seq<ConnectError>, T> result) {
        return result.mapLeft(errors -> ErrorResponse.of(errors));
    }

    /** The query, or a required {@code query} when it is {@code null}, or every error {@code errors} finds in it. */
    static <Q> Either<ErrorResponse, Q> checked(Q query, Function<Q, Seq<ConnectError>> errors) {
        if (query == null) {
            return Either.left(ErrorResponse.of(ConnectError.requiredField("query")));
        }
        Seq<ConnectError> invalid = errors.apply(query);
        return invalid.isEmpty() ? Either.right(query) : Either.left(ErrorResponse.of(invalid));
    }
}
