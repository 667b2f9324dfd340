package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.ConnectorAnalyzer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /.connectstage/projects/{projectKey}/certification/{ref}}: the emulator's stand-in
 * for commercetools' review approves or rejects a connector List on Marketplace submitted.
 */
@DisplayName("the certification desk over HTTP")
class HttpCertificationDeskTest {
    private static final String DESK = "/.connectstage/projects/project-a/certification/";
    private ConnectServer server;
    private Http http;
    private String a;

    @BeforeEach
    void start() {
        PerProjectSpaces spaces = PerProjectSpaces.builder()
                .analyzer(ConnectorAnalyzer.acceptingEverything())
                .executor(Runnable::run)
                .build();
        server = ConnectServer.builder()
                .client(OAuthClient.parse("a:sa:manage_project:project-a").get())
                .client(OAuthClient.parse("v:sv:manage_connectors:project-a").get())
                .client(OAuthClient.parse("b:sb:manage_project:project-b").get())
                .spaces(spaces).start();
        http = new Http(server.baseUri());
        a = token("a", "sa");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String token(String id, String secret) {
        return http.token(id, secret, null).expect(200).json().get("access_token").asText();
    }

    /** Creates a connector and submits it with List on Marketplace (processing inline): ReadyForCertification. */
    private String submitted(String key) {
        String id = http.post("/connectors/drafts", a, Http.draft(key)).expect(201).json().get("id").asText();
        http.post("/connectors/drafts/" + id, a, "{\"version\":1,\"actions\":[{\"action\":\"publish\",\"certification\":true}]}")
                .expect(201);
        assertEquals("ReadyForCertification", http.get("/connectors/drafts/" + id, a).expect(200).json().get("status").asText());
        return id;
    }

    @Test
    @DisplayName("an approval takes the connector up, keeps the comment and lists it: Published, certified, found by search")
    void approveLists() {
        String id = submitted("to-approve");
        JsonNode c = http.post(DESK + id, a, "{\"decision\":\"approve\",\"comment\":\"Looks good\"}").expect(200).json();
        assertEquals("Published", c.get("status").asText());
        assertEquals(true, c.get("certified").asBoolean());
        assertEquals(true, c.get("alreadyListed").asBoolean());
        assertEquals("Looks good", c.get("certificationInfo").get("comments").get(0).get("comment").asText());
        assertEquals(CertificationRoutes.DESK_USER, c.get("certificationInfo").get("comments").get(0).get("userId").asText());
        assertEquals(c.get("version").asLong(), http.get("/connectors/drafts/" + id, a).expect(200).json().get("version").asLong());
        assertEquals(id, http.get("/connectors/" + id, a).expect(200).json().get("id").asText());
    }

    @Test
    @DisplayName("a rejection fails the connector with an Error entry whose message is the comment")
    void rejectFails() {
        submitted("to-reject");
        JsonNode c = http.post(DESK + "key=to-reject", a, "{\"decision\":\"reject\",\"comment\":\"No tests\"}").expect(200).json();
        assertEquals("Failed", c.get("status").asText());
        JsonNode entry = c.get("publishingReport").get("entries").get(0);
        assertEquals("Error", entry.get("type").asText());
        assertEquals("No tests", entry.get("message").asText());
    }

    @Test
    @DisplayName("a connector not in certification is refused with ConcurrentModification and stays as it was")
    void notInCertification() {
        String id = http.post("/connectors/drafts", a, Http.draft("a-draft")).expect(201).json().get("id").asText();
        http.post(DESK + id, a, "{\"decision\":\"approve\",\"comment\":\"too early\"}").expect(409, "ConcurrentModification");
        JsonNode c = http.get("/connectors/drafts/" + id, a).expect(200).json();
        assertEquals("Draft", c.get("status").asText());
        assertEquals(1, c.get("version").asLong());
        assertTrue(c.get("certificationInfo") == null || c.get("certificationInfo").isNull());
    }

    @Test
    @DisplayName("a bad decision is 400 with every problem; a rejection without a comment too")
    void badDecision() {
        String id = submitted("bad-decision");
        JsonNode e = http.post(DESK + id, a, "{\"decision\":\"maybe\",\"other\":1}").expect(400, "InvalidJsonInput").json();
        assertEquals(2, e.get("errors").size());
        http.post(DESK + id, a, "{\"decision\":\"reject\"}").expect(400, "InvalidJsonInput");
        http.post(DESK + id, a, "[]").expect(400, "InvalidJsonInput");
        assertEquals("ReadyForCertification", http.get("/connectors/drafts/" + id, a).expect(200).json().get("status").asText());
    }

    @Test
    @DisplayName("only manage_project of that very project may decide: 401, 403 for a narrower scope or another project, 404 unknown")
    void scope() {
        String id = submitted("guarded");
        http.send("POST", DESK + id, null, "application/json", "{\"decision\":\"approve\"}").expect(401);
        http.post(DESK + id, token("v", "sv"), "{\"decision\":\"approve\"}").expect(403);
        http.post(DESK + id, token("b", "sb"), "{\"decision\":\"approve\"}").expect(403);
        http.post(DESK + "no-such-id", a, "{\"decision\":\"approve\"}").expect(404, "ResourceNotFound");
        assertEquals("ReadyForCertification", http.get("/connectors/drafts/" + id, a).expect(200).json().get("status").asText());
    }
}
