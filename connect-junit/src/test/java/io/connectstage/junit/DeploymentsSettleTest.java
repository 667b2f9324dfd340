package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Region;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.http.Http;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import io.connectstage.testkit.SampleDeployments;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("awaitSettled waits for Deployment steps done in the background too")
class DeploymentsSettleTest {

    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("deploying")
            .analyzer((repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                    ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                    SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null))
            .build();

    @BeforeEach
    void publishedConnector(ConnectServerInfo info) {
        ConnectorStaged created = info.post("/connectors/drafts", Http.draft("deployed-connector")).assertStatus(201).staged();
        info.post("/connectors/drafts/" + created.id(), Updates.publish(created.version())).assertStatus(201);
        info.awaitSettled();
    }

    private static String production(String key) {
        return DeploymentJson.writeForStorage(DeploymentDraft.builder().key(key).type(DeploymentType.PRODUCTION)
                .region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", SampleDeployments.DB_PASSWORD))
                .globalConfiguration(SampleDeployments.validGlobal())
                .connectorKey("deployed-connector").build());
    }

    @Test
    void aDeploymentIsDeployedOnceSettled(ConnectServerInfo info) {
        info.post("/deploying/deployments", production("settled")).assertStatus(201);

        info.awaitSettled();

        assertEquals("Deployed", info.get("/deploying/deployments/key=settled").assertStatus(200).json().get("status").asText());
    }

    @Test
    void aHeldBuildCountsAsSettledAndGoesOnWhenReleased(ConnectServerInfo info, DeploymentFaults faults) {
        faults.hold("deploying", ResourceRef.key("held"));
        info.post("/deploying/deployments", production("held")).assertStatus(201);

        info.awaitSettled();
        assertEquals("Deploying", info.get("/deploying/deployments/key=held").assertStatus(200).json().get("status").asText());

        faults.release("deploying", ResourceRef.key("held"));
        info.awaitSettled();
        assertEquals("Deployed", info.get("/deploying/deployments/key=held").assertStatus(200).json().get("status").asText());
    }
}
