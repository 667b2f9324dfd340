package io.connectstage.spec;

import static io.connectstage.spec.SpecAssertions.onlyProblem;
import static io.connectstage.spec.SpecAssertions.parse;
import static io.connectstage.spec.SpecAssertions.paths;
import static io.connectstage.spec.SpecAssertions.problems;
import static io.connectstage.spec.SpecAssertions.service;
import static io.connectstage.spec.SpecAssertions.standardKeys;
import static io.connectstage.spec.SpecAssertions.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ConnectYamlParser follows the official parser where it follows the documented rules")
class ConnectYamlOfficialParityTest {

    @Nested
    @DisplayName("tabs")
    class Tabs {

        @ParameterizedTest
        @ValueSource(strings = {
                "deployAs:\n  - name:\tsvc\n    applicationType:\tservice\n    endpoint: /svc\n",
                "deployAs:\n  - name: svc\n    applicationType:\t\tservice\n    endpoint:\t/svc\n",
                "deployAs:\n  - name: svc\t\n    applicationType: service\t# a comment\n    endpoint: /svc\n",
                "deployAs:\n\t\n  - name: svc\n    applicationType: service\n    endpoint: /svc\n",
                "deployAs:\n  - {name:\tsvc,\tapplicationType: service, endpoint: /svc}\n",
                "deployAs:\t\n  - name: svc\n    applicationType: service\n    endpoint: /svc\ninheritAs:\n  apiClient:\n    scopes:\n      -\tview_products\n"})
        void acceptsTabsThatSeparateTokens(String yaml) {
            assertEquals("svc", valid(yaml).applications().get(0).name());
        }

        @Test
        void keepsATabInsideAValue() {
            assertEquals("a\tb", valid(standardKeys("- key: AB\n  description: a\tb\n")).applications().get(0)
                    .standardConfiguration().get(0).description());
        }

        @Test
        void keepsTabsInsideQuotedAndBlockValues() {
            ConnectorSpecification spec = valid(standardKeys("- key: AB\n  description: 'x\ty'\n  default: |\n    a\tb\t\n"
                    + "- key: CD\n  description: \"p\tq\"\n"));
            assertEquals("x\ty", spec.applications().get(0).standardConfiguration().get(0).description());
            assertEquals("a\tb\t\n", spec.applications().get(0).standardConfiguration().get(0).defaultValue());
            assertEquals("p\tq", spec.applications().get(0).standardConfiguration().get(1).description());
        }

        @Test
        void acceptsATabAfterTheIndentationOfAContinuedValue() {
            valid(service("scripts:\n  postDeploy: npm run\n    \tbuild\n"));
            assertEquals("a b", valid(standardKeys("- key: AB\n  description: a\n   \tb\n")).applications().get(0)
                    .standardConfiguration().get(0).description());
        }

        @Test
        void refusesATabAfterSpacesInTheIndentationOfAKey() {
            SpecProblem problem = onlyProblem("deployAs:\n  - name: svc\n    applicationType: service\n  \t  endpoint: /svc\n");
            assertTrue(problem.message().contains("line 4, column 3"), problem.message());
        }

        @Test
        void refusesATabAsIndentation() {
            SpecProblem problem = onlyProblem("deployAs:\n\t- name: svc\n");
            assertTrue(problem.message().contains("line 2, column 1"), problem.message());
        }

        @Test
        void refusesATabAfterADashBeforeANestedMapping() {
            SpecProblem problem = onlyProblem("deployAs:\n  -\tname: svc\n    applicationType: service\n    endpoint: /svc\n");
            assertEquals("not valid YAML: tabs are not allowed as indentation at line 2, column 5 (a tab after '-' before"
                    + " a nested list or mapping)", problem.message());
        }

        @Test
        void refusesALineOfAFlowCollectionThatStartsWithATab() {
            SpecProblem problem = onlyProblem("deployAs: [\n\t{name: svc, applicationType: assets}]\n");
            assertEquals("not valid YAML: tabs are not allowed as indentation at line 2, column 1", problem.message());
        }

        @Test
        void readsAFileWithATabAfterEveryKey() {
            StringBuilder yaml = new StringBuilder("deployAs:\n");
            for (int i = 0; i < 200; i++) {
                yaml.append("  - name:\tapp-").append(i).append("\n    applicationType:\tassets\n");
            }
            assertEquals(200, valid(yaml.toString()).applications().size());
        }
    }

    @Test
    void readsTheMergeKeyAsAnUnknownKey() {
        SpecProblem problem = onlyProblem(service("<<: {scripts: {postDeploy: x}}\n"));
        assertEquals("deployAs.0.<<", problem.path());
    }

    @Nested
    @DisplayName("whitespace as JavaScript's trim() sees it")
    class Whitespace {

        @ParameterizedTest
        @ValueSource(strings = {"\\u00a0", "\\ufeff", "\\u2003", "\\u3000", "\\u2028", " \\t "})
        void refusesADescriptionOfOnlyWhitespace(String escaped) {
            SpecProblem problem = onlyProblem(standardKeys("- {key: AB, description: \"" + escaped + "\"}\n"));
            assertEquals("deployAs.0.configuration.standardConfiguration.0.description", problem.path());
            assertEquals("must not be empty or only whitespace", problem.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\u001c", "\\u001f", "\\u0085"})
        void acceptsADescriptionOfCharactersJavaScriptDoesNotTrim(String escaped) {
            valid(standardKeys("- {key: AB, description: \"" + escaped + "\"}\n"));
        }

        @Test
        void acceptsAScopeOfOnlyWhitespace() {
            assertEquals(List.of(" "), valid("deployAs: []\ninheritAs: {apiClient: {scopes: [\" \"]}}\n").apiClient().scopes());
        }

        @Test
        void refusesAnEmptyScope() {
            assertEquals(List.of("inheritAs.apiClient.scopes.0"), paths("deployAs: []\ninheritAs: {apiClient: {scopes: ['']}}\n"));
        }
    }

    @Nested
    @DisplayName("numbers")
    class Numbers {

        @ParameterizedTest
        @ValueSource(strings = {"5.", "10.0", "1e1", "0x0A", "0o12", "+7", "1.5e1", "20.000"})
        void acceptsWholeNumbersHoweverWritten(String number) {
            valid(service("healthCheck: {path: /h, intervalSeconds: " + number + "}\n"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5", "0.55e1", "21", "0", "-1", ".inf", ".nan", "1e400", "'5'"})
        void refusesWhatIsNoWholeNumberInRange(String number) {
            assertEquals(List.of("deployAs.0.healthCheck.intervalSeconds"),
                    paths(service("healthCheck: {path: /h, intervalSeconds: " + number + "}\n")));
        }

        @Test
        void reportsMinAboveMaxTogetherWithABoundOutOfRange() {
            String yaml = "deployAs:\n  - {name: ev, applicationType: event, endpoint: /e, retryPolicy: {strategy:"
                    + " exponential-backoff, minBackoffSeconds: 700, maxBackoffSeconds: 300}}\n";
            assertEquals(List.of("deployAs.0.retryPolicy.minBackoffSeconds", "deployAs.0.retryPolicy.minBackoffSeconds"),
                    paths(yaml));
            assertEquals("must be at most maxBackoffSeconds (300), got 700", problems(yaml).get(1).message());
        }
    }

    @Test
    void reportsEveryProblemWhenATagIsRefused() {
        List<SpecProblem> problems = problems("""
                deployAs:
                  - name: !custom svc
                    applicationType: service
                    endpoint: /a//b
                """);
        assertEquals(List.of("deployAs.0.name", "deployAs.0.endpoint"), problems.stream().map(SpecProblem::path).toList());
        assertTrue(problems.get(0).message().startsWith("the tag !custom"), problems.get(0).message());
    }

    @Nested
    @DisplayName("schedules")
    class Schedules {
        private String job(String schedule) {
            return "deployAs:\n  - {name: job, applicationType: job, endpoint: /j, properties: {schedule: '" + schedule + "'}}\n";
        }

        @ParameterizedTest
        @ValueSource(strings = {"0  0 * * *", "0 0 * *  *", "@every 5\u03bcs", "@every 5\u0661m", "\u0661 0 * * *"})
        void refusesWhatTheOfficialGrammarRefuses(String schedule) {
            assertEquals(List.of("deployAs.0.properties.schedule"), paths(job(schedule)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"@every 5\u00b5s", "@every 1h30m", "0 0 * * *"})
        void acceptsWhatTheOfficialGrammarAccepts(String schedule) {
            valid(job(schedule));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345", " 0 0 * * *", "0 0 * * * ", "0 0 * * * * * *", "run 0 0 * * *"})
        void keepsMatchingTheScheduleAsAWhole(String schedule) {
            assertEquals(List.of("deployAs.0.properties.schedule"), paths(job(schedule)));
        }
    }

    @Test
    void refusesTheOfficialParsersPlaceholderTypeUnknown() {
        assertTrue(parse("deployAs:\n  - {name: app, applicationType: unknown, endpoint: /a}\n").isLeft());
    }
}
