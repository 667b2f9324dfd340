package io.connectstage.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.connectstage.connector.Creator;
import io.connectstage.error.ErrorResponse;
import io.vavr.control.Either;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mangled examples never make ConnectJson throw")
class ConnectJsonNeverThrowsProperties {
    private static final List<String> EXAMPLES = Examples.all().stream().map(Examples::text).toList();
    private static final String NOISE = "{}[]\":,0-1.e nulltrux\\";

    private static final List<Function<String, Either<ErrorResponse, ?>>> READERS = List.of(
            ConnectJson::readDraft,
            ConnectJson::readStaged,
            ConnectJson::readConnector,
            ConnectJson::readStagedPage,
            ConnectJson::readConnectorPage,
            ConnectJson::readUpdate,
            ConnectJson::readAction,
            json -> ConnectJson.read(json, Creator.class),
            json -> ConnectJson.read(json, ErrorResponse.class));

    /** The example with the character at {@code at} deleted, replaced or preceded by a piece of JSON syntax. */
    private static String mangle(String example, int at, int edit, int noise) {
        int i = at % (example.length() + 1);
        char c = NOISE.charAt(noise % NOISE.length());
        String head = example.substring(0, i);
        String tail = example.substring(i);
        return switch (edit % 3) {
            case 0 -> head + (tail.isEmpty() ? "" : tail.substring(1));
            case 1 -> head + c + (tail.isEmpty() ? "" : tail.substring(1));
            default -> head + c + tail;
        };
    }

    @Test
    @DisplayName("every reader answers a value or a 400 of InvalidJsonInput errors, and the answer can be written")
    void mangledExampleIsAnsweredNeverThrown() {
        qt().withExamples(400)
                .forAll(integers().between(0, EXAMPLES.size() - 1), integers().between(0, 100_000),
                        integers().between(0, 2), integers().between(0, NOISE.length() - 1))
                .checkAssert((example, at, edit, noise) -> {
                    String json = mangle(EXAMPLES.get(example), at, edit, noise);
                    for (Function<String, Either<ErrorResponse, ?>> reader : READERS) {
                        Either<ErrorResponse, ?> answer = assertDoesNotThrow(() -> reader.apply(json), json);
                        if (answer.isLeft()) {
                            Answers.rejected(answer);
                            assertDoesNotThrow(() -> ConnectJson.write(answer.getLeft()));
                        } else {
                            assertDoesNotThrow(() -> ConnectJson.write(answer.get()));
                        }
                    }
                });
    }
}
