package example;

import static io.connectstage.error.ConnectException.orThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.junit.ConnectServerExtension;
import io.connectstage.junit.ConnectServerInfo;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.resource.ResourceRef;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's typical tests, as the JUnit quick start of the README shows them: a draft
 * created and updated over HTTP, a preview that settles, a private connector published and
 * deployed by the project that created it, and two tests that create the same key, which pass
 * because the server is reset before each test.
 */
@DisplayName("A tool's tests against the extension")
class DraftLifecycleTest {

    // One server for the class, emptied before each test. Every repository is accepted without
    // being read, as one service application named "service" (a Deployment needs an application).
    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("my-project")
            .analyzer(ConnectorAnalyzer.accepting(List.of(
                    new ConnectorConfigurationApplication("service", ApplicationType.SERVICE, List.of(), List.of()))))
            .build();

    private static final String DRAFT = "{\"key\":\"my-connector\",\"name\":\"My connector\","
            + "\"creator\":{\"email\":\"me@example.com\"},"
            + "\"repository\":{\"url\":\"https://github.com/acme/connector.git\",\"tag\":\"1.0.0\"}}";

    private static String update(long version, String action) {
        return "{\"version\":" + version + ",\"actions\":[" + action + "]}";
    }

    @Test
    @DisplayName("a draft created over HTTP is seen by the project's services in process")
    void createsADraftOverHttp(ConnectServerInfo info) {
        ConnectorStaged draft = info.post("/connectors/drafts", DRAFT).assertStatus(201).staged();

        assertEquals("my-connector", draft.key());
        assertEquals(1, draft.version());
        assertEquals("My connector", orThrow(info.space().connectors().get(ResourceRef.key("my-connector"))).name());
    }

    @Test
    @DisplayName("a key another test created is free again: the server forgets every connector before each test")
    void aKeyOfAnotherTestIsFreeAgain(ConnectServerInfo info) {
        info.post("/connectors/drafts", DRAFT).assertStatus(201);   // every test of this class creates my-connector

        // within one test the key is taken
        assertEquals("DuplicateField", info.post("/connectors/drafts", DRAFT).assertStatus(400).json()
                .at("/errors/0/code").asText());
    }

    @Test
    @DisplayName("an update with a stale version is refused with 409")
    void updatesTheDraftWithItsCurrentVersion(ConnectServerInfo info) {
        info.post("/connectors/drafts", DRAFT).assertStatus(201);

        ConnectorStaged renamed = info.post("/connectors/drafts/key=my-connector",
                update(1, "{\"action\":\"setName\",\"name\":\"New name\"}")).assertStatus(201).staged();
        info.post("/connectors/drafts/key=my-connector",
                update(1, "{\"action\":\"setName\",\"name\":\"Too late\"}")).assertStatus(409);

        assertEquals("New name", renamed.name());
    }

    @Test
    @DisplayName("a preview request settles as previewable")
    void aPreviewRequestSettles(ConnectServerInfo info) {
        info.post("/connectors/drafts", DRAFT).assertStatus(201);
        info.post("/connectors/drafts/key=my-connector", update(1, "{\"action\":\"updatePreviewable\"}")).assertStatus(201);

        info.awaitSettled();

        assertEquals(IsPreviewable.TRUE, info.get("/connectors/drafts/key=my-connector").assertStatus(200).staged().isPreviewable());
    }

    @Test
    @DisplayName("a connector published for private use is deployed by the project that created it")
    void deploysItsOwnPrivateConnector(ConnectServerInfo info) {
        ConnectorStaged draft = info.post("/connectors/drafts", DRAFT).assertStatus(201).staged();
        info.post("/connectors/drafts/key=my-connector",
                update(draft.version(), "{\"action\":\"publish\",\"certification\":false}")).assertStatus(201);
        info.awaitSettled();
        assertEquals(ConnectorStatus.PUBLISHED, info.get("/connectors/drafts/key=my-connector").assertStatus(200).staged().status());

        info.post("/my-project/deployments", "{\"key\":\"my-deployment\",\"connector\":{\"key\":\"my-connector\"},"
                + "\"region\":\"europe-west1.gcp\",\"configurations\":[{\"applicationName\":\"service\"}]}").assertStatus(201);
        info.awaitSettled();

        assertEquals("Deployed", info.get("/my-project/deployments/key=my-deployment").assertStatus(200)
                .json().get("status").asText());
        assertEquals(DeploymentStatus.DEPLOYED,
                orThrow(info.space().deployments().get(ResourceRef.key("my-deployment"))).status());
    }
}
