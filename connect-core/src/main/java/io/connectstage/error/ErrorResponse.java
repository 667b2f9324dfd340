package io.connectstage.error;

import java.util.List;
import java.util.Objects;

/**
 * The body of an error answer: the HTTP {@code statusCode} of the first error, its message, and
 * every error of the request. Several errors go together only when they share that status.
 */
public record ErrorResponse(int statusCode, String message, List<ConnectError> errors) {

    public ErrorResponse {
        Objects.requireNonNull(message, "message is null");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an error response needs at least one error");
        }
    }

    /** A response for these errors; the status and message are those of the first one. */
    public static ErrorResponse of(List<ConnectError> errors) {
        ConnectError first = errors.get(0);
        return new ErrorResponse(first.httpStatus(), first.message(), errors);
    }

    public static ErrorResponse of(ConnectError error) {
        return of(List.of(error));
    }

    /** Whether one of the errors has this code. */
    public boolean has(ErrorCode code) {
        return errors.stream().anyMatch(e -> e.code() == code);
    }
}
