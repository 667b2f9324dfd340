package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.json.ConnectJson;
import io.connectstage.junit.ConnectServerExtension;
import io.connectstage.junit.ConnectServerInfo;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorAnalyzer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's typical tests, as the JUnit quick start of the README shows them: a draft
 * created and updated over HTTP, a preview that settles, and a preview Deployment.
 */
class DraftLifecycleTest {

    // Accepts every repository without reading it, as one service application named "service"
    // (ConnectorAnalyzer.acceptingEverything() declares no application, and a Deployment needs one).
    static final ConnectorAnalyzer ONE_SERVICE = (repository, at) -> new Analysis(true, List.of(),
            List.of(new ConnectorConfigurationApplication("service", ApplicationType.SERVICE, List.of(), List.of())),
            null, null);

    // An instance field: a server of its own per test, so tests do not see each other's connectors.
    // Processing runs on the caller's thread: a preview or a Deployment has settled when its
    // request is answered.
    @RegisterExtension
    ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("my-project")
            .spaces(PerProjectSpaces.builder()
                    .analyzer(ONE_SERVICE)
                    .executor(Runnable::run)
                    .build())
            .build();

    @Test
    void createsADraftOverHttp(ConnectServerInfo info) throws Exception {
        HttpResponse<String> created = post(info, "/connectors/drafts", DRAFT);

        assertEquals(201, created.statusCode(), created.body());
        ConnectorStaged draft = ConnectJson.readStaged(created.body()).get();
        assertEquals("my-connector", draft.key());
        assertEquals(1, draft.version());
        // the in-process service sees what HTTP wrote
        assertEquals("My connector", info.space().connectors().getByKey("my-connector").get().name());
    }

    @Test
    void updatesTheDraftWithItsCurrentVersion(ConnectServerInfo info) throws Exception {
        post(info, "/connectors/drafts", DRAFT);

        HttpResponse<String> renamed = post(info, "/connectors/drafts/key=my-connector",
                "{\"version\":1,\"actions\":[{\"action\":\"setName\",\"name\":\"New name\"}]}");
        HttpResponse<String> stale = post(info, "/connectors/drafts/key=my-connector",
                "{\"version\":1,\"actions\":[{\"action\":\"setName\",\"name\":\"Too late\"}]}");

        assertEquals(201, renamed.statusCode(), renamed.body());
        assertEquals("New name", ConnectJson.readStaged(renamed.body()).get().name());
        assertEquals(409, stale.statusCode(), stale.body());
    }

    @Test
    void aPreviewRequestSettles(ConnectServerInfo info) throws Exception {
        post(info, "/connectors/drafts", DRAFT);

        post(info, "/connectors/drafts/key=my-connector", "{\"version\":1,\"actions\":[{\"action\":\"updatePreviewable\"}]}");

        HttpResponse<String> read = info.httpClient().send(info.request("/connectors/drafts/key=my-connector").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(IsPreviewable.TRUE, ConnectJson.readStaged(read.body()).get().isPreviewable());
    }

    @Test
    void aPreviewDeploymentIsDeployed(ConnectServerInfo info) throws Exception {
        post(info, "/connectors/drafts", DRAFT);
        post(info, "/connectors/drafts/key=my-connector", "{\"version\":1,\"actions\":[{\"action\":\"updatePreviewable\"}]}");

        HttpResponse<String> created = post(info, "/my-project/deployments", "{\"key\":\"my-preview\",\"type\":\"preview\","
                + "\"connector\":{\"key\":\"my-connector\",\"staged\":true},\"region\":\"europe-west1.gcp\","
                + "\"configurations\":[{\"applicationName\":\"service\"}]}");

        assertEquals(201, created.statusCode(), created.body());
        Deployment deployment = info.space().deployments().getByKey("my-project", "my-preview").get();
        assertEquals(DeploymentStatus.DEPLOYED, deployment.status());
        HttpResponse<String> read = info.httpClient().send(info.request("/my-project/deployments/key=my-preview").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(DeploymentStatus.DEPLOYED, DeploymentJson.readDeployment(read.body()).get().status());
    }

    private static final String DRAFT = "{\"key\":\"my-connector\",\"name\":\"My connector\","
            + "\"creator\":{\"email\":\"me@example.com\"},"
            + "\"repository\":{\"url\":\"https://github.com/acme/connector.git\",\"tag\":\"1.0.0\"}}";

    private static HttpResponse<String> post(ConnectServerInfo info, String path, String json) throws Exception {
        HttpRequest request = info.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return info.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
