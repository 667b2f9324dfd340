package io.connectstage.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectstage.connector.Creator;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import io.connectstage.testkit.SampleDeployments;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("DeploymentJson")
class DeploymentJsonTest {
    /** A plain mapper, so that the expected side does not depend on the code under test. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    static String example(String path) {
        try (InputStream in = DeploymentJsonTest.class.getClassLoader().getResourceAsStream("deployment-examples/" + path)) {
            assertNotNull(in, "no example " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every deployment and deployment-log example of the reference and the type it shows.
     * {@code deployment/DeploymentDetailsBuildApplication.json} is left out: no RAML type uses it.
     */
    static Stream<Arguments> examples() {
        Map<String, Function<String, Either<ErrorResponse, ?>>> readers = new java.util.LinkedHashMap<>();
        readers.put("deployment/ApplicationDeployment.json", j -> DeploymentJson.read(j, ApplicationDeployment.class));
        readers.put("deployment/ConfigurationValue.json", j -> DeploymentJson.read(j, ConfigurationValue.class));
        readers.put("deployment/DeploymentConnector.json", j -> DeploymentJson.read(j, DeploymentConnector.class));
        readers.put("deployment/DeploymentCreator.json", j -> DeploymentJson.read(j, Creator.class));
        readers.put("deployment/DeploymentDetailsBuild.json", j -> DeploymentJson.read(j, DeploymentDetailsBuild.class));
        readers.put("deployment/DeploymentDraft.json", DeploymentJson::readDraft);
        readers.put("deployment/draft.json", DeploymentJson::readDraft);
        readers.put("deployment/DeploymentLog.json", DeploymentJson::readLog);
        readers.put("deployment/minimal.json", DeploymentJson::readDeployment);
        readers.put("deployment/paged.json", DeploymentJson::readPage);
        readers.put("deployment/update.json", DeploymentJson::readUpdate);
        readers.put("deployment/updates/DeploymentRedeployUpdateAction.json", DeploymentJson::readAction);
        readers.put("deployment/updates/DeploymentUpdateAction.json", DeploymentJson::readAction);
        readers.put("deployment-log/cursor-paged.json", DeploymentJson::readLogPage);
        return readers.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** The example with every value under a {@code securedConfiguration} replaced by the mask. */
    static JsonNode masked(JsonNode node) {
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("securedConfiguration") && field.getValue() instanceof ArrayNode values) {
                    values.forEach(v -> ((ObjectNode) v).set("value", TextNode.valueOf(Secret.MASK)));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(DeploymentJsonTest::mask);
        }
    }

    @Nested
    @DisplayName("round trips")
    class RoundTrips {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.deployment.DeploymentJsonTest#examples")
        @DisplayName("every example of the reference, secured values in clear for storage")
        void storageRoundTrip(String path, Function<String, Either<ErrorResponse, ?>> reader) {
            String json = example(path);
            Either<ErrorResponse, ?> read = reader.apply(json);
            assertTrue(read.isRight(), () -> path + ": " + read.getLeft());
            assertEquals(tree(json), tree(DeploymentJson.writeForStorage(read.get())), path);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.deployment.DeploymentJsonTest#examples")
        @DisplayName("every example of the reference, secured values masked for a client")
        void wireRoundTrip(String path, Function<String, Either<ErrorResponse, ?>> reader) {
            String json = example(path);
            Object value = reader.apply(json).get();
            assertEquals(masked(tree(json)), tree(DeploymentJson.write(value)), path);
            assertEquals(masked(tree(json)), tree(DeploymentJson.toTree(value).toString()), path);
        }

        @Test
        @DisplayName("a Deployment made by the core, through storage, comes back equal")
        void coreDeployment() {
            Deployment d = SampleDeployments.inStatus(DeploymentStatus.DEPLOYED);
            assertEquals(d, DeploymentJson.readDeployment(DeploymentJson.writeForStorage(d)).get());
        }

        @Test
        @DisplayName("a job's schedule override: configurations[].schedule of a draft, configurationValues[].schedule of a redeploy, "
                + "applications[].schedule of the Deployment (absent for the others)")
        void scheduleOverride() {
            String draftJson = "{\"key\":\"d\",\"connector\":{\"key\":\"c\"},\"region\":\"europe-west1.gcp\","
                    + "\"configurations\":[{\"applicationName\":\"nightly\",\"standardConfiguration\":[],"
                    + "\"securedConfiguration\":[],\"schedule\":\"30 2 * * 1-5\"}]}";
            DeploymentDraft draft = DeploymentJson.readDraft(draftJson).get();
            assertEquals("30 2 * * 1-5", draft.configurations().get(0).schedule());
            assertEquals("30 2 * * 1-5", tree(DeploymentJson.write(draft)).at("/configurations/0/schedule").asText());

            String redeployJson = "{\"action\":\"redeploy\",\"configurationValues\":[{\"applicationName\":\"nightly\","
                    + "\"standardConfiguration\":[],\"securedConfiguration\":[],\"schedule\":\"@hourly\"}]}";
            DeploymentRedeployAction redeploy = assertInstanceOf(DeploymentRedeployAction.class,
                    DeploymentJson.readAction(redeployJson).get());
            assertEquals("@hourly", redeploy.configurationValues().get(0).schedule());
            assertEquals(tree(redeployJson), tree(DeploymentJson.writeForStorage(redeploy)));

            Deployment d = SampleDeployments.inStatus(DeploymentStatus.DEPLOYED);
            JsonNode written = tree(DeploymentJson.write(d));
            JsonNode nightly = null;
            for (JsonNode app : written.get("applications")) {
                if (app.get("applicationName").asText().equals("nightly")) {
                    nightly = app;
                } else {
                    assertFalse(app.has("schedule"), app.toString());
                }
            }
            assertNotNull(nightly, written.toString());
            assertEquals("0 0 * * *", nightly.get("schedule").asText());
            assertEquals(d, DeploymentJson.readDeployment(DeploymentJson.writeForStorage(d)).get());
        }

        @Test
        @DisplayName("reads the secured values of an example as secrets")
        void readsSecrets() {
            Deployment d = DeploymentJson.readDeployment(example("deployment/minimal.json")).get();
            assertEquals("config-secret-key-value", d.applications().get(0).securedConfiguration().get(0).value().reveal());
            PagedQueryResponse<Deployment> page = DeploymentJson.readPage(example("deployment/paged.json")).get();
            assertEquals(1, page.results().size());
        }

        @Test
        @DisplayName("reads the redeploy action with its flags")
        void readsRedeploy() {
            DeploymentUpdateAction action = DeploymentJson.readAction(example("deployment/updates/DeploymentRedeployUpdateAction.json")).get();
            DeploymentRedeployAction redeploy = assertInstanceOf(DeploymentRedeployAction.class, action);
            assertTrue(redeploy.skipsScripts());
            assertTrue(redeploy.updatesConnector());
        }
    }

    @Nested
    @DisplayName("bad JSON")
    class BadJson {

        private ConnectError only(Either<ErrorResponse, ?> result) {
            assertTrue(result.isLeft(), () -> "expected an error, got " + result);
            assertEquals(1, result.getLeft().errors().size(), result.getLeft().toString());
            ConnectError e = result.getLeft().errors().get(0);
            assertEquals(ErrorCode.INVALID_JSON_INPUT, e.code());
            return e;
        }

        @Test
        @DisplayName("malformed JSON answers InvalidJsonInput with line and column")
        void malformed() {
            assertTrue(only(DeploymentJson.readDraft("{\"key\": ")).detailedErrorMessage().startsWith("malformed JSON at line 1"));
            assertTrue(only(DeploymentJson.readDraft("")).detailedErrorMessage().contains("empty"));
            assertTrue(only(DeploymentJson.readDraft("[]")).detailedErrorMessage().contains("DeploymentDraft"));
        }

        @Test
        @DisplayName("a wrong type names the path of the field")
        void wrongTypeNamesPath() {
            String json = "{\"connector\":{\"key\":\"k\"},\"region\":\"europe-west1.gcp\",\"configurations\":"
                    + "[{\"applicationName\":\"app\",\"standardConfiguration\":[{\"key\":\"K\",\"value\":1}]}]}";
            assertEquals("configurations[0].standardConfiguration[0].value: expected a string",
                    only(DeploymentJson.readDraft(json)).detailedErrorMessage());
        }

        @Test
        @DisplayName("an unknown enum value lists the accepted ones")
        void unknownEnum() {
            String detail = only(DeploymentJson.readDraft("{\"type\":\"staging\"}")).detailedErrorMessage();
            assertEquals("type: unknown value 'staging', expected one of 'preview', 'sandbox', 'production'", detail);
            assertTrue(only(DeploymentJson.readDeployment(example("deployment/minimal.json").replace("\"Deployed\"", "\"Live\"")))
                    .detailedErrorMessage().startsWith("status: unknown value 'Live'"));
        }

        @Test
        @DisplayName("a secured value that is not a string is refused without echoing it")
        void securedNotString() {
            String json = "{\"configurations\":[{\"applicationName\":\"a\",\"securedConfiguration\":[{\"key\":\"S\",\"value\":{\"x\":\"hidden-42\"}}]}]}";
            ConnectError e = only(DeploymentJson.readDraft(json));
            assertEquals("configurations[0].securedConfiguration[0].value: expected a string", e.detailedErrorMessage());
            assertFalse(e.toString().contains("hidden-42"));
        }

        @Test
        @DisplayName("an update reports every bad action and a missing version at once")
        void badUpdate() {
            Either<ErrorResponse, DeploymentUpdate> result = DeploymentJson.readUpdate(
                    "{\"actions\":[{\"action\":\"explode\"},{\"action\":\"redeploy\",\"skipScripts\":\"yes\"},{}]}");
            List<String> details = result.getLeft().errors().stream().map(ConnectError::detailedErrorMessage).toList();
            assertEquals(List.of("version: is required",
                    "actions[0].action: unknown update action \"explode\", expected one of redeploy",
                    "actions[1].skipScripts: expected a boolean",
                    "actions[2].action: is required"), details);
        }

        @Test
        @DisplayName("a log with a bad timestamp names it")
        void badLog() {
            String json = example("deployment/DeploymentLog.json").replace("2023-03-15T11:05:01.912Z", "yesterday");
            assertTrue(only(DeploymentJson.readLog(json)).detailedErrorMessage().startsWith("timestamp: "));
        }
    }

    @Test
    @DisplayName("every update action has a JSON name and reads back from its own JSON")
    void closedSetOfActions() {
        assertEquals(List.of("redeploy"), DeploymentJson.actionNames());
        for (Class<?> type : DeploymentUpdateAction.class.getPermittedSubclasses()) {
            assertTrue(type.isRecord(), type.getName());
        }
        DeploymentRedeployAction action = new DeploymentRedeployAction(true,
                List.of(DeploymentConfigurationApplication.of("a").withStandard("K", "v")), DeploymentGlobalConfiguration.empty(), false);
        assertEquals(action, DeploymentJson.readAction(DeploymentJson.writeForStorage(action)).get());
    }
}
