package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.http.Http;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("A class's server forgets each test's connectors, published Connectors and faults before the next test")
@ConnectServerTest(projectKey = "reset-project")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

    @Test
    @Order(1)
    void aTestLeavesAConnectorAPublishedConnectorAndAFault(ConnectServerInfo connect, DeploymentFaults faults) {
        ConnectorStaged created = connect.post("/connectors/drafts", Http.draft("same-key")).assertStatus(201).staged();
        connect.post("/connectors/drafts/" + created.id(), Updates.publish(created.version())).assertStatus(201);
        connect.awaitSettled();
        connect.get("/connectors/key=same-key").assertStatus(200);
        faults.hold("reset-project", ResourceRef.key("held-deployment"));
        assertTrue(faults.isHeld("reset-project", ResourceRef.key("held-deployment")));
    }

    @Test
    @Order(2)
    void theNextStartsFromNothingWithTheSameTokenWorking(ConnectServerInfo connect, DeploymentFaults faults) {
        connect.get("/connectors/key=same-key").assertStatus(404);
        connect.get("/connectors/drafts/key=same-key").assertStatus(404);
        connect.post("/connectors/drafts", Http.draft("same-key")).assertStatus(201); // not DuplicateField
        assertFalse(faults.isHeld("reset-project", ResourceRef.key("held-deployment")));
    }
}
