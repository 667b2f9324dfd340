package io.connectstage.error;

import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of an error answer: one HTTP {@code statusCode}, the message of its first error, and
 * every error of the request that has that status. This is the one error shape a caller of the
 * services and of {@code ConnectJson} sees; {@link ConnectError} is one entry of it.
 *
 * <p>One response, one status: when a request has errors of several statuses, the lowest status
 * wins and only its errors are kept. So a request that is malformed (400) is refused as such
 * before it can be found missing (404) or in conflict (409), and all of its 400 errors are
 * reported together, as the reference says ("if the errors are related to the same HTTP status
 * code such as 400").
 *
 * <pre>{@code
 * ErrorResponse r = ErrorResponse.of(List.of(ConnectError.requiredField("name"),
 *         ConnectError.stateConflict("not listed", 3)));
 * r.statusCode(); // 400, with the one InvalidJsonInput error
 * }</pre>
 */
public record ErrorResponse(int statusCode, String message, List<ConnectError> errors) {

    public ErrorResponse {
        Objects.requireNonNull(message, "message is null");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an error response needs at least one error");
        }
    }

    /**
     * A response for these errors: those of the lowest HTTP status among them, in their order;
     * the message is the first kept error's.
     */
    public static ErrorResponse of(List<ConnectError> errors) {
        List<ConnectError> kept = ofOneStatus(errors);
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("an error response needs at least one error");
        }
        ConnectError first = kept.get(0);
        return new ErrorResponse(first.httpStatus(), first.message(), kept);
    }

    /** A response for the core's errors, as {@link #of(List)}: {@code ErrorResponse.of(ConnectorStaging.create(...).getLeft())}. */
    public static ErrorResponse of(Seq<ConnectError> errors) {
        Objects.requireNonNull(errors, "errors is null");
        return of(errors.asJava());
    }

    public static ErrorResponse of(ConnectError error) {
        return of(List.of(error));
    }

    /**
     * The errors one response keeps: those whose HTTP status is the lowest among them (400 before
     * 404 before 409 before 500), in their order; {@code null} entries are left out.
     */
    public static List<ConnectError> ofOneStatus(List<ConnectError> errors) {
        int lowest = Integer.MAX_VALUE;
        for (ConnectError error : errors) {
            if (error != null) {
                lowest = Math.min(lowest, error.httpStatus());
            }
        }
        List<ConnectError> kept = new ArrayList<>();
        for (ConnectError error : errors) {
            if (error != null && error.httpStatus() == lowest) {
                kept.add(error);
            }
        }
        return kept;
    }

    /** Whether one of the errors has this code. */
    public boolean has(ErrorCode code) {
        return errors.stream().anyMatch(e -> e.code() == code);
    }
}
