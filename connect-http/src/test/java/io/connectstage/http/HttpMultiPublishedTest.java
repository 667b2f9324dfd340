package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.CertificationDesk;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.memory.InMemoryConnectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Published Connectors are one store for all projects: a public Connector published from project A
 * is read and found by project B; a private one only by A and its {@code privateProjects}.
 */
@DisplayName("published Connectors shared between projects")
class HttpMultiPublishedTest {
    private final Map<String, ConnectorStore> staged = new ConcurrentHashMap<>();
    private ConnectServer server;
    private Http http;
    private String a;
    private String b;
    private String c;

    @BeforeEach
    void start() {
        PerProjectSpaces spaces = PerProjectSpaces.builder()
                .staged(key -> staged.computeIfAbsent(key, k -> new InMemoryConnectorStore()))
                .analyzer(ConnectorAnalyzer.acceptingEverything())
                .executor(Runnable::run)
                .build();
        server = ConnectServer.builder()
                .client(OAuthClient.parse("a:sa:manage_project:project-a").get())
                .client(OAuthClient.parse("b:sb:view_connectors:project-b").get())
                .client(OAuthClient.parse("c:sc:manage_connectors:project-c").get())
                .spaces(spaces).start();
        http = new Http(server.baseUri());
        a = token("a", "sa");
        b = token("b", "sb");
        c = token("c", "sc");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String token(String id, String secret) {
        return http.token(id, secret, null).expect(200).json().get("access_token").asText();
    }

    private JsonNode update(String token, String key, String actions) {
        long version = http.get("/connectors/drafts/key=" + key, token).expect(200).json().get("version").asLong();
        return http.post("/connectors/drafts/key=" + key, token, "{\"version\":" + version + ",\"actions\":[" + actions + "]}")
                .expect(201).json();
    }

    /** Publishes from A (processing inline); answers the id. */
    private String publishFromA(String key, String moreActions) {
        String id = http.post("/connectors/drafts", a, Http.draft(key)).expect(201).json().get("id").asText();
        if (!moreActions.isEmpty()) {
            update(a, key, moreActions);
        }
        update(a, key, "{\"action\":\"publish\",\"certification\":false}");
        assertEquals("Published", http.get("/connectors/drafts/" + id, a).expect(200).json().get("status").asText());
        return id;
    }

    private List<String> searchIds(String token, String query) {
        List<String> ids = new ArrayList<>();
        http.get("/connectors/search" + query, token).expect(200).json().get("results").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void aPrivateConnectorIsReadByItsProjectAndItsPrivateProjectsOnly() {
        String id = publishFromA("shared-with-b", "{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:project-b\"}");
        assertTrue(http.get("/connectors/" + id, a).expect(200).json().get("private").asBoolean());
        http.get("/connectors/" + id, b).expect(200);
        http.get("/connectors/key=shared-with-b", b).expect(200);
        assertEquals(List.of(id), searchIds(b, "?key=shared-with-b"));
        http.get("/connectors/" + id, c).expect(404, "ResourceNotFound");
        http.get("/connectors/key=shared-with-b", c).expect(404, "ResourceNotFound");
        assertEquals(List.of(), searchIds(c, "?key=shared-with-b"));
        assertEquals(0, http.get("/connectors/search?key=shared-with-b", c).expect(200).json().get("total").asInt());
    }

    @Test
    void aPublicConnectorIsReadAndFoundByEveryProject() {
        String id = publishFromA("made-public", "");
        http.get("/connectors/" + id, c).expect(404, "ResourceNotFound");
        CertificationDesk desk = new CertificationDesk(staged.get("project-a"), server.spaces().of("project-a").processor().orElseThrow());
        update(a, "made-public", "{\"action\":\"publish\",\"certification\":true}");
        assertTrue(desk.start(id).isRight());
        assertTrue(desk.approve(id).isRight());
        JsonNode read = http.get("/connectors/" + id, c).expect(200).json();
        assertEquals(false, read.get("private").asBoolean());
        assertEquals(true, read.get("certified").asBoolean());
        http.get("/connectors/key=made-public", b).expect(200);
        assertEquals(List.of(id), searchIds(c, "?text=made-public"));
        assertEquals(List.of(id), searchIds(b, "?creator.company=acme&key=made-public"));
    }

    @Test
    void searchPagesAndCountsOnlyWhatTheProjectMayRead() {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            publishFromA("hidden-" + i, "");
            visible.add(publishFromA("seen-" + i, "{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:project-b\"}"));
        }
        visible.sort(null);
        JsonNode page = http.get("/connectors/search?limit=2&offset=1&sort=id", b).expect(200).json();
        assertEquals(4, page.get("total").asInt());
        assertEquals(2, page.get("count").asInt());
        assertEquals(visible.subList(1, 3), List.of(page.get("results").get(0).get("id").asText(),
                page.get("results").get(1).get("id").asText()));
        assertEquals(8, http.get("/connectors/search", a).expect(200).json().get("total").asInt());
        assertEquals(0, http.get("/connectors/search", c).expect(200).json().get("total").asInt());
    }

    @Test
    void keysArePerProjectSoTheReadersOwnComesFirst() {
        String fromA = publishFromA("same-key", "{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:project-c\"}");
        String fromC = http.post("/connectors/drafts", c, Http.draft("same-key")).expect(201).json().get("id").asText();
        update(c, "same-key", "{\"action\":\"publish\",\"certification\":false}");
        assertEquals(fromA, http.get("/connectors/key=same-key", a).expect(200).json().get("id").asText());
        assertEquals(fromC, http.get("/connectors/key=same-key", c).expect(200).json().get("id").asText());
        http.get("/connectors/key=same-key", b).expect(404, "ResourceNotFound");
    }
}
