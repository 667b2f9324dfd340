package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.http.Http;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

@DisplayName("What a test receives: tokens per client, a typed HTTP helper, the faults")
class ConnectServerInfoTest {

    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("info-project")
            .client(OAuthClient.parse("viewer:viewer-secret:view_connectors:info-project").get())
            .build();

    @Test
    void aStatusAssertionThatFailsPrintsTheConnectError(ConnectServerInfo info) {
        ConnectResponse refused = info.post("/connectors/drafts", "{\"name\":\"no creator, no repository\"}");

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> refused.assertStatus(201));

        assertTrue(failure.getMessage().startsWith("POST /connectors/drafts answered 400, not 201"), failure.getMessage());
        assertTrue(failure.getMessage().contains("\"code\" : \"InvalidJsonInput\""), failure.getMessage());
        assertEquals("InvalidJsonInput", refused.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void aResponseReadsAsAConnectTypeAndAValueIsPostedAsConnectJson(ConnectServerInfo info) {
        ConnectorStagedDraft draft = ConnectorStagedDraft.of("Typed", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/typed.git", "1.0.0")).withKey("typed");

        ConnectResponse created = info.post("/connectors/drafts", draft).assertStatus(201);

        assertEquals("typed", created.staged().key());
        assertEquals("application/json", created.header("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void aConfiguredClientGetsTokensWithItsScopes(ConnectServerInfo info) {
        String viewer = info.tokenFor("viewer");

        assertEquals(200, info.send(info.request("/connectors/drafts").setHeader("Authorization", "Bearer " + viewer)
                .GET().build()).status());
        assertEquals(403, info.send(info.request("/connectors/drafts").setHeader("Authorization", "Bearer " + viewer)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.draft("by-viewer"))).build()).status());
        assertThrows(IllegalArgumentException.class, () -> info.tokenFor("nobody"));
    }

    @Test
    void theInjectedFaultsAreTheOnesTheFaultEndpointSets(ConnectServerInfo info, DeploymentFaults faults) {
        assertSame(faults, info.faults());

        info.post("/.connectstage/projects/info-project/faults", "{\"action\":\"hold\",\"deploymentKey\":\"held\"}")
                .assertStatus(200);

        assertTrue(faults.isHeld("info-project", ResourceRef.key("held")));
    }
}
