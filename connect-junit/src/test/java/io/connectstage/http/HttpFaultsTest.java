package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Region;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.junit.ConnectServerExtension;
import io.connectstage.junit.ConnectServerInfo;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.Analysis;
import io.connectstage.testkit.SampleDeployments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Fault injection over HTTP: POST and DELETE /.connectstage/projects/{projectKey}/faults")
class HttpFaultsTest {
    private static final String FAULTS = "/.connectstage/projects/project-a/faults";

    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("project-a")
            .spaces(PerProjectSpaces.builder().executor(Runnable::run)
                    .analyzer((repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                            ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                            SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null))
                    .build())
            .client(OAuthClient.parse("other:other-secret:manage_project:project-b").get())
            .client(OAuthClient.parse("deployer:deployer-secret:manage_connectors_deployments:project-a").get())
            .build();

    private Http http;
    private String token;

    @BeforeEach
    void previewableConnector(ConnectServerInfo info) {
        http = new Http(info.baseUri());
        token = info.token();
        if (http.get("/connectors/drafts/key=fault-connector", token).status() == 404) {
            JsonNode c = http.post("/connectors/drafts", token, Http.draft("fault-connector")).expect(201).json();
            http.post("/connectors/drafts/key=fault-connector", token, "{\"version\":" + c.get("version").asLong()
                    + ",\"actions\":[{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:project-a\"},"
                    + "{\"action\":\"updatePreviewable\"}]}").expect(201);
        }
    }

    private static String preview(String key) {
        return DeploymentJson.writeForStorage(DeploymentDraft.builder().key(key).type(DeploymentType.PREVIEW)
                .region(Region.EUROPE_WEST1_GCP).stagedConnectorKey("fault-connector")
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", SampleDeployments.DB_PASSWORD))
                .globalConfiguration(SampleDeployments.validGlobal()).build());
    }

    private String status(String key) {
        return http.get("/project-a/deployments/key=" + key, token).expect(200).json().get("status").asText();
    }

    private long version(String key) {
        return http.get("/project-a/deployments/key=" + key, token).expect(200).json().get("version").asLong();
    }

    private void redeploy(String key) {
        http.post("/project-a/deployments/key=" + key, token, "{\"version\":" + version(key)
                + ",\"actions\":[{\"action\":\"redeploy\"}]}").expect(200);
    }

    /** The Deployment is deleted at once: no fault made its undeploy fail. */
    private void deletesCleanly(String id) {
        http.delete("/project-a/deployments/" + id, token).expect(202);
        http.get("/project-a/deployments/" + id, token).expect(404, "ResourceNotFound");
    }

    /** Sets or clears a fault of the Deployment whose {@code by} ({@code deploymentKey} or {@code deploymentId}) is {@code name}; the answer. */
    private JsonNode fault(String action, String by, String name) {
        return http.post(FAULTS, token, "{\"action\":\"" + action + "\",\"" + by + "\":\"" + name + "\"}").expect(200).json();
    }

    private JsonNode failNextBuild(String deploymentKey, String applicationName) {
        return http.post(FAULTS, token, "{\"action\":\"failNextBuild\",\"deploymentKey\":\"" + deploymentKey
                + "\",\"applicationName\":\"" + applicationName + "\"}").expect(200).json();
    }

    /** Creates the preview Deployment of {@link #preview}; its id. */
    private String created(String key) {
        return http.post("/project-a/deployments", token, preview(key)).expect(201).json().get("id").asText();
    }

    private String tokenOf(String client, String secret) {
        return http.token(client, secret, null).expect(200).json().get("access_token").asText();
    }

    @Nested
    @DisplayName("clearing faults")
    class Clearing {

        @Test
        @DisplayName("by key forgets a failNextBuild: the Deployment created next deploys")
        void clearByKeyForgetsFailNextBuild() {
            failNextBuild("cleared-fail", "service");
            failNextBuild("cleared-fail", "nightly");

            JsonNode cleared = fault("clear", "deploymentKey", "cleared-fail");

            assertEquals("{\"action\":\"clear\",\"projectKey\":\"project-a\",\"deploymentKey\":\"cleared-fail\"}", cleared.toString());
            http.post("/project-a/deployments", token, preview("cleared-fail")).expect(201);
            assertEquals("Deployed", status("cleared-fail"));
        }

        @Test
        @DisplayName("by key releases a held build, which finishes Deployed")
        void clearByKeyReleasesHold() {
            fault("hold", "deploymentKey", "cleared-hold");
            http.post("/project-a/deployments", token, preview("cleared-hold")).expect(201);
            assertEquals("Deploying", status("cleared-hold"));

            fault("clear", "deploymentKey", "cleared-hold");

            assertEquals("Deployed", status("cleared-hold"));
        }

        @Test
        @DisplayName("by key also forgets the faults set by the id of the Deployment with that key")
        void clearByKeyForgetsFaultsById() {
            String id = created("cleared-key-id");
            fault("hold", "deploymentId", id);
            redeploy("cleared-key-id");
            assertEquals("Deploying", status("cleared-key-id"));
            fault("failNextUndeploy", "deploymentId", id);

            fault("clear", "deploymentKey", "cleared-key-id");

            assertEquals("Deployed", status("cleared-key-id"));
            deletesCleanly(id);
        }

        @Test
        @DisplayName("by id forgets the faults set by its id and by its key")
        void clearByIdForgetsFaultsByIdAndKey() {
            String id = created("cleared-id");
            fault("failNextUndeploy", "deploymentId", id);
            failNextBuild("cleared-id", "service");

            JsonNode cleared = fault("clear", "deploymentId", id);

            assertEquals("{\"action\":\"clear\",\"projectKey\":\"project-a\",\"deploymentId\":\"" + id + "\"}", cleared.toString());
            redeploy("cleared-id");
            assertEquals("Deployed", status("cleared-id"));
            deletesCleanly(id);
        }

        @Test
        @DisplayName("of one Deployment leaves another's")
        void clearLeavesOtherDeployments() {
            fault("hold", "deploymentKey", "cleared-one");
            fault("hold", "deploymentKey", "kept-other");

            fault("clear", "deploymentKey", "cleared-one");

            http.post("/project-a/deployments", token, preview("kept-other")).expect(201);
            assertEquals("Deploying", status("kept-other"));
            fault("release", "deploymentKey", "kept-other");
            assertEquals("Deployed", status("kept-other"));
        }

        @Test
        @DisplayName("DELETE clears every fault of the project, by key and by id, releases its holds, and answers what it did")
        void deleteClearsTheProject() {
            http.post("/project-a/deployments", token, preview("all-held")).expect(201);
            String id = created("all-by-id");
            fault("hold", "deploymentKey", "all-held");
            redeploy("all-held");
            assertEquals("Deploying", status("all-held"));
            failNextBuild("all-fail", "service");
            fault("failNextUndeploy", "deploymentId", id);

            JsonNode cleared = http.delete(FAULTS, token).expect(200).json();

            assertEquals("{\"action\":\"clear\",\"projectKey\":\"project-a\"}", cleared.toString());
            assertEquals("Deployed", status("all-held"));
            http.post("/project-a/deployments", token, preview("all-fail")).expect(201);
            assertEquals("Deployed", status("all-fail"));
            deletesCleanly(id);
        }

        @Test
        @DisplayName("DELETE of another project's faults leaves this project's")
        void deleteIsPerProject() {
            fault("hold", "deploymentKey", "survives");

            http.delete("/.connectstage/projects/project-b/faults", tokenOf("other", "other-secret")).expect(200);

            http.post("/project-a/deployments", token, preview("survives")).expect(201);
            assertEquals("Deploying", status("survives"));
            fault("release", "deploymentKey", "survives");
            assertEquals("Deployed", status("survives"));
        }
    }

    @Nested
    @DisplayName("a fault set")
    class Faults {

        @Test
        @DisplayName("by key before the Deployment exists fails its next build once, and redeploy then deploys it")
        void failNextBuildByKeyBeforeCreation() {
            JsonNode set = http.post(FAULTS, token,
                    "{\"action\":\"failNextBuild\",\"deploymentKey\":\"fails-once\",\"applicationName\":\"service\"}").expect(200).json();
            assertEquals("failNextBuild", set.get("action").asText());
            assertEquals("fails-once", set.get("deploymentKey").asText());
            http.post("/project-a/deployments", token, preview("fails-once")).expect(201);
            assertEquals("Failed", status("fails-once"));
            JsonNode failed = http.get("/project-a/deployments/key=fails-once", token).expect(200).json();
            assertTrue(failed.at("/details/build/report/entries").toString().contains("fault injected"), failed.toString());
            http.post("/project-a/deployments/key=fails-once", token, "{\"version\":" + version("fails-once")
                    + ",\"actions\":[{\"action\":\"redeploy\"}]}").expect(200);
            assertEquals("Deployed", status("fails-once"));
        }

        @Test
        @DisplayName("hold keeps builds Deploying while clients poll, release finishes them")
        void holdAndRelease() {
            fault("hold", "deploymentKey", "held");
            http.post("/project-a/deployments", token, preview("held")).expect(201);
            for (int poll = 0; poll < 5; poll++) {
                assertEquals("Deploying", status("held"));
            }
            fault("release", "deploymentKey", "held");
            assertEquals("Deployed", status("held"));
        }

        @Test
        @DisplayName("by id fails the next undeploy: the Deployment ends UndeployFailed, and a second delete removes it")
        void failNextUndeployById() {
            String id = created("undeploy-fails");
            assertEquals("Deployed", status("undeploy-fails"));
            fault("failNextUndeploy", "deploymentId", id);
            http.delete("/project-a/deployments/" + id, token).expect(202);
            assertEquals("UndeployFailed", status("undeploy-fails"));
            http.delete("/project-a/deployments/" + id + "?version=" + version("undeploy-fails"), token).expect(202);
            http.get("/project-a/deployments/" + id, token).expect(404, "ResourceNotFound");
        }

        @Test
        @DisplayName("for another project's key does not touch this project's Deployment of that key")
        void keysArePerProject() {
            String other = http.token("other", "other-secret", null).expect(200).json().get("access_token").asText();
            http.post("/.connectstage/projects/project-b/faults", other,
                    "{\"action\":\"failNextBuild\",\"deploymentKey\":\"same-key\",\"applicationName\":\"service\"}").expect(200);
            http.post("/project-a/deployments", token, preview("same-key")).expect(201);
            assertEquals("Deployed", status("same-key"));
        }
    }

    @Nested
    @DisplayName("who may set faults")
    class Access {

        @Test
        @DisplayName("401 without a token, 403 for another project's token or a narrower scope, 404 for an unknown project")
        void onlyManageProjectOfThatProject() {
            String body = "{\"action\":\"hold\",\"deploymentKey\":\"nobody\"}";
            http.post(FAULTS, null, body).expect(401, "invalid_token");
            String other = http.token("other", "other-secret", null).expect(200).json().get("access_token").asText();
            http.post(FAULTS, other, body).expect(403, "insufficient_scope");
            String deployer = http.token("deployer", "deployer-secret", null).expect(200).json().get("access_token").asText();
            http.post(FAULTS, deployer, body).expect(403, "insufficient_scope");
            http.post("/.connectstage/projects/no-such-project/faults", token, body).expect(404, "ResourceNotFound");
        }

        @Test
        @DisplayName("clearing takes the same: 401, 403 and 404 for POST clear and DELETE, and a refused DELETE clears nothing")
        void clearingNeedsManageProjectOfThatProject() {
            String clear = "{\"action\":\"clear\",\"deploymentKey\":\"refused-clear\"}";
            String other = tokenOf("other", "other-secret");
            String deployer = tokenOf("deployer", "deployer-secret");
            fault("hold", "deploymentKey", "refused-clear");

            http.post(FAULTS, null, clear).expect(401, "invalid_token");
            http.post(FAULTS, other, clear).expect(403, "insufficient_scope");
            http.post(FAULTS, deployer, clear).expect(403, "insufficient_scope");
            http.delete(FAULTS, null).expect(401, "invalid_token");
            http.delete(FAULTS, other).expect(403, "insufficient_scope");
            http.delete(FAULTS, deployer).expect(403, "insufficient_scope");
            http.delete("/.connectstage/projects/no-such-project/faults", token).expect(404, "ResourceNotFound");

            http.post("/project-a/deployments", token, preview("refused-clear")).expect(201);
            assertEquals("Deploying", status("refused-clear"));
            http.post(FAULTS, token, clear).expect(200);
            assertEquals("Deployed", status("refused-clear"));
        }

        @Test
        @DisplayName("other paths and methods under /.connectstage answer 404 and 405 in the Connect error format")
        void pathsAndMethods() {
            for (String method : List.of("GET", "PUT", "PATCH")) {
                Http.Reply r = http.send(method, FAULTS, token, null, null).expect(405, "General");
                assertEquals("POST, DELETE", r.raw().headers().firstValue("Allow").orElse(""), method);
            }
            http.post("/.connectstage/projects/project-a", token, "{}").expect(404, "ResourceNotFound");
            http.post("/.connectstage/faults", token, "{}").expect(404, "ResourceNotFound");
            http.get("/.connectstage", token).expect(404, "ResourceNotFound");
        }
    }

    @Nested
    @DisplayName("a bad fault")
    class BadInput {

        @Test
        @DisplayName("answers 400 with every problem of the body, never a stack trace")
        void everyProblemAt400() {
            JsonNode errors = http.post(FAULTS, token, "{\"action\":\"explode\",\"deploymentKey\":\"x\",\"colour\":\"red\"}")
                    .expect(400, "InvalidJsonInput").json().get("errors");
            List<String> details = new ArrayList<>();
            errors.forEach(e -> details.add(e.get("detailedErrorMessage").asText()));
            assertEquals(3, details.size(), details.toString());
            assertTrue(details.stream().anyMatch(d -> d.startsWith("colour:")), details.toString());
            assertTrue(details.stream().anyMatch(d -> d.startsWith("action:")), details.toString());
            assertTrue(details.stream().anyMatch(d -> d.startsWith("deploymentKey:")), details.toString());

            for (String body : List.of("", "not json", "[1,2]", "{\"action\":\"failNextBuild\",\"deploymentKey\":\"k\"}",
                    "{\"action\":\"hold\"}", "{\"action\":\"hold\",\"deploymentKey\":\"ab\",\"deploymentId\":\"cd\"}",
                    "{\"action\":\"hold\",\"deploymentKey\":\"ab\",\"applicationName\":\"service\"}",
                    "{\"action\":7,\"deploymentKey\":\"ab\"}", "{\"action\":\"hold\",\"deploymentKey\":\"a b\"}")) {
                Http.Reply r = http.post(FAULTS, token, body).expect(400, "InvalidJsonInput");
                assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
            }
            http.send("POST", FAULTS, token, "text/plain", "{}").expect(415, "General");
        }

        @Test
        @DisplayName("by the id of no Deployment of that project answers 404")
        void unknownIdIs404() {
            http.post(FAULTS, token, "{\"action\":\"hold\",\"deploymentId\":\"no-such-id\"}").expect(404, "ResourceNotFound");
            http.post(FAULTS, token, "{\"action\":\"clear\",\"deploymentId\":\"no-such-id\"}").expect(404, "ResourceNotFound");
        }

        @Test
        @DisplayName("clear answers 400 without a Deployment, with an application, or with both key and id")
        void badClearIs400() {
            for (String body : List.of("{\"action\":\"clear\"}", "{\"action\":\"clear\",\"deploymentKey\":\"ab\",\"applicationName\":\"service\"}",
                    "{\"action\":\"clear\",\"deploymentKey\":\"ab\",\"deploymentId\":\"cd\"}",
                    "{\"action\":\"clear\",\"deploymentKey\":\"a b\"}", "{\"action\":\"clear\",\"deploymentId\":\"\"}")) {
                http.post(FAULTS, token, body).expect(400, "InvalidJsonInput");
            }
            String detail = http.post(FAULTS, token, "{\"action\":\"wipe\",\"deploymentKey\":\"ab\"}").expect(400, "InvalidJsonInput")
                    .json().at("/errors/0/detailedErrorMessage").asText();
            assertTrue(detail.contains("clear"), detail);
        }

        @Test
        @DisplayName("DELETE with a body answers 400 and clears nothing: a body means one Deployment, which POST clear is for")
        void deleteWithBodyIsRefused() {
            fault("hold", "deploymentKey", "delete-body");

            for (String body : List.of("{\"deploymentKey\":\"delete-body\"}", "{}", "x")) {
                Http.Reply r = http.send("DELETE", FAULTS, token, "application/json", body).expect(400, "InvalidJsonInput");
                assertTrue(r.body().contains("takes no body"), r.body());
            }

            http.post("/project-a/deployments", token, preview("delete-body")).expect(201);
            assertEquals("Deploying", status("delete-body"));
            http.send("DELETE", FAULTS, token, "application/json", "").expect(200);
            assertEquals("Deployed", status("delete-body"));
        }
    }
}
