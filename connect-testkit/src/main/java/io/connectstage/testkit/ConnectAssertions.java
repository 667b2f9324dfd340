package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.vavr.collection.Seq;
import java.util.List;

/** Assertions on {@link ConnectError} values: codes, and the field an error names. */
public final class ConnectAssertions {
    private ConnectAssertions() {
    }

    /** The one error of {@code errors}. */
    public static ConnectError single(Seq<ConnectError> errors) {
        assertEquals(1, errors.size(), () -> "expected exactly one error, got " + errors);
        return errors.head();
    }

    /** The one error, which has this code. */
    public static ConnectError singleWithCode(Seq<ConnectError> errors, ErrorCode code) {
        ConnectError error = single(errors);
        assertEquals(code, error.code(), () -> "code of " + error);
        return error;
    }

    /**
     * The field an {@code InvalidJsonInput} error names: its {@code detailedErrorMessage} up to
     * the first {@code ": "}.
     */
    public static String fieldOf(ConnectError error) {
        String detail = error.detailedErrorMessage();
        assertNotNull(detail, () -> "no detailedErrorMessage in " + error);
        int colon = detail.indexOf(": ");
        assertTrue(colon > 0, () -> "detailedErrorMessage does not start with a field: " + detail);
        return detail.substring(0, colon);
    }

    /** Every error is an {@code InvalidJsonInput}, and they name exactly these fields, in order. */
    public static void assertInvalidFields(Seq<ConnectError> errors, String... fields) {
        for (ConnectError error : errors) {
            assertEquals(ErrorCode.INVALID_JSON_INPUT, error.code(), () -> "code of " + error);
            assertEquals("Request body does not contain valid JSON.", error.message());
        }
        assertEquals(List.of(fields), errors.map(ConnectAssertions::fieldOf).toJavaList(), () -> errors.toString());
    }
}
