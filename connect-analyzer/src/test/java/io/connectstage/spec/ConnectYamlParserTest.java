package io.connectstage.spec;

import static io.connectstage.spec.SpecAssertions.onlyProblem;
import static io.connectstage.spec.SpecAssertions.parse;
import static io.connectstage.spec.SpecAssertions.paths;
import static io.connectstage.spec.SpecAssertions.problems;
import static io.connectstage.spec.SpecAssertions.securedKeys;
import static io.connectstage.spec.SpecAssertions.service;
import static io.connectstage.spec.SpecAssertions.standardKeys;
import static io.connectstage.spec.SpecAssertions.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ConnectYamlParser checks every rule of connect.yaml")
class ConnectYamlParserTest {

    @Nested
    @DisplayName("the top level")
    class TopLevel {

        @Test
        void acceptsAnEmptyDeployAsList() {
            ConnectorSpecification spec = valid("deployAs: []\n");
            assertEquals(List.of(), spec.applications());
            assertNull(spec.globalConfiguration());
            assertNull(spec.apiClient());
        }

        @Test
        void rejectsAnEmptyFile() {
            SpecProblem problem = onlyProblem("");
            assertEquals("", problem.path());
            assertTrue(problem.message().contains("empty"), problem.message());
        }

        @Test
        void rejectsAFileWithOnlyComments() {
            assertEquals("", onlyProblem("# nothing here\n").path());
        }

        @Test
        void rejectsARootThatIsNotAMapping() {
            SpecProblem problem = onlyProblem("- name: svc\n");
            assertEquals("", problem.path());
            assertEquals("the file must be a mapping with the key deployAs, got a list", problem.message());
        }

        @Test
        void rejectsAScalarRoot() {
            assertEquals("", onlyProblem("just text\n").path());
        }

        @Test
        void requiresDeployAs() {
            SpecProblem problem = onlyProblem("inheritAs:\n  apiClient:\n    scopes: [view_products]\n");
            assertEquals("deployAs", problem.path());
            assertTrue(problem.message().startsWith("is required"), problem.message());
        }

        @Test
        void rejectsADeployAsThatIsNotAList() {
            SpecProblem problem = onlyProblem("deployAs:\n  name: svc\n");
            assertEquals("deployAs", problem.path());
            assertEquals("must be a list, got a mapping", problem.message());
        }

        @Test
        void rejectsAnEmptyDeployAsValue() {
            SpecProblem problem = onlyProblem("deployAs:\n");
            assertEquals("deployAs", problem.path());
            assertEquals("must be a list, got an empty value", problem.message());
        }

        @Test
        void rejectsAnyOtherTopLevelKeyByItsName() {
            SpecProblem problem = onlyProblem("deployAs: []\nextra: 1\n");
            assertEquals("extra", problem.path());
            assertEquals("is not allowed at the top level; allowed keys: deployAs, inheritAs", problem.message());
        }

        @Test
        void rejectsAnApplicationThatIsNotAMapping() {
            assertEquals(List.of("deployAs.0"), paths("deployAs:\n  - svc\n"));
        }
    }

    @Nested
    @DisplayName("application types and their keys")
    class ApplicationTypes {

        @Test
        void acceptsEveryTypeWithItsKeys() {
            ConnectorSpecification spec = valid("""
                    deployAs:
                      - name: svc
                        applicationType: service
                        endpoint: /svc
                        scripts: {postDeploy: npm run setup}
                        healthCheck: {path: /health}
                        configuration: {}
                      - name: evt
                        applicationType: event
                        endpoint: /evt
                        retryPolicy: {strategy: immediate}
                      - name: job
                        applicationType: job
                        endpoint: /job
                        properties: {schedule: "0 0 * * *"}
                      - name: assets
                        applicationType: assets
                    """);
            assertEquals(List.of(ApplicationType.SERVICE, ApplicationType.EVENT, ApplicationType.JOB, ApplicationType.ASSETS),
                    spec.applications().stream().map(ApplicationSpecification::applicationType).toList());
            assertEquals("/svc", spec.applications().get(0).endpoint());
            assertEquals("0 0 * * *", spec.applications().get(2).schedule());
            assertNull(spec.applications().get(0).schedule());
            assertNull(spec.applications().get(3).endpoint());
        }

        @Test
        void readsTheLegacyMcAppAsACustomApplication() {
            ConnectorSpecification spec = valid("""
                    deployAs:
                      - name: mc
                        applicationType: mc-app
                        configuration:
                          standardConfiguration:
                            - {key: CUSTOM_APPLICATION_ID, description: id, required: true}
                            - {key: ENTRY_POINT_URI_PATH, description: path, required: true}
                            - {key: CLOUD_IDENTIFIER, description: cloud, default: gcp-eu}
                    """);
            assertEquals(ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION, spec.applications().get(0).applicationType());
        }

        @Test
        void requiresAnApplicationType() {
            SpecProblem problem = onlyProblem("deployAs:\n  - name: svc\n");
            assertEquals("deployAs.0.applicationType", problem.path());
            assertTrue(problem.message().contains("merchant-center-custom-view"), problem.message());
        }

        @Test
        void rejectsAnUnknownTypeNamingTheAcceptedOnes() {
            SpecProblem problem = onlyProblem("deployAs:\n  - name: svc\n    applicationType: lambda\n");
            assertEquals("deployAs.0.applicationType", problem.path());
            assertEquals("unknown application type 'lambda', expected one of service, event, job,"
                    + " merchant-center-custom-application, mc-app, merchant-center-custom-view, assets", problem.message());
        }

        @Test
        void stillChecksTheNameAndKnownKeysOfAnApplicationOfUnknownType() {
            assertEquals(List.of("deployAs.0.applicationType", "deployAs.0.name", "deployAs.0.endpoint"),
                    paths("deployAs:\n  - name: x\n    applicationType: lambda\n    endpoint: a//b\n"));
        }

        @Test
        void requiresTheNameOfEveryApplication() {
            assertEquals(List.of("deployAs.0.name"), paths("deployAs:\n  - applicationType: assets\n"));
        }

        @Test
        void requiresTheEndpointOfAServiceAnEventAndAJob() {
            assertEquals(List.of("deployAs.0.endpoint", "deployAs.1.endpoint", "deployAs.2.endpoint"), paths("""
                    deployAs:
                      - {name: svc, applicationType: service}
                      - {name: evt, applicationType: event}
                      - {name: job, applicationType: job, properties: {schedule: "@daily"}}
                    """));
        }

        @Test
        void requiresThePropertiesOfAJob() {
            SpecProblem problem = onlyProblem("deployAs:\n  - {name: job, applicationType: job, endpoint: /job}\n");
            assertEquals("deployAs.0.properties", problem.path());
            assertTrue(problem.message().contains("properties.schedule"), problem.message());
        }

        @Test
        void requiresTheScheduleInTheProperties() {
            assertEquals(List.of("deployAs.0.properties.schedule"),
                    paths("deployAs:\n  - {name: job, applicationType: job, endpoint: /job, properties: {}}\n"));
        }

        @Test
        void rejectsUnknownKeysInAnApplication() {
            SpecProblem problem = onlyProblem(service("color: blue\n"));
            assertEquals("deployAs.0.color", problem.path());
            assertEquals("is not allowed in an application of type service; allowed keys: name, applicationType,"
                    + " endpoint, configuration, scripts, healthCheck", problem.message());
        }

        @Test
        void rejectsPropertiesOnAService() {
            assertEquals(List.of("deployAs.0.properties"), paths(service("properties: {schedule: '@daily'}\n")));
        }

        @Test
        void rejectsHealthCheckAndRetryPolicyOnAJob() {
            assertEquals(List.of("deployAs.0.healthCheck", "deployAs.0.retryPolicy"), paths("""
                    deployAs:
                      - name: job
                        applicationType: job
                        endpoint: /job
                        properties: {schedule: "@daily"}
                        healthCheck: {path: /health}
                        retryPolicy: {strategy: immediate}
                    """));
        }

        @Test
        void rejectsRetryPolicyOnAService() {
            assertEquals(List.of("deployAs.0.retryPolicy"), paths(service("retryPolicy: {strategy: immediate}\n")));
        }

        @Test
        void rejectsAnEndpointOnMerchantCenterApplicationsAndViews() {
            assertEquals(List.of("deployAs.0.endpoint", "deployAs.1.endpoint"), paths("""
                    inheritAs:
                      configuration:
                        standardConfiguration:
                          - {key: CLOUD_IDENTIFIER, description: cloud, required: true}
                    deployAs:
                      - name: app
                        applicationType: merchant-center-custom-application
                        endpoint: /app
                        configuration:
                          standardConfiguration:
                            - {key: CUSTOM_APPLICATION_ID, description: id, required: true}
                            - {key: ENTRY_POINT_URI_PATH, description: path, required: true}
                      - name: view
                        applicationType: merchant-center-custom-view
                        endpoint: /view
                        configuration:
                          standardConfiguration:
                            - {key: CUSTOM_VIEW_ID, description: id, required: true}
                    """));
        }

        @Test
        void allowsNothingButNameAndTypeOnAssets() {
            assertEquals(List.of("deployAs.0.scripts", "deployAs.0.configuration"), paths("""
                    deployAs:
                      - name: assets
                        applicationType: assets
                        scripts: {postDeploy: npm run build}
                        configuration: {}
                    """));
        }
    }

    @Nested
    @DisplayName("names")
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"ab", "my-app", "my_app_2", "A-Z"})
        void acceptsNamesOfLettersDigitsDashesAndUnderscores(String name) {
            valid("deployAs:\n  - {name: '" + name + "', applicationType: assets}\n");
        }

        @Test
        void acceptsANameOf256Characters() {
            valid("deployAs:\n  - {name: " + "a".repeat(256) + ", applicationType: assets}\n");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "my app", "my.app", "app/1", "ünïcode"})
        void rejectsNamesOutsideThePattern(String name) {
            SpecProblem problem = onlyProblem("deployAs:\n  - {name: '" + name + "', applicationType: assets}\n");
            assertEquals("deployAs.0.name", problem.path());
            assertTrue(problem.message().contains("^[a-zA-Z0-9_-]{2,256}$"), problem.message());
        }

        @Test
        void rejectsANameOf257Characters() {
            assertEquals(List.of("deployAs.0.name"),
                    paths("deployAs:\n  - {name: " + "a".repeat(257) + ", applicationType: assets}\n"));
        }

        @Test
        void rejectsANameThatIsNotAString() {
            SpecProblem problem = onlyProblem("deployAs:\n  - {name: 42, applicationType: assets}\n");
            assertEquals("deployAs.0.name", problem.path());
            assertEquals("must be a string, got the number 42 (put it in quotes)", problem.message());
        }

        @Test
        void rejectsTheSecondApplicationWithTheSameName() {
            SpecProblem problem = onlyProblem("""
                    deployAs:
                      - {name: app, applicationType: assets}
                      - {name: other, applicationType: assets}
                      - {name: app, applicationType: assets}
                    """);
            assertEquals("deployAs.2.name", problem.path());
            assertEquals("duplicate application name 'app', already used at deployAs.0.name", problem.message());
        }

        @Test
        void comparesNamesWithRegardToCase() {
            valid("deployAs:\n  - {name: app, applicationType: assets}\n  - {name: APP, applicationType: assets}\n");
        }
    }

    @Nested
    @DisplayName("endpoints and health-check paths")
    class Endpoints {

        @ParameterizedTest
        @ValueSource(strings = {"/", "/svc", "svc", "/a/b-c_d/", "/v1/orders"})
        void acceptsLettersDigitsDashesUnderscoresAndSlashes(String endpoint) {
            valid("deployAs:\n  - {name: svc, applicationType: service, endpoint: '" + endpoint + "'}\n");
        }

        @Test
        void rejectsAnEmptyEndpoint() {
            SpecProblem problem = onlyProblem("deployAs:\n  - {name: svc, applicationType: service, endpoint: ''}\n");
            assertEquals("deployAs.0.endpoint", problem.path());
            assertEquals("must not be empty", problem.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"/a b", "/a.b", "/a?b=1", "/ä"})
        void rejectsOtherCharacters(String endpoint) {
            SpecProblem problem = onlyProblem("deployAs:\n  - {name: svc, applicationType: service, endpoint: '" + endpoint + "'}\n");
            assertEquals("deployAs.0.endpoint", problem.path());
            assertTrue(problem.message().startsWith("may contain only letters, digits"), problem.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"//", "/a//b", "/a/b//"})
        void rejectsDoubleSlashesAnywhere(String endpoint) {
            SpecProblem problem = onlyProblem("deployAs:\n  - {name: svc, applicationType: service, endpoint: '" + endpoint + "'}\n");
            assertEquals("deployAs.0.endpoint", problem.path());
            assertTrue(problem.message().startsWith("must not contain '//'"), problem.message());
        }

        @Test
        void rejectsAnEndpointThatIsNotAString() {
            assertEquals(List.of("deployAs.0.endpoint"),
                    paths("deployAs:\n  - {name: svc, applicationType: service, endpoint: [a]}\n"));
        }

        @Test
        void acceptsAHealthCheckWithItsOptionalNumbers() {
            valid(service("healthCheck: {path: /health, intervalSeconds: 1, timeoutSeconds: 20, unhealthyThreshold: 3}\n"));
        }

        @Test
        void requiresTheHealthCheckPathAndAppliesTheEndpointRuleToIt() {
            assertEquals(List.of("deployAs.0.healthCheck.path"), paths(service("healthCheck: {intervalSeconds: 5}\n")));
            assertEquals(List.of("deployAs.0.healthCheck.path"), paths(service("healthCheck: {path: /a//b}\n")));
        }

        @Test
        void rejectsHealthCheckNumbersOutsideOneToTwenty() {
            assertEquals(List.of("deployAs.0.healthCheck.intervalSeconds", "deployAs.0.healthCheck.timeoutSeconds",
                            "deployAs.0.healthCheck.unhealthyThreshold"),
                    paths(service("healthCheck: {path: /h, intervalSeconds: 0, timeoutSeconds: 21, unhealthyThreshold: 2.5}\n")));
        }

        @Test
        void rejectsAHealthCheckNumberGivenAsAString() {
            SpecProblem problem = onlyProblem(service("healthCheck: {path: /h, intervalSeconds: '5'}\n"));
            assertEquals("deployAs.0.healthCheck.intervalSeconds", problem.path());
            assertEquals("must be a whole number from 1 to 20, got the string '5'", problem.message());
        }

        @Test
        void rejectsUnknownHealthCheckKeys() {
            assertEquals(List.of("deployAs.0.healthCheck.port"), paths(service("healthCheck: {path: /h, port: 8080}\n")));
        }
    }

    @Nested
    @DisplayName("job schedules")
    class Schedules {

        private String job(String schedule) {
            return "deployAs:\n  - name: job\n    applicationType: job\n    endpoint: /job\n    properties:\n      schedule: '"
                    + schedule + "'\n";
        }

        @ParameterizedTest
        @ValueSource(strings = {"0 0 * * *", "*/5 * * * *", "0 0 1,15 * 1-5", "0 */2 * * * *", "0 0 12 1 1 * 2030",
                "1-30/5 0 * * *", "@annually", "@yearly", "@monthly", "@weekly", "@daily", "@hourly", "@reboot",
                "@every 5m", "@every 1h30m", "@every 500ms", "@every 2h45m30s"})
        void acceptsCronExpressionsMacrosAndDurations(String schedule) {
            assertEquals(schedule, valid(job(schedule)).applications().get(0).schedule());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "whatever 1 2 3 4 5", "0 0 * * * and more", "0 0 * *", "0 0 * * * * * *",
                "@midnight", "@every", "@every 5", "@every 5 m", "@daily ", " 0 0 * * *", "0 0 * * MON",
                "0 0 ? * *", "every day"})
        void rejectsAnythingElseAsAWhole(String schedule) {
            SpecProblem problem = onlyProblem(job(schedule));
            assertEquals("deployAs.0.properties.schedule", problem.path());
            assertTrue(problem.message().startsWith("must be a cron expression of 5 to 7 fields"), problem.message());
        }

        @Test
        void rejectsAVeryLongScheduleQuickly() {
            assertEquals(List.of("deployAs.0.properties.schedule"), paths(job("1," .repeat(100_000) + "1 * * * *")));
        }

        @Test
        void rejectsAScheduleThatIsNotAString() {
            assertEquals(List.of("deployAs.0.properties.schedule"),
                    paths("deployAs:\n  - {name: job, applicationType: job, endpoint: /job, properties: {schedule: 5}}\n"));
        }

        @Test
        void rejectsOtherKeysInProperties() {
            assertEquals(List.of("deployAs.0.properties.timezone"), paths("""
                    deployAs:
                      - {name: job, applicationType: job, endpoint: /job, properties: {schedule: "@daily", timezone: UTC}}
                    """));
        }
    }

    @Nested
    @DisplayName("scripts")
    class Scripts {

        @Test
        void acceptsPostDeployAndPreUndeploy() {
            valid(service("scripts:\n  postDeploy: npm install && npm run setup\n  preUndeploy: npm run teardown\n"));
        }

        @Test
        void keepsTheScriptsOnTheApplicationForARunnerToRun() {
            assertEquals(new ApplicationScripts("npm install && npm run setup", "npm run teardown"),
                    valid(service("scripts:\n  postDeploy: npm install && npm run setup\n  preUndeploy: npm run teardown\n"))
                            .applications().get(0).scripts());
            assertEquals(new ApplicationScripts("x", null), valid("""
                    deployAs:
                      - {name: job, applicationType: job, endpoint: /j, properties: {schedule: "@daily"}, scripts: {postDeploy: x}}
                    """).applications().get(0).scripts());
        }

        @Test
        void answersNoScriptsWhenTheApplicationHasNone() {
            assertEquals(ApplicationScripts.NONE, valid(service("")).applications().get(0).scripts());
        }

        @Test
        void acceptsScriptsOnAJobAndMerchantCenterApplications() {
            valid("""
                    deployAs:
                      - {name: job, applicationType: job, endpoint: /j, properties: {schedule: "@daily"}, scripts: {postDeploy: x}}
                    """);
        }

        @Test
        void rejectsOtherScripts() {
            SpecProblem problem = onlyProblem(service("scripts: {postInstall: npm run x}\n"));
            assertEquals("deployAs.0.scripts.postInstall", problem.path());
            assertEquals("is not allowed in scripts; allowed keys: postDeploy, preUndeploy", problem.message());
        }

        @Test
        void rejectsBlankAndNonStringScripts() {
            assertEquals(List.of("deployAs.0.scripts.postDeploy", "deployAs.0.scripts.preUndeploy"),
                    paths(service("scripts: {postDeploy: '   ', preUndeploy: [npm, run]}\n")));
        }

        @Test
        void rejectsScriptsThatAreNotAMapping() {
            assertEquals(List.of("deployAs.0.scripts"), paths(service("scripts: npm run setup\n")));
        }
    }

    @Nested
    @DisplayName("retry policies")
    class RetryPolicies {

        private String event(String retryPolicy) {
            return "deployAs:\n  - {name: evt, applicationType: event, endpoint: /evt, retryPolicy: " + retryPolicy + "}\n";
        }

        @Test
        void acceptsImmediate() {
            valid(event("{strategy: immediate}"));
        }

        @Test
        void acceptsExponentialBackoffWithAndWithoutMaxAttempts() {
            valid(event("{strategy: exponential-backoff, minBackoffSeconds: 1, maxBackoffSeconds: 600}"));
            valid(event("{strategy: exponential-backoff, minBackoffSeconds: 10, maxBackoffSeconds: 10, maxAttempts: 100}"));
        }

        @Test
        void requiresAKnownStrategy() {
            assertEquals(List.of("deployAs.0.retryPolicy.strategy"), paths(event("{}")));
            SpecProblem problem = onlyProblem(event("{strategy: linear}"));
            assertEquals("deployAs.0.retryPolicy.strategy", problem.path());
            assertEquals("unknown strategy 'linear', expected immediate or exponential-backoff", problem.message());
        }

        @Test
        void allowsNoBackoffSettingsWithImmediate() {
            assertEquals(List.of("deployAs.0.retryPolicy.maxAttempts"), paths(event("{strategy: immediate, maxAttempts: 5}")));
        }

        @Test
        void requiresBothBackoffBounds() {
            assertEquals(List.of("deployAs.0.retryPolicy.minBackoffSeconds", "deployAs.0.retryPolicy.maxBackoffSeconds"),
                    paths(event("{strategy: exponential-backoff}")));
        }

        @Test
        void rejectsBoundsOutsideOneTo600AndAttemptsOutsideFiveTo100() {
            assertEquals(List.of("deployAs.0.retryPolicy.minBackoffSeconds", "deployAs.0.retryPolicy.maxBackoffSeconds",
                            "deployAs.0.retryPolicy.maxAttempts"),
                    paths(event("{strategy: exponential-backoff, minBackoffSeconds: 0, maxBackoffSeconds: 601, maxAttempts: 4}")));
            assertEquals(List.of("deployAs.0.retryPolicy.maxAttempts"),
                    paths(event("{strategy: exponential-backoff, minBackoffSeconds: 1, maxBackoffSeconds: 2, maxAttempts: 101}")));
        }

        @Test
        void rejectsAMinimumAboveTheMaximum() {
            SpecProblem problem = onlyProblem(event("{strategy: exponential-backoff, minBackoffSeconds: 60, maxBackoffSeconds: 30}"));
            assertEquals("deployAs.0.retryPolicy.minBackoffSeconds", problem.path());
            assertEquals("must be at most maxBackoffSeconds (30), got 60", problem.message());
        }

        @Test
        void rejectsUnknownKeys() {
            assertEquals(List.of("deployAs.0.retryPolicy.jitter"),
                    paths(event("{strategy: exponential-backoff, minBackoffSeconds: 1, maxBackoffSeconds: 2, jitter: true}")));
        }
    }

    @Nested
    @DisplayName("configuration keys")
    class ConfigurationKeys {

        @Test
        void acceptsStandardAndSecuredKeys() {
            ConnectorSpecification spec = valid(service("""
                    configuration:
                      standardConfiguration:
                        - {key: CTP_REGION, description: Region, required: true, default: europe-west1.gcp}
                      securedConfiguration:
                        - {key: CTP_CLIENT_SECRET, description: Secret, required: false}
                    """));
            ApplicationSpecification app = spec.applications().get(0);
            assertEquals(List.of(new StandardConfigurationKey("CTP_REGION", "Region", true, "europe-west1.gcp")),
                    app.standardConfiguration());
            assertEquals(List.of(new SecuredConfigurationKey("CTP_CLIENT_SECRET", "Secret", false)), app.securedConfiguration());
        }

        @Test
        void acceptsEmptyConfigurationLists() {
            valid(service("configuration: {standardConfiguration: [], securedConfiguration: []}\n"));
        }

        @Test
        void rejectsOtherKeysInAConfiguration() {
            assertEquals(List.of("deployAs.0.configuration.secrets"), paths(service("configuration: {secrets: []}\n")));
        }

        @Test
        void rejectsListsThatAreNotListsAndItemsThatAreNotMappings() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration",
                            "deployAs.0.configuration.securedConfiguration.1"),
                    paths(service("configuration:\n  standardConfiguration: {key: A}\n  securedConfiguration:\n"
                            + "    - {key: AB, description: ok}\n    - AB\n")));
        }

        @Test
        void requiresKeyAndDescription() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration.0.key",
                            "deployAs.0.configuration.standardConfiguration.0.description"),
                    paths(standardKeys("- {required: true}\n")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"A", "MY-KEY", "MY KEY", "MY.KEY", "ÄPFEL"})
        void rejectsKeysOutsideThePattern(String key) {
            SpecProblem problem = onlyProblem(standardKeys("- {key: '" + key + "', description: d}\n"));
            assertEquals("deployAs.0.configuration.standardConfiguration.0.key", problem.path());
            assertTrue(problem.message().contains("^[a-zA-Z0-9_]{2,256}$"), problem.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"PORT", "port", "K_SERVICE", "k_revision", "K_Configuration"})
        void rejectsReservedWordsWithoutRegardToCase(String key) {
            SpecProblem problem = onlyProblem(securedKeys("- {key: " + key + ", description: d}\n"));
            assertEquals("deployAs.0.configuration.securedConfiguration.0.key", problem.path());
            assertTrue(problem.message().contains("reserved word"), problem.message());
        }

        @Test
        void acceptsKeysThatOnlyContainAReservedWord() {
            valid(standardKeys("- {key: PORT_NUMBER, description: d}\n- {key: MY_PORT, description: d}\n"));
        }

        @Test
        void rejectsABlankDescription() {
            SpecProblem problem = onlyProblem(standardKeys("- {key: AB, description: '  '}\n"));
            assertEquals("deployAs.0.configuration.standardConfiguration.0.description", problem.path());
            assertEquals("must not be empty or only whitespace", problem.message());
        }

        @Test
        void rejectsAnEmptyDescription() {
            assertEquals(List.of("deployAs.0.configuration.securedConfiguration.0.description"),
                    paths(securedKeys("- key: AB\n  description:\n")));
        }

        @Test
        void rejectsABlankDefault() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration.0.default"),
                    paths(standardKeys("- {key: AB, description: d, default: ''}\n")));
        }

        @Test
        void rejectsADefaultThatIsANumberOrABoolean() {
            List<SpecProblem> problems = problems(standardKeys(
                    "- {key: AB, description: d, default: 5000}\n- {key: CD, description: d, default: false}\n"));
            assertEquals(List.of(
                    new SpecProblem("deployAs.0.configuration.standardConfiguration.0.default",
                            "must be a string, got the number 5000 (put it in quotes)"),
                    new SpecProblem("deployAs.0.configuration.standardConfiguration.1.default",
                            "must be a string, got the boolean false (put it in quotes)")), problems);
        }

        @Test
        void acceptsNumbersAndBooleansInQuotesAsDefaults() {
            ConnectorSpecification spec = valid(standardKeys("- {key: AB, description: d, default: '5000'}\n"
                    + "- {key: CD, description: d, default: \"false\"}\n"));
            assertEquals("5000", spec.applications().get(0).standardConfiguration().get(0).defaultValue());
        }

        @Test
        void rejectsARequiredThatIsNotABoolean() {
            List<SpecProblem> problems = problems(standardKeys(
                    "- {key: AB, description: d, required: yes}\n- {key: CD, description: d, required: 'true'}\n"));
            assertEquals(List.of(
                    new SpecProblem("deployAs.0.configuration.standardConfiguration.0.required",
                            "must be a boolean (true or false), got the string 'yes'"),
                    new SpecProblem("deployAs.0.configuration.standardConfiguration.1.required",
                            "must be a boolean (true or false), got the string 'true'")), problems);
        }

        @Test
        void acceptsTheCoreSchemaSpellingsOfBooleans() {
            ConnectorSpecification spec = valid(standardKeys("- {key: AB, description: d, required: True}\n"
                    + "- {key: CD, description: d, required: FALSE}\n"));
            assertEquals(List.of(true, false), spec.applications().get(0).standardConfiguration().stream()
                    .map(StandardConfigurationKey::required).toList());
        }

        @Test
        void rejectsADefaultOnASecuredKey() {
            SpecProblem problem = onlyProblem(securedKeys("- {key: AB, description: d, default: x}\n"));
            assertEquals("deployAs.0.configuration.securedConfiguration.0.default", problem.path());
            assertEquals("is not allowed: a secured configuration key has no default", problem.message());
        }

        @Test
        void rejectsOtherKeysInAConfigurationKey() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration.0.type"),
                    paths(standardKeys("- {key: AB, description: d, type: string}\n")));
        }

        @Test
        void rejectsAKeyDeclaredTwiceInOneApplicationAcrossStandardAndSecured() {
            SpecProblem problem = onlyProblem(service("""
                    configuration:
                      standardConfiguration:
                        - {key: DUP, description: d}
                        - {key: OTHER, description: d}
                      securedConfiguration:
                        - {key: DUP, description: d}
                    """));
            assertEquals("deployAs.0.configuration.securedConfiguration.0.key", problem.path());
            assertEquals("duplicate key 'DUP' in this application, already declared at"
                    + " deployAs.0.configuration.standardConfiguration.0.key", problem.message());
        }

        @Test
        void rejectsAKeyDeclaredTwiceInOneList() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration.1.key"),
                    paths(standardKeys("- {key: DUP, description: d}\n- {key: DUP, description: e}\n")));
        }

        @Test
        void acceptsTheSameKeyInDifferentApplications() {
            valid("""
                    deployAs:
                      - name: one
                        applicationType: service
                        endpoint: /
                        configuration: {standardConfiguration: [{key: CTP_REGION, description: r}]}
                      - name: two
                        applicationType: event
                        endpoint: /
                        configuration: {securedConfiguration: [{key: CTP_REGION, description: r}]}
                    """);
        }

        @Test
        void comparesKeysWithRegardToCase() {
            valid(standardKeys("- {key: ab, description: d}\n- {key: AB, description: d}\n"));
        }
    }

    @Nested
    @DisplayName("inheritAs")
    class InheritAs {

        @Test
        void readsTheGlobalConfigurationAndTheApiClient() {
            ConnectorSpecification spec = valid("""
                    deployAs: []
                    inheritAs:
                      configuration:
                        standardConfiguration:
                          - {key: CTP_REGION, description: Region, default: europe-west1.gcp}
                      apiClient:
                        scopes: [manage_orders, view_products, manage_orders]
                    """);
            assertEquals(new ConnectorGlobalConfiguration(
                            List.of(new StandardConfigurationKey("CTP_REGION", "Region", null, "europe-west1.gcp")), null),
                    spec.globalConfiguration());
            assertEquals(new ConnectorApiClient(List.of("manage_orders", "view_products", "manage_orders")), spec.apiClient());
        }

        @Test
        void acceptsAnEmptyInheritAs() {
            ConnectorSpecification spec = valid("deployAs: []\ninheritAs: {}\n");
            assertNull(spec.globalConfiguration());
            assertNull(spec.apiClient());
        }

        @Test
        void keepsAnEmptyGlobalConfigurationWithBothListsAbsent() {
            assertEquals(new ConnectorGlobalConfiguration(null, null),
                    valid("deployAs: []\ninheritAs: {configuration: {}}\n").globalConfiguration());
        }

        @Test
        void rejectsOtherKeysInInheritAsAndApiClient() {
            assertEquals(List.of("inheritAs.deployAs", "inheritAs.apiClient.name"), paths("""
                    deployAs: []
                    inheritAs:
                      deployAs: []
                      apiClient: {name: x, scopes: [view_products]}
                    """));
        }

        @Test
        void requiresAtLeastOneScope() {
            SpecProblem problem = onlyProblem("deployAs: []\ninheritAs: {apiClient: {scopes: []}}\n");
            assertEquals("inheritAs.apiClient.scopes", problem.path());
            assertEquals("must list at least one scope", problem.message());
            assertEquals(List.of("inheritAs.apiClient.scopes"), paths("deployAs: []\ninheritAs: {apiClient: {}}\n"));
        }

        @Test
        void rejectsScopesThatAreEmptyOrNotStrings() {
            assertEquals(List.of("inheritAs.apiClient.scopes.1", "inheritAs.apiClient.scopes.2"),
                    paths("deployAs: []\ninheritAs: {apiClient: {scopes: [view_products, '', 5]}}\n"));
        }

        @Test
        void rejectsScopesThatAreNotAList() {
            assertEquals(List.of("inheritAs.apiClient.scopes"),
                    paths("deployAs: []\ninheritAs: {apiClient: {scopes: view_products}}\n"));
        }

        @Test
        void checksTheGlobalConfigurationByTheSameRules() {
            assertEquals(List.of("inheritAs.configuration.standardConfiguration.0.key",
                            "inheritAs.configuration.securedConfiguration.0.default"), paths("""
                    deployAs: []
                    inheritAs:
                      configuration:
                        standardConfiguration: [{key: PORT, description: p}]
                        securedConfiguration: [{key: SECRET, description: s, default: x}]
                    """));
        }

        @Test
        void rejectsAKeyDeclaredTwiceInTheGlobalConfiguration() {
            SpecProblem problem = onlyProblem("""
                    deployAs: []
                    inheritAs:
                      configuration:
                        standardConfiguration: [{key: SHARED, description: s}]
                        securedConfiguration: [{key: SHARED, description: s}]
                    """);
            assertEquals("inheritAs.configuration.securedConfiguration.0.key", problem.path());
        }

        @Test
        void rejectsAGlobalKeyDeclaredAgainInAnyApplication() {
            List<SpecProblem> problems = problems("""
                    deployAs:
                      - name: one
                        applicationType: service
                        endpoint: /
                        configuration: {standardConfiguration: [{key: OWN, description: o}, {key: SHARED, description: s}]}
                      - name: two
                        applicationType: event
                        endpoint: /
                        configuration: {securedConfiguration: [{key: SHARED, description: s}]}
                    inheritAs:
                      configuration:
                        securedConfiguration: [{key: SHARED, description: s}]
                    """);
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration.1.key",
                    "deployAs.1.configuration.securedConfiguration.0.key"), problems.stream().map(SpecProblem::path).toList());
            assertEquals("'SHARED' is already declared in the global configuration at"
                    + " inheritAs.configuration.securedConfiguration.0.key: a global key must not be declared again in an"
                    + " application", problems.get(0).message());
        }
    }

    @Nested
    @DisplayName("Merchant Center custom applications and views")
    class MerchantCenter {

        private static final String APP_KEYS = """
                - {key: CUSTOM_APPLICATION_ID, description: id, required: true}
                - {key: ENTRY_POINT_URI_PATH, description: path, required: true, default: reviews}
                """;

        private String customApplication(String standardItems) {
            return "deployAs:\n  - name: mc\n    applicationType: merchant-center-custom-application\n"
                    + "    configuration:\n      standardConfiguration:\n" + standardItems.indent(8);
        }

        private String customView(String standardItems) {
            return "deployAs:\n  - name: view\n    applicationType: merchant-center-custom-view\n"
                    + "    configuration:\n      standardConfiguration:\n" + standardItems.indent(8);
        }

        @Test
        void acceptsACustomApplicationWithItsKeysAndACloudIdentifierDefault() {
            valid(customApplication(APP_KEYS + "- {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}\n"));
        }

        @Test
        void acceptsACloudIdentifierThatIsRequired() {
            valid(customApplication(APP_KEYS + "- {key: CLOUD_IDENTIFIER, description: c, required: true}\n"));
        }

        @Test
        void acceptsACloudIdentifierRequiredInTheGlobalConfiguration() {
            valid(customApplication(APP_KEYS) + """
                    inheritAs:
                      configuration:
                        standardConfiguration: [{key: CLOUD_IDENTIFIER, description: c, required: true}]
                    """);
        }

        @Test
        void requiresCustomApplicationIdAndEntryPointUriPath() {
            List<SpecProblem> problems = problems(customApplication(
                    "- {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}\n"));
            assertEquals(List.of(
                    new SpecProblem("deployAs.0.configuration.standardConfiguration",
                            "must declare CUSTOM_APPLICATION_ID with required: true in a Merchant Center custom"
                                    + " application (merchant-center-custom-application)"),
                    new SpecProblem("deployAs.0.configuration.standardConfiguration",
                            "must declare ENTRY_POINT_URI_PATH with required: true in a Merchant Center custom"
                                    + " application (merchant-center-custom-application)")), problems);
        }

        @Test
        void requiresThemToBeRequired() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration.0.required",
                            "deployAs.0.configuration.standardConfiguration.1.required"),
                    paths(customApplication("""
                            - {key: CUSTOM_APPLICATION_ID, description: id}
                            - {key: ENTRY_POINT_URI_PATH, description: path, required: false}
                            - {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}
                            """)));
        }

        @Test
        void requiresThemInTheStandardConfigurationOfALegacyMcApp() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration",
                            "deployAs.0.configuration.standardConfiguration",
                            "deployAs.0.configuration.standardConfiguration"),
                    paths("deployAs:\n  - {name: mc, applicationType: mc-app}\n"));
        }

        @Test
        void requiresCustomViewIdInACustomView() {
            valid(customView("- {key: CUSTOM_VIEW_ID, description: id, required: true}\n"
                    + "- {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}\n"));
            SpecProblem problem = onlyProblem(customView("- {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}\n"));
            assertEquals("deployAs.0.configuration.standardConfiguration", problem.path());
            assertEquals("must declare CUSTOM_VIEW_ID with required: true in a Merchant Center custom view", problem.message());
        }

        @Test
        void requiresACloudIdentifier() {
            SpecProblem problem = onlyProblem(customApplication(APP_KEYS));
            assertEquals("deployAs.0.configuration.standardConfiguration", problem.path());
            assertTrue(problem.message().startsWith("must declare CLOUD_IDENTIFIER with required: true or a default"),
                    problem.message());
        }

        @Test
        void rejectsACloudIdentifierNeitherRequiredNorWithADefault() {
            SpecProblem problem = onlyProblem(customView("- {key: CUSTOM_VIEW_ID, description: id, required: true}\n"
                    + "- {key: CLOUD_IDENTIFIER, description: c, required: false}\n"));
            assertEquals("deployAs.0.configuration.standardConfiguration.1", problem.path());
        }

        @Test
        void doesNotCountAGlobalCloudIdentifierThatIsNotRequired() {
            assertEquals(List.of("deployAs.0.configuration.standardConfiguration"), paths(customApplication(APP_KEYS) + """
                    inheritAs:
                      configuration:
                        standardConfiguration: [{key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}]
                    """));
        }

        @Test
        void rejectsSecuredConfigurationInACustomApplicationOrView() {
            SpecProblem problem = onlyProblem(customApplication(APP_KEYS
                    + "- {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}\n")
                    + "      securedConfiguration:\n        - {key: SECRET, description: s}\n");
            assertEquals("deployAs.0.configuration.securedConfiguration", problem.path());
            assertEquals(List.of("deployAs.0.configuration.securedConfiguration"), paths(customView(
                    "- {key: CUSTOM_VIEW_ID, description: id, required: true}\n"
                            + "- {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}\n")
                    + "      securedConfiguration:\n        - {key: SECRET, description: s}\n"));
        }

        @Test
        void acceptsAnEmptySecuredConfigurationList() {
            valid(customApplication(APP_KEYS + "- {key: CLOUD_IDENTIFIER, description: c, default: gcp-eu}\n")
                    + "      securedConfiguration: []\n");
        }

        @Test
        void doesNotApplyTheMerchantCenterRulesToAConfigurationOfTheWrongShape() {
            assertEquals(List.of("deployAs.0.configuration"),
                    paths("deployAs:\n  - {name: mc, applicationType: merchant-center-custom-view, configuration: [x]}\n"));
        }
    }

    @Nested
    @DisplayName("problems everywhere")
    class Accumulation {

        @Test
        void reportsEveryProblemOfAFileInOrder() {
            List<SpecProblem> problems = problems("""
                    deployAs:
                      - name: a
                        applicationType: service
                        endpoint: /a//b
                        configuration:
                          standardConfiguration:
                            - {key: PORT, description: p}
                            - {key: MY-KEY, description: '', default: 5}
                          securedConfiguration:
                            - {key: SECRET, description: s, required: yes}
                      - name: job
                        applicationType: job
                        endpoint: /job
                        properties: {schedule: whatever 1 2 3 4 5}
                      - name: job
                        applicationType: assets
                        endpoint: /assets
                    inheritAs:
                      apiClient: {scopes: []}
                    extra: true
                    """);
            assertEquals(List.of(
                    "extra",
                    "deployAs.0.name",
                    "deployAs.0.endpoint",
                    "deployAs.0.configuration.standardConfiguration.0.key",
                    "deployAs.0.configuration.standardConfiguration.1.key",
                    "deployAs.0.configuration.standardConfiguration.1.description",
                    "deployAs.0.configuration.standardConfiguration.1.default",
                    "deployAs.0.configuration.securedConfiguration.0.required",
                    "deployAs.1.properties.schedule",
                    "deployAs.2.endpoint",
                    "inheritAs.apiClient.scopes",
                    "deployAs.2.name"), problems.stream().map(SpecProblem::path).toList());
        }

        @Test
        void reportsTheWrongTypeOfEveryBlockWithoutThrowing() {
            assertEquals(List.of("deployAs.0.endpoint", "deployAs.0.scripts", "deployAs.0.healthCheck",
                            "deployAs.0.retryPolicy", "deployAs.0.configuration", "inheritAs.configuration",
                            "inheritAs.apiClient"), paths("""
                    deployAs:
                      - name: evt
                        applicationType: event
                        endpoint: {path: /}
                        scripts: [npm]
                        healthCheck: /health
                        retryPolicy: immediate
                        configuration: standard
                    inheritAs:
                      configuration: [a]
                      apiClient: [view_products]
                    """));
            assertEquals(List.of("inheritAs"), paths("deployAs: []\ninheritAs: yes\n"));
            assertEquals(List.of("deployAs.0.applicationType"), paths("deployAs:\n  - {name: ab, applicationType: [job]}\n"));
        }
    }

    /**
     * What the official parser (the {@code yaml} npm package, core schema) makes of a value with an
     * explicit tag; {@code ConnectYamlDifferentialTest} checks every core tag on every kind of value
     * and place against it.
     */
    @Nested
    @DisplayName("explicit tags, read as the official parser reads them")
    class ExplicitTags {
        private String timeout(String value) {
            return service("healthCheck: {path: /h, timeoutSeconds: " + value + "}\n");
        }

        private StandardConfigurationKey onlyKey(String item) {
            return valid(standardKeys(item)).applications().get(0).standardConfiguration().get(0);
        }

        @Test
        @DisplayName("!!float 5 is a string: the float tag gives a number only to a value with a dot or an exponent")
        void aFloatTaggedIntegerIsAString() {
            SpecProblem problem = onlyProblem(timeout("!!float 5"));
            assertEquals("deployAs.0.healthCheck.timeoutSeconds", problem.path());
            assertEquals("must be a whole number from 1 to 20, got the string '5' (tagged !!float)", problem.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"!!float 5.0", "!!float 5.", "!!float 5e0", "!!int 5", "!!int \"5\"", "!!int '0x5'",
                "!!int 0o5", "!!int +5", "!<tag:yaml.org,2002:int> '5'"})
        @DisplayName("a number tag on a value its patterns match gives a number, quoted or not")
        void aNumberTagOnANumberGivesANumber(String value) {
            valid(timeout(value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"!!int 5.0", "!!int 1e1", "!!float 0x5", "!!float +5", "!!str 5", "!!bool 5", "!!null 5",
                "!!map 5", "!!seq 5", "! 5", "!<tag:yaml.org,2002:float> 5"})
        @DisplayName("any other tag on a number, or a number tag on what its patterns do not match, gives a string")
        void anyOtherTagOnANumberGivesAString(String value) {
            assertEquals("must be a whole number from 1 to 20, got the string '" + value.substring(value.lastIndexOf(' ') + 1)
                    + "' (tagged " + value.substring(0, value.lastIndexOf(' ')).replace("!<tag:yaml.org,2002:", "!!")
                    .replace(">", "") + ")", onlyProblem(timeout(value)).message());
        }

        @Test
        @DisplayName("!!int \"12\" is a number, where quotes do not help: the message does not suggest them")
        void anIntTaggedQuotedNameIsANumber() {
            SpecProblem problem = onlyProblem(service("").replace("name: svc", "name: !!int \"12\""));
            assertEquals("deployAs.0.name", problem.path());
            assertEquals("must be a string, got the number 12 (tagged !!int)", problem.message());
        }

        @Test
        @DisplayName("!!str, !! on anything else and the non-specific ! make strings of numbers, booleans and nulls")
        void tagsMakeStringsOfOtherScalars() {
            assertEquals("5000", onlyKey("- {key: AB, description: d, default: !!str 5000}\n").defaultValue());
            assertEquals("5000", onlyKey("- {key: AB, description: d, default: ! 5000}\n").defaultValue());
            assertEquals("true", onlyKey("- {key: AB, description: d, default: !!int true}\n").defaultValue());
            assertEquals("null", onlyKey("- {key: AB, description: !!bool null}\n").description());
            assertEquals("yes", onlyKey("- {key: AB, description: !!null yes}\n").description());
        }

        @Test
        @DisplayName("!!bool gives a boolean only to true, True, TRUE, false, False and FALSE")
        void aBoolTagReadsOnlyTheCoreSpellings() {
            assertEquals(true, onlyKey("- {key: AB, description: d, required: !!bool True}\n").required());
            assertEquals(false, onlyKey("- {key: AB, description: d, required: !<tag:yaml.org,2002:bool> 'false'}\n").required());
            SpecProblem problem = onlyProblem(standardKeys("- {key: AB, description: d, required: !!bool yes}\n"));
            assertEquals("deployAs.0.configuration.standardConfiguration.0.required", problem.path());
            assertEquals("must be a boolean (true or false), got the string 'yes' (tagged !!bool)", problem.message());
        }

        @Test
        @DisplayName("!!null gives nothing only to ~, null, Null, NULL and the empty value")
        void aNullTagReadsOnlyTheCoreSpellings() {
            SpecProblem problem = onlyProblem(standardKeys("- {key: AB, description: !!null ''}\n"));
            assertEquals("deployAs.0.configuration.standardConfiguration.0.description", problem.path());
            assertTrue(problem.message().startsWith("must be a string, got an empty value (tagged !!null)"), problem.message());
        }

        @Test
        @DisplayName("a %TAG shorthand for the core schema is the same tag")
        void aTagShorthandIsTheSameTag() {
            valid("%TAG !e! tag:yaml.org,2002:\n---\n" + timeout("!e!int '5'"));
            assertEquals("deployAs.0.healthCheck.timeoutSeconds",
                    onlyProblem("%TAG !e! tag:yaml.org,2002:\n---\n" + timeout("!e!float 5")).path());
        }

        @ParameterizedTest
        @ValueSource(strings = {"healthCheck: !!map {path: /h}", "healthCheck: !!str {path: /h}",
                "healthCheck: !!seq {path: /h}", "healthCheck: ! {path: /h}", "configuration: {securedConfiguration: !!map [{key: AB, description: d}]}",
                "configuration: {securedConfiguration: !!int [{key: AB, description: d}]}"})
        @DisplayName("a core tag on a list or a mapping changes nothing, even !!map on a list")
        void aCoreTagOnAListOrAMappingChangesNothing(String line) {
            valid(service(line + "\n"));
        }

        @Test
        @DisplayName("a key with a core tag is the key")
        void aKeyWithACoreTagIsTheKey() {
            valid(service("healthCheck: {!!str path: /h, !!float timeoutSeconds: 5}\n"));
        }
    }

    @Nested
    @DisplayName("mapping to the API values")
    class Mapping {

        @Test
        void mapsEachApplicationToAConfigurationWithKeysInFileOrder() {
            ConnectorSpecification spec = valid("""
                    deployAs:
                      - name: service
                        applicationType: service
                        endpoint: /service
                        configuration:
                          standardConfiguration:
                            - {key: Z_LAST_ALPHABETICALLY, description: z}
                            - {key: A_FIRST_ALPHABETICALLY, description: a, required: false, default: x}
                            - {key: M_MIDDLE, description: m, required: true}
                          securedConfiguration:
                            - {key: S2, description: two, required: true}
                            - {key: S1, description: one}
                      - name: enabler
                        applicationType: assets
                      - name: mc
                        applicationType: mc-app
                        configuration:
                          standardConfiguration:
                            - {key: CUSTOM_APPLICATION_ID, description: id, required: true}
                            - {key: ENTRY_POINT_URI_PATH, description: path, required: true}
                            - {key: CLOUD_IDENTIFIER, description: cloud, default: gcp-eu}
                    """);
            assertEquals(List.of(
                    new ConnectorConfigurationApplication("service", ApplicationType.SERVICE, List.of(
                            new StandardConfigurationKey("Z_LAST_ALPHABETICALLY", "z", null, null),
                            new StandardConfigurationKey("A_FIRST_ALPHABETICALLY", "a", false, "x"),
                            new StandardConfigurationKey("M_MIDDLE", "m", true, null)), List.of(
                            new SecuredConfigurationKey("S2", "two", true),
                            new SecuredConfigurationKey("S1", "one", null))),
                    new ConnectorConfigurationApplication("enabler", ApplicationType.ASSETS, List.of(), List.of()),
                    new ConnectorConfigurationApplication("mc", ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION, List.of(
                            new StandardConfigurationKey("CUSTOM_APPLICATION_ID", "id", true, null),
                            new StandardConfigurationKey("ENTRY_POINT_URI_PATH", "path", true, null),
                            new StandardConfigurationKey("CLOUD_IDENTIFIER", "cloud", null, "gcp-eu")), List.of())),
                    spec.configurations());
        }

        @Test
        void keepsTheEndpointAndScheduleOnTheApplication() {
            ApplicationSpecification job = valid("""
                    deployAs:
                      - {name: nightly, applicationType: job, endpoint: /run, properties: {schedule: "0 3 * * *"}}
                    """).applications().get(0);
            assertEquals(new ApplicationSpecification("nightly", ApplicationType.JOB, "/run", "0 3 * * *", List.of(), List.of()), job);
        }

        @Test
        void readsEnvironmentStylePlaceholdersAsPlainText() {
            assertEquals("${CTP_REGION}", valid(standardKeys("- key: AB\n  description: d\n  default: ${CTP_REGION}\n"))
                    .applications().get(0).standardConfiguration().get(0).defaultValue());
        }

        @Test
        void readsAMergeKeyAsAnOrdinaryKeyAsYaml12Does() {
            SpecProblem problem = onlyProblem("""
                    deployAs:
                      - &base {name: one, applicationType: service, endpoint: /}
                      - <<: *base
                        name: two
                        applicationType: service
                        endpoint: /two
                    """);
            assertEquals("deployAs.1.<<", problem.path());
            assertTrue(problem.message().startsWith("is not allowed in an application of type service"), problem.message());
        }

        @Test
        void answersTheSameSpecificationForTheSameBytes() {
            String yaml = service("configuration: {standardConfiguration: [{key: AB, description: d}]}\n");
            assertEquals(parse(yaml), parse(yaml));
        }
    }
}
