package io.connectstage.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import io.vavr.control.Either;
import java.util.List;

/** What {@link ConnectJson} answered: the value it read, or the InvalidJsonInput details of a 400. */
final class Answers {
    private Answers() {
    }

    /** The value read; fails with the error response when the input was refused. */
    static <T> T accepted(Either<ErrorResponse, T> answer) {
        if (answer.isLeft()) {
            fail("expected the input to be read, got " + ConnectJson.write(answer.getLeft()));
        }
        return answer.get();
    }

    /**
     * The {@code detailedErrorMessage} of every error, after checking that the answer is a 400
     * made only of InvalidJsonInput errors, whose message is the first error's.
     */
    static List<String> rejected(Either<ErrorResponse, ?> answer) {
        assertTrue(answer.isLeft(), () -> "expected the input to be refused, got " + answer.get());
        ErrorResponse response = answer.getLeft();
        assertFalse(response.errors().isEmpty(), "no errors");
        assertAll(
                () -> assertEquals(400, response.statusCode(), "statusCode"),
                () -> assertEquals(response.errors().get(0).message(), response.message(), "message"),
                () -> assertTrue(response.errors().stream().allMatch(e -> e.code() == ErrorCode.INVALID_JSON_INPUT),
                        () -> "not all InvalidJsonInput: " + ConnectJson.write(response)),
                () -> assertTrue(response.errors().stream().allMatch(e -> e.detailedErrorMessage() != null),
                        () -> "an error without detailedErrorMessage: " + ConnectJson.write(response)));
        return response.errors().stream().map(ConnectError::detailedErrorMessage).toList();
    }

    /** The single detail of a refused input. */
    static String rejectedOnce(Either<ErrorResponse, ?> answer) {
        List<String> details = rejected(answer);
        assertEquals(1, details.size(), () -> "expected one error, got " + details);
        return details.get(0);
    }

    /** Checks that {@code detail} names {@code path} first and says each of {@code words}. */
    static void assertDetail(String detail, String path, String... words) {
        assertNotNull(detail);
        assertTrue(detail.startsWith(path + ": "), () -> "expected the path '" + path + "' first in: " + detail);
        for (String word : words) {
            assertTrue(detail.contains(word), () -> "expected '" + word + "' in: " + detail);
        }
    }
}
