package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.connectstage.processing.Analysis;
import io.connectstage.testkit.SampleDeployments;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A project whose production Deployments are deactivated, over HTTP")
class HttpProductionDeactivatedTest {

    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("project-a")
            .spaces(PerProjectSpaces.builder().executor(Runnable::run)
                    .productionDeactivated(Set.of("project-a")::contains)
                    .analyzer((repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                            ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                            SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null))
                    .build())
            .build();

    private static String draft(String key, DeploymentType type) {
        return DeploymentJson.writeForStorage(DeploymentDraft.builder().key(key).type(type).region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", SampleDeployments.DB_PASSWORD))
                .globalConfiguration(SampleDeployments.validGlobal())
                .connectorKey("seed-connector").build());
    }

    @Test
    @DisplayName("answers 400 DeploymentProductionDeactivated to a production create, and deploys to sandbox")
    void refusesProductionAndDeploysSandbox(ConnectServerInfo info) {
        Http http = new Http(info.baseUri());
        String token = info.token();
        JsonNode c = http.post("/connectors/drafts", token, Http.draft("seed-connector")).expect(201).json();
        c = http.post("/connectors/drafts/key=seed-connector", token, "{\"version\":" + c.get("version").asLong()
                + ",\"actions\":[{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:project-a\"}]}")
                .expect(201).json();
        http.post("/connectors/drafts/key=seed-connector", token, "{\"version\":" + c.get("version").asLong()
                + ",\"actions\":[{\"action\":\"publish\",\"certification\":false}]}").expect(201);
        assertEquals("Published", http.get("/connectors/drafts/key=seed-connector", token).expect(200).json()
                .get("status").asText());

        http.post("/project-a/deployments", token, draft("in-production", DeploymentType.PRODUCTION))
                .expect(400, "DeploymentProductionDeactivated");
        http.get("/project-a/deployments/key=in-production", token).expect(404, "ResourceNotFound");

        JsonNode sandbox = http.post("/project-a/deployments", token, draft("in-sandbox", DeploymentType.SANDBOX))
                .expect(201).json();
        assertEquals("sandbox", sandbox.get("type").asText());
        assertEquals(1, http.get("/project-a/deployments", token).expect(200).json().get("total").asLong());
    }
}
