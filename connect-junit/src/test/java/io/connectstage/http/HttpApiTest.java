package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.junit.ConnectServerExtension;
import io.connectstage.junit.ConnectServerInfo;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Connect HTTP API on loopback")
class HttpApiTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("project-a")
            .clock(CLOCK)
            .tokenLifetime(Duration.ofHours(1))
            .client(OAuthClient.parse("viewer:viewer-secret:view_connectors:project-a").get())
            .client(OAuthClient.parse("other:other-secret:manage_connectors:project-b").get())
            .client(OAuthClient.parse("deployer:deployer-secret:manage_connectors_deployments:project-a").get())
            .client(OAuthClient.parse("introspector:introspector-secret:introspect_oauth_tokens:project-a").get())
            .client(OAuthClient.parse("b-introspector:b-introspector-secret:introspect_oauth_tokens:project-b").get())
            .build();

    Http http;
    String token;
    URI baseUri;

    @BeforeEach
    void setUp(ConnectServerInfo info) {
        baseUri = info.baseUri();
        http = new Http(info.baseUri());
        token = info.token();
    }

    private String uniqueKey() {
        return "k-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(String key) {
        return http.post("/connectors/drafts", token, Http.draft(key)).expect(201).json();
    }

    @Nested
    @DisplayName("connectors/drafts")
    class Drafts {
        @Test
        void createAnswers201WithVersion1() {
            JsonNode c = create(uniqueKey());
            assertEquals(1, c.get("version").asLong());
            assertEquals("Draft", c.get("status").asText());
            assertTrue(c.get("id").isTextual());
        }

        @Test
        void anInvalidDraftIs400InvalidJsonInputAndCreatesNothing(ConnectServerInfo info) {
            long before = info.space().connectors().query(io.connectstage.store.ConnectorQuery.defaults()).get().total();
            http.post("/connectors/drafts", token, "{\"name\":\"x\"}").expect(400, "InvalidJsonInput");
            http.post("/connectors/drafts", token, "{not json").expect(400, "InvalidJsonInput");
            http.post("/connectors/drafts", token, "").expect(400, "InvalidJsonInput");
            assertEquals(before, info.space().connectors().query(io.connectstage.store.ConnectorQuery.defaults()).get().total());
        }

        @Test
        void getByIdAndByKey() {
            String key = uniqueKey();
            JsonNode c = create(key);
            assertEquals(key, http.get("/connectors/drafts/" + c.get("id").asText(), token).expect(200).json().get("key").asText());
            assertEquals(c.get("id"), http.get("/connectors/drafts/key=" + key, token).expect(200).json().get("id"));
            http.get("/connectors/drafts/no-such-id", token).expect(404, "ResourceNotFound");
            http.get("/connectors/drafts/key=no-such-key", token).expect(404, "ResourceNotFound");
        }

        @Test
        void updateByIdAndByKeyAnswer201() {
            String key = uniqueKey();
            String id = create(key).get("id").asText();
            JsonNode renamed = http.post("/connectors/drafts/" + id, token,
                    "{\"version\":1,\"actions\":[{\"action\":\"setName\",\"name\":\"Renamed\"}]}").expect(201).json();
            assertEquals(2, renamed.get("version").asLong());
            assertEquals("Renamed", renamed.get("name").asText());
            JsonNode again = http.post("/connectors/drafts/key=" + key, token,
                    "{\"version\":2,\"actions\":[{\"action\":\"setDescription\",\"description\":\"d\"}]}").expect(201).json();
            assertEquals(3, again.get("version").asLong());
        }

        @Test
        void aStaleVersionIs409ConcurrentModification() {
            String id = create(uniqueKey()).get("id").asText();
            http.post("/connectors/drafts/" + id, token, "{\"version\":1,\"actions\":[{\"action\":\"setName\",\"name\":\"A\"}]}").expect(201);
            http.post("/connectors/drafts/" + id, token, "{\"version\":1,\"actions\":[{\"action\":\"setName\",\"name\":\"B\"}]}")
                    .expect(409, "ConcurrentModification");
        }

        @Test
        void updateOfAnUnknownConnectorIs404() {
            http.post("/connectors/drafts/nope", token, "{\"version\":1,\"actions\":[{\"action\":\"setName\",\"name\":\"A\"}]}")
                    .expect(404, "ResourceNotFound");
        }

        @Test
        void deleteByIdAndKeyWithVersion() {
            String key = uniqueKey();
            String id = create(key).get("id").asText();
            http.delete("/connectors/drafts/" + id + "?version=7", token).expect(409, "ConcurrentModification");
            http.delete("/connectors/drafts/" + id + "?version=x", token).expect(400, "InvalidQueryParam");
            assertEquals(id, http.delete("/connectors/drafts/" + id + "?version=1", token).expect(200).json().get("id").asText());
            http.get("/connectors/drafts/" + id, token).expect(404, "ResourceNotFound");
            String key2 = uniqueKey();
            create(key2);
            http.delete("/connectors/drafts/key=" + key2 + "?version=1", token).expect(200);
            http.get("/connectors/drafts/key=" + key2, token).expect(404, "ResourceNotFound");
        }

        @Test
        void queryPagesSortsAndFilters() {
            String key = uniqueKey();
            create(key);
            JsonNode page = http.get("/connectors/drafts?limit=500&sort=key%20desc&isPrivate=true", token).expect(200).json();
            assertTrue(page.get("total").asInt() >= 1);
            assertTrue(page.get("results").findValuesAsText("key").contains(key));
            assertEquals(0, http.get("/connectors/drafts?limit=0", token).expect(200).json().get("results").size());
        }

        @Test
        void badQueryParametersAre400InvalidQueryParam() {
            http.get("/connectors/drafts?limit=501", token).expect(400, "InvalidQueryParam");
            http.get("/connectors/drafts?limit=ten", token).expect(400, "InvalidQueryParam");
            http.get("/connectors/drafts?offset=-1", token).expect(400, "InvalidQueryParam");
            http.get("/connectors/drafts?sort=colour", token).expect(400, "InvalidQueryParam");
            http.get("/connectors/drafts?isPrivate=maybe", token).expect(400, "InvalidQueryParam");
            http.get("/connectors/drafts?integrationTypes=nope", token).expect(400, "InvalidQueryParam");
        }
    }

    @Nested
    @DisplayName("published connectors")
    class Published {
        @Test
        void searchAnswersAPage() {
            JsonNode page = http.get("/connectors/search?text=x&limit=5&private=true&creator.company=acme&id=a&key=b", token)
                    .expect(200).json();
            assertEquals(5, page.get("limit").asInt());
            assertTrue(page.get("results").isArray());
            http.get("/connectors/search?sort=status", token).expect(400, "InvalidQueryParam");
        }

        @Test
        void anUnknownConnectorIs404() {
            http.get("/connectors/nope", token).expect(404, "ResourceNotFound");
            http.get("/connectors/key=nope", token).expect(404, "ResourceNotFound");
        }
    }

    @Nested
    @DisplayName("transport errors")
    class Transport {
        @Test
        void anUnknownPathIs404ResourceNotFound() {
            http.get("/nothing/here", token).expect(404, "ResourceNotFound");
            http.get("/connectors/drafts/a/b", token).expect(404, "ResourceNotFound");
            // "/" itself is the web console's page (ConnectServer.Builder.console); its unknown files are the API's 404
            http.get("/console/missing.js", null).expect(404, "ResourceNotFound");
        }

        @Test
        void aWrongMethodIs405WithAllow() {
            Http.Reply r = http.send("PUT", "/connectors/drafts", token, "application/json", "{}").expect(405, "General");
            assertEquals("GET, POST", r.raw().headers().firstValue("Allow").orElse(""));
            http.send("PATCH", "/connectors/drafts/x", token, null, null).expect(405, "General");
            http.post("/connectors/search", token, "{}").expect(405, "General");
            http.delete("/connectors/x", token).expect(405, "General");
            http.get("/oauth/token", null).expect(405, "General");
        }

        @Test
        void aBodyOverOneMebibyteIs413() {
            String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
            http.post("/connectors/drafts", token, big).expect(413, "General");
        }

        @Test
        void aNonJsonContentTypeIs415() {
            http.send("POST", "/connectors/drafts", token, "text/plain", Http.draft(uniqueKey())).expect(415, "General");
            http.send("POST", "/connectors/drafts", token, "application/x-www-form-urlencoded", "a=b").expect(415, "General");
        }

        @Test
        void jsonWithACharsetIsAccepted() {
            http.send("POST", "/connectors/drafts", token, "application/json; charset=UTF-8", Http.draft(uniqueKey())).expect(201);
        }
    }

    @Nested
    @DisplayName("OAuth")
    class OAuth {
        @Test
        void clientCredentialsGiveATokenWithTheClientsScopes() {
            JsonNode t = http.token("viewer", "viewer-secret", null).expect(200).json();
            assertEquals("Bearer", t.get("token_type").asText());
            assertEquals(3600, t.get("expires_in").asLong());
            assertEquals("view_connectors:project-a", t.get("scope").asText());
            assertTrue(t.get("access_token").asText().length() >= 32);
        }

        @Test
        void aWrongSecretIs401InvalidClientAndNeverEchoesIt() {
            Http.Reply r = http.token("viewer", "wrong-secret-xyz", null).expect(401, "invalid_client");
            assertEquals("invalid_client", r.json().get("error").asText());
            assertFalse(r.body().contains("wrong-secret-xyz"));
            assertFalse(r.body().contains("viewer-secret"));
            http.token("nobody", "viewer-secret", null).expect(401, "invalid_client");
        }

        @Test
        void aScopeTheClientLacksIsInvalidScope() {
            http.token("viewer", "viewer-secret", "manage_project:project-a").expect(400, "invalid_scope");
            http.token("viewer", "viewer-secret", "view_connectors:project-a").expect(200);
        }

        @Test
        void aGrantOtherThanClientCredentialsIsRefused() {
            Http.Reply r = http.send("POST", "/oauth/token", null, "application/x-www-form-urlencoded", "grant_type=password");
            assertEquals(401, r.status());
        }

        @Test
        void noOrABadTokenIs401InvalidToken() {
            Http.Reply none = http.get("/connectors/drafts", null).expect(401, "invalid_token");
            assertEquals("invalid_token", none.json().get("error").asText());
            assertTrue(none.json().has("error_description"));
            assertTrue(none.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            http.get("/connectors/drafts", "not-a-token").expect(401, "invalid_token");
            http.send("GET", "/connectors/drafts", null, null, null);
        }

        @Test
        void aTokenExpires() {
            String t = http.token("viewer", "viewer-secret", null).expect(200).json().get("access_token").asText();
            http.get("/connectors/drafts", t).expect(200);
            CLOCK.advance(Duration.ofMinutes(59));
            http.get("/connectors/drafts", t).expect(200);
            CLOCK.advance(Duration.ofMinutes(1));
            http.get("/connectors/drafts", t).expect(401, "invalid_token");
        }

        @Test
        void introspectionSaysWhatATokenIs() {
            String t = http.token("viewer", "viewer-secret", null).expect(200).json().get("access_token").asText();
            String basic = "viewer:viewer-secret";
            Http.Reply r = introspect(basic, t);
            assertTrue(r.json().get("active").asBoolean(), r.body());
            assertEquals("view_connectors:project-a", r.json().get("scope").asText());
            assertEquals("viewer", r.json().get("client_id").asText());
            assertTrue(r.json().get("exp").asLong() > 0);
            assertFalse(introspect(basic, "nonsense").json().get("active").asBoolean());
            assertEquals(401, introspect("viewer:bad", t).status());
        }

        @Test
        @DisplayName("another client's token is described as inactive to a client without introspect_oauth_tokens of its project")
        void anotherClientsTokenNeedsTheIntrospectScopeOfItsProject() {
            String t = http.token("viewer", "viewer-secret", null).expect(200).json().get("access_token").asText();
            for (String basic : new String[] {"deployer:deployer-secret", "other:other-secret",
                    "b-introspector:b-introspector-secret"}) {
                Http.Reply r = introspect(basic, t).expect(200);
                assertEquals("{\"active\":false}", r.body(), basic);
            }
            Http.Reply allowed = introspect("introspector:introspector-secret", t).expect(200);
            assertTrue(allowed.json().get("active").asBoolean(), allowed.body());
            assertEquals("viewer", allowed.json().get("client_id").asText());
        }

        @Test
        void aClientWithTheIntrospectScopeGetsATokenThatOpensNoConnectRoute() {
            String t = http.token("introspector", "introspector-secret", null).expect(200).json().get("access_token").asText();
            http.get("/connectors/drafts", t).expect(403, "insufficient_scope");
        }

        private Http.Reply introspect(String basic, String t) {
            String auth = java.util.Base64.getEncoder().encodeToString(basic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try {
                var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                baseUri.resolve("/oauth/introspect"))
                        .header("Authorization", "Basic " + auth)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + t)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                return new Http.Reply(response.statusCode(), response.body(), response);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void aViewTokenReadsButDoesNotWrite() {
            String t = http.token("viewer", "viewer-secret", null).expect(200).json().get("access_token").asText();
            http.get("/connectors/drafts", t).expect(200);
            http.get("/connectors/search", t).expect(200);
            Http.Reply r = http.post("/connectors/drafts", t, Http.draft(uniqueKey())).expect(403, "insufficient_scope");
            assertEquals("insufficient_scope", r.json().get("error").asText());
            http.delete("/connectors/drafts/x?version=1", t).expect(403, "insufficient_scope");
        }

        @Test
        void aDeploymentsTokenCannotReadConnectors() {
            String t = http.token("deployer", "deployer-secret", null).expect(200).json().get("access_token").asText();
            http.get("/connectors/drafts", t).expect(403, "insufficient_scope");
        }
    }

    @Nested
    @DisplayName("project isolation")
    class Isolation {
        @Test
        void anotherProjectNeitherSeesNorTouchesAConnector() {
            String key = uniqueKey();
            String id = create(key).get("id").asText();
            String b = http.token("other", "other-secret", null).expect(200).json().get("access_token").asText();
            JsonNode page = http.get("/connectors/drafts?limit=500", b).expect(200).json();
            assertFalse(page.get("results").findValuesAsText("id").contains(id));
            http.get("/connectors/drafts/" + id, b).expect(404, "ResourceNotFound");
            http.get("/connectors/drafts/key=" + key, b).expect(404, "ResourceNotFound");
            http.post("/connectors/drafts/" + id, b, "{\"version\":1,\"actions\":[{\"action\":\"setName\",\"name\":\"X\"}]}")
                    .expect(404, "ResourceNotFound");
            http.delete("/connectors/drafts/key=" + key + "?version=1", b).expect(404, "ResourceNotFound");
            // the same key is free in the other project
            http.post("/connectors/drafts", b, Http.draft(key)).expect(201);
            assertEquals(1, http.get("/connectors/drafts/key=" + key, token).expect(200).json().get("version").asLong());
        }
    }
}
