package io.connectstage.error;

import static io.connectstage.error.ConnectException.orThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Either;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectException")
class ConnectExceptionTest {

    @Test
    @DisplayName("orThrow answers the value of a successful answer")
    void orThrowAnswersTheValue() {
        assertEquals("created", orThrow(Either.<ErrorResponse, String>right("created")));
    }

    @Test
    @DisplayName("orThrow throws a refusal as a ConnectException carrying the very ErrorResponse")
    void orThrowThrowsTheRefusal() {
        ErrorResponse refusal = ErrorResponse.of(ConnectError.duplicateField("key", "my-connector"));

        ConnectException thrown = assertThrows(ConnectException.class, () -> orThrow(Either.left(refusal)));

        assertSame(refusal, thrown.errorResponse());
        assertTrue(thrown instanceof RuntimeException);
    }

    @Test
    @DisplayName("says the status and every error's code, message and detail")
    void messageListsTheErrors() {
        ErrorResponse refusal = ErrorResponse.of(List.of(ConnectError.requiredField("name"),
                ConnectError.invalidField("key", "must be 2 to 256 characters long")));

        assertEquals("400 InvalidJsonInput: Request body does not contain valid JSON. (name: is required); "
                + "InvalidJsonInput: Request body does not contain valid JSON. (key: must be 2 to 256 characters long)",
                new ConnectException(refusal).getMessage());
        assertEquals("404 ResourceNotFound: The Resource with key 'k' was not found.",
                new ConnectException(ErrorResponse.of(ConnectError.resourceNotFound("key 'k'"))).getMessage());
    }

    @Test
    @DisplayName("rejects a null answer or response as a programming error")
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> orThrow(null));
        assertThrows(NullPointerException.class, () -> new ConnectException(null));
    }
}
