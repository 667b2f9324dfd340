package io.connectstage.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Generated YAML-like text: whatever it is, the parser answers a value and never throws. */
@DisplayName("ConnectYamlParser answers any text with a specification or problems")
class ConnectYamlParserProperties {
    private static final List<String> TOKENS = List.of(
            "deployAs", "inheritAs", ":", ": ", " ", "\n", "  ", "- ", "[", "]", "{", "}", ", ", "name", "applicationType",
            "service", "event", "job", "assets", "mc-app", "merchant-center-custom-view", "endpoint", "/", "//",
            "configuration", "standardConfiguration", "securedConfiguration", "key", "description", "required",
            "default", "true", "yes", "5", "-1", "0x1F", "1.5", "~", "&a ", "*a", "!!str ", "!!java/object:x ", "!t ",
            "'", "\"", "# c", "<<", "? ", "---\n", "...\n", "\t", "properties", "schedule", "@daily", "0 0 * * *",
            "scripts", "postDeploy", "healthCheck", "path", "retryPolicy", "strategy", "immediate", "apiClient",
            "scopes", "CUSTOM_APPLICATION_ID", "CLOUD_IDENTIFIER", "PORT", "|", ">", "%YAML 1.2\n", "ä", "\u0000",
            "\\", "%", "@", "`", "\uFEFF");

    private static final String VALID = """
            deployAs:
              - name: job
                applicationType: job
                endpoint: /job
                properties: {schedule: "*/5 * * * *"}
                scripts: {postDeploy: npm run setup}
                configuration:
                  standardConfiguration: [{key: CTP_REGION, description: Region, default: eu, required: true}]
                  securedConfiguration: [{key: CTP_SECRET, description: Secret}]
              - {name: web, applicationType: assets}
            inheritAs: {apiClient: {scopes: [view_products]}}
            """;

    private static Gen<String> yamlLikeText() {
        return lists().of(integers().between(0, TOKENS.size() - 1)).ofSizeBetween(0, 60)
                .map(indexes -> indexes.stream().map(TOKENS::get).reduce("", String::concat));
    }

    /** The valid file with one token put in at one place, or one stretch of it cut out. */
    private static Gen<String> damagedValidFile() {
        Gen<Integer> position = integers().between(0, VALID.length());
        Gen<Integer> token = integers().between(0, TOKENS.size() - 1);
        Gen<Integer> cut = integers().between(0, 12);
        return position.zip(token, cut, (at, t, length) -> VALID.substring(0, at) + TOKENS.get(t)
                + VALID.substring(Math.min(VALID.length(), at + length)));
    }

    private static void answersAValue(String text) {
        Either<Seq<SpecProblem>, ConnectorSpecification> result =
                ConnectYamlParser.parse(text.getBytes(StandardCharsets.UTF_8));
        if (result.isLeft()) {
            assertFalse(result.getLeft().isEmpty(), "an invalid file has at least one problem");
            result.getLeft().forEach(problem -> assertFalse(problem.message().isBlank(), "a problem says what is wrong"));
        }
    }

    @Test
    void answersYamlLikeTextWithoutThrowing() {
        qt().withExamples(3000).forAll(yamlLikeText()).checkAssert(ConnectYamlParserProperties::answersAValue);
    }

    @Test
    void answersADamagedValidFileWithoutThrowing() {
        qt().withExamples(3000).forAll(damagedValidFile()).checkAssert(ConnectYamlParserProperties::answersAValue);
    }

    @Test
    void answersTheSameForTheSameBytes() {
        qt().withExamples(300).forAll(damagedValidFile()).checkAssert(text ->
                assertEquals(ConnectYamlParser.parse(text.getBytes(StandardCharsets.UTF_8)),
                        ConnectYamlParser.parse(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theUndamagedFileIsValid() {
        assertTrue(ConnectYamlParser.parse(VALID.getBytes(StandardCharsets.UTF_8)).isRight());
    }
}
