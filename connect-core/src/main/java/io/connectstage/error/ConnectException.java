package io.connectstage.error;

import io.vavr.control.Either;
import java.util.Objects;

/**
 * An {@link ErrorResponse} thrown: for callers that would rather have the value of an answer or an
 * exception than an {@code Either}, as in a test. The services still answer {@code Either}; this
 * is the way out of one that keeps the error (never a bare {@code NoSuchElementException}). The
 * message lists the status and every error's code, message and detail, which carry no secured
 * value (the error factories take keys and names only).
 *
 * <pre>{@code
 * import static io.connectstage.error.ConnectException.orThrow;
 *
 * ConnectorStaged created = orThrow(service.create(draft));
 * // a refusal throws: "400 InvalidJsonInput: Request body does not contain valid JSON. (key: is required)"
 * }</pre>
 */
public final class ConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorResponse errorResponse;

    public ConnectException(ErrorResponse errorResponse) {
        super(describe(Objects.requireNonNull(errorResponse, "errorResponse is null")));
        this.errorResponse = errorResponse;
    }

    /** The value of a successful answer; a refusal is thrown as a {@code ConnectException} carrying its errors. */
    public static <T> T orThrow(Either<ErrorResponse, T> answer) {
        Objects.requireNonNull(answer, "answer is null");
        if (answer.isLeft()) {
            throw new ConnectException(answer.getLeft());
        }
        return answer.get();
    }

    /** The refusal, as the HTTP API would answer it. */
    public ErrorResponse errorResponse() {
        return errorResponse;
    }

    private static String describe(ErrorResponse response) {
        StringBuilder text = new StringBuilder().append(response.statusCode());
        String separator = " ";
        for (ConnectError error : response.errors()) {
            text.append(separator).append(error.code().wireValue()).append(": ").append(error.message());
            String detail = error.detailedErrorMessage();
            if (detail != null) {
                text.append(" (").append(detail).append(')');
            }
            separator = "; ";
        }
        return text.toString();
    }
}
