package io.connectstage.junit;

import io.connectstage.http.Http;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("With resets off, a test sees what the tests before it left")
@ConnectServerTest(resetBetweenTests = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoResetBetweenTestsTest {

    @Test
    @Order(1)
    void aTestCreatesAConnector(ConnectServerInfo connect) {
        connect.post("/connectors/drafts", Http.draft("kept-key")).assertStatus(201);
    }

    @Test
    @Order(2)
    void theNextSeesIt(ConnectServerInfo connect) {
        connect.get("/connectors/drafts/key=kept-key").assertStatus(200);
        connect.post("/connectors/drafts", Http.draft("kept-key")).assertStatus(400);
    }
}
