package io.connectstage.spec;

import static io.connectstage.spec.SpecAssertions.onlyProblem;
import static io.connectstage.spec.SpecAssertions.parse;
import static io.connectstage.spec.SpecAssertions.problems;
import static io.connectstage.spec.SpecAssertions.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectYamlParser answers hostile input with a problem, quickly")
class ConnectYamlHostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static Either<Seq<SpecProblem>, ConnectorSpecification> quickly(Supplier<Either<Seq<SpecProblem>, ConnectorSpecification>> parse) {
        return assertTimeoutPreemptively(QUICKLY, parse::get);
    }

    private static String nested(String open, String close, int depth) {
        return "deployAs: " + open.repeat(depth) + close.repeat(depth) + "\n";
    }

    @Nested
    @DisplayName("limits")
    class Limits {

        @Test
        void refusesA50MegabyteFileBeforeParsingIt() {
            byte[] huge = new byte[50 * 1024 * 1024];
            Arrays.fill(huge, (byte) 'a');
            SpecProblem problem = onlyProblem(quickly(() -> ConnectYamlParser.parse(huge)));
            assertEquals(new SpecProblem("", "the file is 52428800 bytes long, more than the limit of 1048576 bytes"), problem);
        }

        @Test
        void acceptsAFileOfExactlyTheByteLimit() {
            String yaml = "deployAs: []\n";
            byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
            valid(ConnectYamlParser.parse(bytes, new SpecLimits(bytes.length, 50, 64, 1024)));
            assertEquals("", onlyProblem(ConnectYamlParser.parse(bytes, new SpecLimits(bytes.length - 1, 50, 64, 1024))).path());
        }

        @Test
        void refusesABillionLaughsAliasBomb() {
            StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (char level = 'b'; level <= 'i'; level++) {
                String previous = "*" + (char) (level - 1);
                bomb.append(level).append(": &").append(level).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
            }
            SpecProblem problem = onlyProblem(quickly(() -> parse(bomb.toString())));
            assertEquals("", problem.path());
            assertTrue(problem.message().contains("(is it an alias bomb?)"), problem.message());
        }

        @Test
        void acceptsAFewAliasesToCollections() {
            valid("""
                    deployAs:
                      - name: one
                        applicationType: service
                        endpoint: /
                        configuration: &shared
                          standardConfiguration: [{key: CTP_REGION, description: Region}]
                      - name: two
                        applicationType: event
                        endpoint: /
                        configuration: *shared
                    """);
        }

        @Test
        void refusesTenThousandNestedFlowSequencesWithoutOverflowingTheStack() {
            SpecProblem problem = onlyProblem(quickly(() -> parse(nested("[", "]", 10_000))));
            assertEquals(new SpecProblem("", "the YAML is nested more than 64 levels deep at line 1, column 74"), problem);
        }

        @Test
        void refusesTenThousandUnclosedFlowSequences() {
            SpecProblem problem = onlyProblem(quickly(() -> parse(nested("[", "", 10_000))));
            assertTrue(problem.message().startsWith("the YAML is nested more than 64 levels deep"), problem.message());
        }

        @Test
        void refusesTenThousandNestedFlowMappings() {
            SpecProblem problem = onlyProblem(quickly(() -> parse(nested("{a: ", "}", 10_000))));
            assertTrue(problem.message().startsWith("the YAML is nested more than 64 levels deep"), problem.message());
        }

        @Test
        void refusesDeepBlockNesting() {
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                yaml.append(" ".repeat(i)).append("k:\n");
            }
            SpecProblem problem = onlyProblem(quickly(() -> parse(yaml.toString())));
            assertEquals("the YAML is nested more than 64 levels deep at line 65, column 65", problem.message());
        }

        @Test
        void acceptsNestingUpToTheLimit() {
            assertEquals(List.of("deployAs.0"), SpecAssertions.paths(nested("[", "]", 63)));
        }

        @Test
        void refusesMoreCodePointsThanTheLimit() {
            String yaml = "deployAs: []\nx: " + "y".repeat(100) + "\nz: 1\n";
            SpecProblem problem = onlyProblem(ConnectYamlParser.parse(yaml.getBytes(StandardCharsets.UTF_8),
                    new SpecLimits(1024, 50, 64, 64)));
            assertEquals("", problem.path());
            assertTrue(problem.message().contains("more than 64 characters"), problem.message());
        }

        @Test
        void rejectsLimitsThatAreNotPositive() {
            assertThrows(IllegalArgumentException.class, () -> new SpecLimits(0, 50, 64, 1024));
            assertThrows(IllegalArgumentException.class, () -> new SpecLimits(1024, 50, -1, 1024));
        }

        @Test
        void hasTheDocumentedDefaults() {
            assertEquals(new SpecLimits(1_048_576, 50, 64, 1_048_576, 2_097_152), SpecLimits.defaults());
        }
    }

    @Nested
    @DisplayName("aliases and what problems cost")
    class AliasesAndCost {
        /** Limits that let everything through but the file's size, to show that paths and messages stay bounded on their own. */
        private final SpecLimits everythingAllowed = new SpecLimits(SpecLimits.DEFAULT_MAX_BYTES, 1_000_000, 64,
                SpecLimits.DEFAULT_MAX_CODE_POINTS, Integer.MAX_VALUE);

        /**
         * A 900 KB file: one 780,000-character key, reused through an alias on 60 levels, above 20,000
         * tagged items; each item's path used to hold the key 60 times (47 MB a path).
         */
        private String longKeyOnEveryLevel() {
            StringBuilder yaml = new StringBuilder("deployAs: []\n? &k ").append("k".repeat(780_000)).append("\n: ");
            yaml.append("{*k : ".repeat(60)).append('[');
            yaml.append("!t a, ".repeat(20_000)).append("!t a]").append("}".repeat(60)).append('\n');
            return yaml.toString();
        }

        @Test
        void keepsPathsAndMessagesShortWhenOneLongKeyIsReusedOnEveryLevel() {
            byte[] bytes = longKeyOnEveryLevel().getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length > 850_000 && bytes.length < SpecLimits.DEFAULT_MAX_BYTES, "size " + bytes.length);
            // The YAML library alone needs a second or more for this file on a busy machine: allow more than "quickly".
            Seq<SpecProblem> problems = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> ConnectYamlParser.parse(bytes, everythingAllowed)).getLeft();
            long characters = problems.map(p -> (long) p.path().length() + p.message().length()).sum().longValue();
            assertTrue(problems.size() <= Problems.MAX_PROBLEMS + 1, "problems: " + problems.size());
            assertTrue(characters <= Problems.MAX_CHARACTERS + 1_000, "characters: " + characters);
            assertTrue(problems.forAll(p -> p.path().length() <= Paths.PATH_LIMIT), "a path is too long");
            assertTrue(problems.last().message().startsWith("and "), problems.last().message());
            assertTrue(problems.get(1).path().startsWith("k".repeat(Paths.QUOTE_LIMIT) + "…."), problems.get(1).path());
        }

        @Test
        void countsAliasesOfScalars() {
            String yaml = "deployAs: []\nx: &a word\ny: [" + "*a, ".repeat(50) + "*a]\n";
            SpecProblem problem = onlyProblem(quickly(() -> parse(yaml)));
            assertEquals("", problem.path());
            assertTrue(problem.message().startsWith("the file uses more than 50 aliases, the limit"), problem.message());
        }

        @Test
        void boundsTheSizeOfTheDocumentOnceAliasesAreExpanded() {
            String description = "d".repeat(500_000);
            StringBuilder yaml = new StringBuilder(standardKeysHeader())
                    .append("        - {key: K0, description: &d ").append(description).append("}\n");
            for (int i = 1; i < 10; i++) {
                yaml.append("        - {key: K").append(i).append(", description: *d}\n");
            }
            SpecProblem problem = onlyProblem(quickly(() -> parse(yaml.toString())));
            assertEquals("", problem.path());
            assertTrue(problem.message().startsWith("the file grows to more than 2097152 characters once its aliases are"
                    + " expanded"), problem.message());
        }

        @Test
        void acceptsAFewAliasesOfALongScalar() {
            String description = "d".repeat(100_000);
            StringBuilder yaml = new StringBuilder(standardKeysHeader())
                    .append("        - {key: K0, description: &d ").append(description).append("}\n");
            for (int i = 1; i < 5; i++) {
                yaml.append("        - {key: K").append(i).append(", description: *d}\n");
            }
            assertEquals(5, valid(yaml.toString()).applications().get(0).standardConfiguration().size());
        }

        private String standardKeysHeader() {
            return "deployAs:\n  - name: svc\n    applicationType: service\n    endpoint: /svc\n"
                    + "    configuration:\n      standardConfiguration:\n";
        }
    }

    @Nested
    @DisplayName("structure")
    class Structure {

        @Test
        void rejectsADuplicateKeyWithItsPathAndLines() {
            SpecProblem problem = onlyProblem("""
                    deployAs:
                      - name: one
                        name: two
                        applicationType: assets
                    """);
            assertEquals(new SpecProblem("deployAs.0.name", "duplicate key 'name' at line 3, column 5, first at line 2, column 5"),
                    problem);
        }

        @Test
        void rejectsADuplicateTopLevelKey() {
            assertEquals("deployAs", onlyProblem("deployAs: []\ndeployAs: []\n").path());
        }

        @Test
        void keepsProblemsBoundedWhenEveryValueHasACoreTag() {
            String yaml = "deployAs:\n" + "  - {name: !!int 12, applicationType: !!float 5, endpoint: !!bool true}\n".repeat(12_000);
            List<SpecProblem> problems = problems(quickly(() -> parse(yaml)));
            assertTrue(problems.size() <= Problems.MAX_PROBLEMS + 1, "problems: " + problems.size());
            assertTrue(problems.stream().anyMatch(p -> p.message().equals("must be a string, got the number 12 (tagged !!int)")),
                    problems.get(0).message());
        }

        @Test
        void readsAHugeTaggedNumberInLinearTime() {
            String digits = "1".repeat(900_000);
            for (String tag : List.of("!!float", "!!int", "!!bool", "!!null")) {
                SpecProblem problem = onlyProblem(quickly(() -> parse(
                        "deployAs:\n  - {name: s1, applicationType: service, endpoint: /s, healthCheck: {path: /h, timeoutSeconds: "
                                + tag + " " + digits + "}}\n")));
                assertEquals("deployAs.0.healthCheck.timeoutSeconds", problem.path());
                assertTrue(problem.message().length() < 300, problem.message().length() + " characters");
            }
        }

        @Test
        void rejectsJavaObjectTagsWithoutConstructingAnything() {
            SpecProblem problem = onlyProblem("""
                    deployAs:
                      - !!java/object:java.lang.ProcessBuilder [[touch, /tmp/pwned]]
                    """);
            assertEquals("deployAs.0", problem.path());
            assertTrue(problem.message().startsWith("the tag !!java/object:java.lang.ProcessBuilder at line 2, column 5"
                    + " is not allowed"), problem.message());
        }

        @Test
        void rejectsLocalAndOtherStandardTags() {
            List<SpecProblem> problems = problems("""
                    deployAs:
                      - name: !custom svc
                        applicationType: !!binary c2VydmljZQ==
                        endpoint: !!set {a}
                    """);
            assertEquals(List.of("deployAs.0.name", "deployAs.0.applicationType", "deployAs.0.endpoint"),
                    problems.stream().map(SpecProblem::path).toList());
        }

        @Test
        void rejectsATaggedKey() {
            List<SpecProblem> problems = problems("deployAs: []\n!!java/object:x a: b\n");
            assertEquals(List.of("a", "a"), problems.stream().map(SpecProblem::path).toList());
            assertTrue(problems.get(0).message().startsWith("the tag !!java/object:x at line 2, column 1"), problems.get(0).message());
            assertTrue(problems.get(1).message().startsWith("is not allowed at the top level"), problems.get(1).message());
        }

        @Test
        void followsARecursiveAliasWithoutLooping() {
            SpecProblem problem = onlyProblem(quickly(() -> parse("deployAs: &loop [*loop]\n")));
            assertEquals(new SpecProblem("deployAs.0", "must be a mapping, got a list"), problem);
        }

        @Test
        void rejectsAListAsAMappingKey() {
            assertEquals("", onlyProblem("deployAs: []\n? [a, b]\n: c\n").path());
        }

        @Test
        void rejectsSeveralDocuments() {
            SpecProblem problem = onlyProblem("deployAs: []\n---\ndeployAs: []\n");
            assertEquals("", problem.path());
            assertTrue(problem.message().contains("line 2, column 1"), problem.message());
        }
    }

    @Nested
    @DisplayName("text that is not YAML")
    class NotYaml {

        @Test
        void reportsASyntaxErrorWithLineAndColumn() {
            SpecProblem problem = onlyProblem("deployAs:\n  - name: [svc\n");
            assertEquals("", problem.path());
            assertTrue(problem.message().startsWith("not valid YAML: "), problem.message());
            assertTrue(problem.message().contains("at line 3, column 1"), problem.message());
        }

        @Test
        void reportsATabIndentationWithLineAndColumn() {
            SpecProblem problem = onlyProblem("deployAs:\n\t- name: svc\n");
            assertTrue(problem.message().contains("line 2, column 1"), problem.message());
        }

        @Test
        void reportsAControlCharacterWithLineAndColumn() {
            SpecProblem problem = onlyProblem("deployAs: []\nx: a\u0000b\n");
            assertEquals(new SpecProblem("", "not valid YAML: the character U+0000 is not allowed at line 2, column 5"), problem);
        }

        @Test
        void reportsBytesThatAreNotUtf8() {
            SpecProblem problem = onlyProblem(ConnectYamlParser.parse(new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'}));
            assertEquals(new SpecProblem("", "not valid YAML: the file is not UTF-8 text (nor UTF-16 or UTF-32 with a byte"
                    + " order mark)"), problem);
        }

        @Test
        void readsUtf16WithAByteOrderMark() {
            byte[] bytes = "deployAs:\n  - {name: äpp_ok, applicationType: assets}\n".replace("ä", "a")
                    .getBytes(StandardCharsets.UTF_16);
            assertEquals("app_ok", valid(ConnectYamlParser.parse(bytes)).applications().get(0).name());
        }

        @Test
        void answersRandomBinaryGarbageWithProblems() {
            Random random = new Random(20240611L);
            for (int i = 0; i < 200; i++) {
                byte[] garbage = new byte[1 + random.nextInt(4096)];
                random.nextBytes(garbage);
                Either<Seq<SpecProblem>, ConnectorSpecification> result = quickly(() -> ConnectYamlParser.parse(garbage));
                assertTrue(result.isLeft(), "garbage " + i + " parsed as valid");
                assertTrue(result.getLeft().nonEmpty());
            }
        }

        @Test
        void answersEveryPrefixOfAValidFileWithoutThrowing() {
            byte[] file = """
                    deployAs:
                      - name: job
                        applicationType: job
                        endpoint: /job
                        properties: {schedule: "*/5 * * * *"}
                        configuration:
                          standardConfiguration: [{key: CTP_REGION, description: "Region", default: 'eu'}]
                    inheritAs: {apiClient: {scopes: [view_products]}}
                    """.getBytes(StandardCharsets.UTF_8);
            for (int length = 0; length <= file.length; length++) {
                byte[] prefix = Arrays.copyOf(file, length);
                quickly(() -> ConnectYamlParser.parse(prefix));
            }
        }
    }
}
