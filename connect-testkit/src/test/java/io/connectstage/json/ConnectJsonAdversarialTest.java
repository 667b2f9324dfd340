package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Answers.assertDetail;
import static io.connectstage.json.Answers.rejected;
import static io.connectstage.json.Answers.rejectedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.rule.Limits;
import io.vavr.control.Either;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("ConnectJson under adversarial input")
class ConnectJsonAdversarialTest {

    private static final String DRAFT = "{\"name\":\"n\",\"creator\":{\"email\":\"a@b.c\"},"
            + "\"repository\":{\"url\":\"git@github.com:a/b.git\",\"tag\":\"1.0.0\"}}";

    /** Every reader of ConnectJson, by name. */
    static Stream<Object[]> readers() {
        return Stream.of(
                new Object[] {"readDraft", (Function<String, Either<ErrorResponse, ?>>) ConnectJson::readDraft},
                new Object[] {"readStaged", (Function<String, Either<ErrorResponse, ?>>) ConnectJson::readStaged},
                new Object[] {"readConnector", (Function<String, Either<ErrorResponse, ?>>) ConnectJson::readConnector},
                new Object[] {"readStagedPage", (Function<String, Either<ErrorResponse, ?>>) ConnectJson::readStagedPage},
                new Object[] {"readConnectorPage", (Function<String, Either<ErrorResponse, ?>>) ConnectJson::readConnectorPage},
                new Object[] {"readUpdate", (Function<String, Either<ErrorResponse, ?>>) ConnectJson::readUpdate},
                new Object[] {"readAction", (Function<String, Either<ErrorResponse, ?>>) ConnectJson::readAction},
                new Object[] {"read(ErrorResponse)",
                        (Function<String, Either<ErrorResponse, ?>>) json -> ConnectJson.read(json, ErrorResponse.class)});
    }

    @Nested
    @DisplayName("duplicate keys")
    class DuplicateKeys {

        @Test
        @DisplayName("an action naming two actions is refused, naming the key, and publish does not run")
        void duplicateActionKey() {
            String detail = rejectedOnce(ConnectJson.readAction("{\"action\":\"setName\",\"action\":\"publish\","
                    + "\"name\":\"x\",\"certification\":false}"));
            assertTrue(detail.contains("'action'") && detail.contains("twice"), detail);
        }

        @Test
        @DisplayName("inside an update body, a nested creator, or at the top of a draft")
        void duplicateKeysAnywhere() {
            assertTrue(rejectedOnce(ConnectJson.readUpdate("{\"version\":1,\"version\":2,\"actions\":[{\"action\":\"unlist\"}]}"))
                    .contains("'version'"));
            assertTrue(rejectedOnce(ConnectJson.readUpdate("{\"version\":1,\"actions\":[{\"action\":\"setName\","
                    + "\"name\":\"a\",\"name\":\"b\"}]}")).contains("'name'"));
            assertTrue(rejectedOnce(ConnectJson.readDraft(DRAFT.replace("{\"email\":\"a@b.c\"}",
                    "{\"email\":\"a@b.c\",\"email\":\"d@e.f\"}"))).contains("'email'"));
        }
    }

    @Nested
    @DisplayName("a JSON null or another non-object body")
    class NullBodies {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.ConnectJsonAdversarialTest#readers")
        @DisplayName("every reader answers 400 InvalidJsonInput for null, a number, a string and an array")
        void everyReaderRefusesNull(String name, Function<String, Either<ErrorResponse, ?>> reader) {
            for (String body : List.of("null", " null ", "1", "\"text\"", "[]", "true")) {
                Either<ErrorResponse, ?> answer = reader.apply(body);
                assertTrue(answer.isLeft(), () -> name + "(" + body + ") answered " + answer);
                rejected(answer);
            }
        }
    }

    @Nested
    @DisplayName("every wrong-typed field")
    class EveryWrongField {

        @Test
        @DisplayName("of a draft is reported, nested ones too, not only the first")
        void draftReportsEveryWrongField() {
            List<String> details = rejected(ConnectJson.readDraft("{\"key\":2,\"name\":1,\"description\":[],"
                    + "\"creator\":{\"email\":3,\"noOfContributors\":\"x\"},"
                    + "\"repository\":{\"url\":true,\"tag\":\"1.0.0\"},\"documentationUrl\":{}}"));
            List<String> fields = details.stream().map(d -> d.substring(0, d.indexOf(':'))).sorted().toList();
            assertEquals(List.of("creator.email", "creator.noOfContributors", "description", "documentationUrl",
                    "key", "name", "repository.url"), fields);
        }

        @Test
        @DisplayName("of each action is reported, each under its action")
        void actionsReportEveryWrongField() {
            List<String> details = rejected(ConnectJson.readUpdate("{\"version\":1,\"actions\":["
                    + "{\"action\":\"setRepository\",\"url\":1,\"tag\":2},"
                    + "{\"action\":\"setName\",\"name\":false}]}"));
            assertEquals(List.of("actions[0].tag", "actions[0].url", "actions[1].name"),
                    details.stream().map(d -> d.substring(0, d.indexOf(':'))).sorted().toList());
        }

        @Test
        @DisplayName("a wrong element of a list is reported by its index")
        void listElement() {
            assertDetail(rejectedOnce(ConnectJson.readDraft(DRAFT.replace("}}", "},\"supportedRegions\":[\"x\"]}"))),
                    "supportedRegions[0]", "unknown value 'x'");
        }
    }

    @Nested
    @DisplayName("limits")
    class RequestLimits {

        private String actions(int n, String action) {
            return IntStream.range(0, n).mapToObj(i -> action).collect(Collectors.joining(",",
                    "{\"version\":1,\"actions\":[", "]}"));
        }

        @Test
        @DisplayName("more than 500 actions: one InvalidJsonInput saying so, before any action is read")
        void moreThan500ActionsRefusedBeforeParsing() {
            String detail = rejectedOnce(ConnectJson.readUpdate(actions(20_000, "{\"action\":\"nope\",\"x\":1}")));
            assertDetail(detail, "actions", "at most " + Limits.MAX_UPDATE_ACTIONS, "20000");
        }

        @Test
        @DisplayName("500 invalid actions: each one reported, one error per action")
        void fiveHundredInvalidActionsEachReported() {
            assertEquals(500, rejected(ConnectJson.readUpdate(actions(500, "{\"action\":\"nope\"}"))).size());
        }

        @Test
        @DisplayName("500 valid actions are read")
        void fiveHundredValidActionsRead() {
            assertEquals(500, accepted(ConnectJson.readUpdate(actions(500, "{\"action\":\"unlist\"}"))).actions().size());
        }

        @Test
        @DisplayName("a document over 16 MiB is refused in the API's words, before it is parsed")
        void documentOver16MiB() {
            String big = "{\"name\":\"" + "x".repeat(Limits.MAX_DOCUMENT_LENGTH) + "\"}";
            String detail = rejectedOnce(ConnectJson.readDraft(big));
            assertTrue(detail.contains("16 MiB"), detail);
        }

        @Test
        @DisplayName("nesting deeper than the limit is refused in the API's words")
        void deepNesting() {
            String deep = "{\"name\":" + "[".repeat(Limits.MAX_NESTING_DEPTH + 5) + "]".repeat(Limits.MAX_NESTING_DEPTH + 5) + "}";
            String detail = rejectedOnce(ConnectJson.readDraft(deep));
            assertTrue(detail.contains("levels of nesting"), detail);
            assertInApiWords(detail);
        }
    }

    @Nested
    @DisplayName("messages in the API's words")
    class ApiWords {

        @ParameterizedTest(name = "input {index}")
        @ValueSource(strings = {
                "{\"action\":\"setName\",\"name\":\"x\"", "{'a':1}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":1}{",
                "{\"a\":\"\\u00\"}", "{\"a\":tru}", "[1,]", "{\"a\":1,}", "\u0000", "{\"a\":\"x\u0001\"}",
                "{\"version\":1e400,\"actions\":[]}", "{\"action\":\"setSupportedRegions\",\"regions\":[\"mars\"]}",
                "{\"action\":\"setIntegrationTypes\",\"integrationTypes\":[1]}",
                "{\"action\":\"publish\",\"certification\":\"yes\"}",
                "{\"action\":\"setCreatorNoOfContributors\",\"creatorNoOfContributors\":1.5}",
                "{\"action\":\"setCreatorNoOfContributors\",\"creatorNoOfContributors\":99999999999999999999}",
                "{\"action\":\"setRepository\",\"url\":{\"a\":1},\"tag\":[1]}",
                "{\"action\":\"addCertificationComment\",\"comment\":null}"})
        @DisplayName("malformed or mistyped input never shows Java or Jackson internals")
        void knownNastyInputs(String json) {
            for (Either<ErrorResponse, ?> answer : List.of(ConnectJson.readAction(json), ConnectJson.readDraft(json),
                    ConnectJson.readStaged(json), ConnectJson.readUpdate(json), ConnectJson.readStagedPage(json))) {
                answer.swap().forEach(ConnectJsonAdversarialTest::assertInApiWords);
            }
        }

        @Test
        @DisplayName("for generated malformed variants of valid bodies, no message shows internals")
        void generatedMalformedInputs() {
            String staged = ConnectJson.write(io.connectstage.testkit.SampleConnectors.fullyPopulated());
            Gen<String> mutated = integers().between(0, staged.length() - 1)
                    .zip(strings().ascii().ofLengthBetween(0, 3), (at, junk) -> staged.substring(0, at) + junk
                            + staged.substring(Math.min(staged.length(), at + 1)));
            qt().withExamples(400).forAll(mutated).checkAssert(json -> {
                ConnectJson.readStaged(json).swap().forEach(ConnectJsonAdversarialTest::assertInApiWords);
                ConnectJson.readDraft(json).swap().forEach(ConnectJsonAdversarialTest::assertInApiWords);
            });
            Gen<String> actions = lists().of(strings().ascii().ofLengthBetween(0, 12)).ofSizeBetween(1, 6)
                    .map(parts -> "{\"action\":\"" + parts.get(0) + "\"," + String.join(",", parts) + "}");
            qt().withExamples(300).forAll(actions).checkAssert(json ->
                    ConnectJson.readAction(json).swap().forEach(ConnectJsonAdversarialTest::assertInApiWords));
        }
    }

    @Test
    @DisplayName("a ConnectorStaged read back from its JSON is equal to it (the limits do not bite real documents)")
    void realDocumentsStillRead() {
        ConnectorStaged full = io.connectstage.testkit.SampleConnectors.fullyPopulated();
        assertEquals(full, accepted(ConnectJson.readStaged(ConnectJson.write(full))));
    }

    static void assertInApiWords(ErrorResponse response) {
        assertInApiWords(response.message());
        for (ConnectError error : response.errors()) {
            assertInApiWords(error.message());
            if (error.detailedErrorMessage() != null) {
                assertInApiWords(error.detailedErrorMessage());
            }
        }
    }

    static void assertInApiWords(String text) {
        for (String internal : List.of("io.connectstage", "com.fasterxml", "java.", "Jackson", "jackson",
                "StreamReadConstraints", "JsonReadFeature", "Feature.", "No enum constant", "Exception", "`",
                "Cannot construct instance", "JsonNode", "REDACTED")) {
            assertFalse(text.contains(internal), () -> "internal '" + internal + "' in: " + text);
        }
    }
}
