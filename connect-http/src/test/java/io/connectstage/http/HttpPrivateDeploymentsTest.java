package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Region;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.Analysis;
import io.connectstage.store.jdbc.JdbcPublishedConnectorStore;
import io.connectstage.store.jdbc.JdbcStores;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import io.connectstage.testkit.SampleDeployments;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may deploy a private Connector over HTTP: the project that created it, always (the
 * reference: "If empty, only the creator can access this Connector"), and the projects of its
 * {@code privateProjects}; any other project is refused with {@code AuthorizationError} naming the
 * reason. With the access records in memory and in a database ({@link JdbcPublishedAccess}).
 */
@DisplayName("Deployments of a private Connector over HTTP")
class HttpPrivateDeploymentsTest {

    private static String deployment(String key, DeploymentType type, String connectorKey, boolean staged) {
        DeploymentDraft.Builder b = DeploymentDraft.builder().key(key).type(type).region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", SampleDeployments.DB_PASSWORD))
                .globalConfiguration(SampleDeployments.validGlobal());
        return DeploymentJson.writeForStorage((staged ? b.stagedConnectorKey(connectorKey) : b.connectorKey(connectorKey)).build());
    }

    @ParameterizedTest(name = "access records {0}")
    @ValueSource(strings = {"in memory", "on H2"})
    @DisplayName("the creator's project previews and deploys it without being among its privateProjects, "
            + "a private project deploys it, any other project is refused with the reason")
    void creatorAndPrivateProjectsDeployOthersAreRefused(String where) {
        HikariDataSource db = where.equals("on H2") ? JdbcStores.h2InMemory("private-deployments-" + System.nanoTime()) : null;
        SharedPublished shared = db == null
                ? new SharedPublished(new InMemoryPublishedConnectorStore(), PublishedAccess.memory())
                : new SharedPublished(new JdbcPublishedConnectorStore(db), new JdbcPublishedAccess(db));
        PerProjectSpaces spaces = PerProjectSpaces.builder().published(shared).executor(Runnable::run)
                .analyzer((repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                        ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                        SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null))
                .build();
        try (ConnectServer server = ConnectServer.builder()
                .client(OAuthClient.parse("a:sa:manage_project:project-a").get())
                .client(OAuthClient.parse("b:sb:manage_project:project-b").get())
                .client(OAuthClient.parse("c:sc:manage_project:project-c").get())
                .spaces(spaces).start()) {
            Http http = new Http(server.baseUri());
            String a = http.token("a", "sa", null).expect(200).json().get("access_token").asText();
            String b = http.token("b", "sb", null).expect(200).json().get("access_token").asText();
            String c = http.token("c", "sc", null).expect(200).json().get("access_token").asText();

            JsonNode staged = http.post("/connectors/drafts", a, Http.draft("mine")).expect(201).json();
            assertEquals(0, staged.get("privateProjects").size(), staged.toString());
            staged = http.post("/connectors/drafts/key=mine", a, "{\"version\":" + staged.get("version").asLong()
                    + ",\"actions\":[{\"action\":\"updatePreviewable\"}]}").expect(201).json();
            http.post("/project-a/deployments", a, deployment("preview", DeploymentType.PREVIEW, "mine", true)).expect(201);

            staged = http.get("/connectors/drafts/key=mine", a).expect(200).json();
            http.post("/connectors/drafts/key=mine", a, "{\"version\":" + staged.get("version").asLong()
                    + ",\"actions\":[{\"action\":\"publish\",\"certification\":false}]}").expect(201);
            http.post("/project-a/deployments", a, deployment("own", DeploymentType.SANDBOX, "mine", false)).expect(201);
            http.post("/project-b/deployments", b, deployment("partner", DeploymentType.SANDBOX, "mine", false))
                    .expect(403, "AuthorizationError");

            staged = http.get("/connectors/drafts/key=mine", a).expect(200).json();
            staged = http.post("/connectors/drafts/key=mine", a, "{\"version\":" + staged.get("version").asLong()
                    + ",\"actions\":[{\"action\":\"addPrivateProject\",\"privateProject\":\"us-central1.gcp:project-b\"},"
                    + "{\"action\":\"publish\",\"certification\":false}]}").expect(201).json();
            assertEquals("Published", http.get("/connectors/drafts/key=mine", a).expect(200).json().get("status").asText());
            http.post("/project-b/deployments", b, deployment("partner", DeploymentType.SANDBOX, "mine", false)).expect(201);

            JsonNode refused = http.post("/project-c/deployments", c, deployment("stranger", DeploymentType.SANDBOX, "mine", false))
                    .expect(403, "AuthorizationError").json();
            assertEquals("Access denied", refused.at("/errors/0/message").asText(), refused.toString());
            assertTrue(refused.at("/errors/0/detailedErrorMessage").asText()
                    .contains("project 'project-c' did not create it and is not among its privateProjects"), refused.toString());
            http.get("/connectors/key=mine", c).expect(404, "ResourceNotFound");
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }
}
