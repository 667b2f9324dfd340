package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("@ConnectServerTest")
@ConnectServerTest(projectKey = "annotated-project")
class HttpExtensionTest {

    @Test
    void injectsTheServersFactsAndAReadyToken(ConnectServerInfo connect, HttpClient client, URI base) throws Exception {
        assertSame(connect.httpClient(), client);
        assertEquals(connect.baseUri(), base);
        assertEquals("annotated-project", connect.projectKey());
        HttpResponse<String> r = client.send(connect.request("/connectors/drafts").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void theInProcessServiceSeesWhatHttpSeesAndTheOtherWayRound(ConnectServerInfo connect) throws Exception {
        connect.space().connectors().create(ConnectorStagedDraft.of("In process", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/in-process.git", "1.0.0")).withKey("in-process")).get();
        HttpResponse<String> r = connect.httpClient().send(connect.request("/connectors/drafts/key=in-process").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }
}
