package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.oauth.OAuthClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An organization client (scopes of several projects) over HTTP: one sign-in, one token per
 * project, and the projects learnt by introspecting its own token.
 */
@DisplayName("An organization client signs in once and gets a token per project")
class HttpOrganizationClientTest {
    private static final String ORG = "org:org-secret:manage_project:shop-eu,view_connectors:shop-us,manage_connectors:shop-us";
    private static ConnectServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = ConnectServer.builder()
                .client(OAuthClient.parse(ORG).get())
                .client(OAuthClient.parse("single:single-secret:manage_project:shop-eu").get())
                .client(OAuthClient.parse("desk:desk-secret:introspect_oauth_tokens:shop-eu").get())
                .spaces(PerProjectSpaces.builder().build())
                .start();
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token(String scope) {
        return http.token("org", "org-secret", scope).expect(200).json().get("access_token").asText();
    }

    @Nested
    @DisplayName("POST /oauth/token")
    class Token {
        @Test
        @DisplayName("without a scope: all the client's scopes of its first project, and only the standard fields")
        void withoutAScopeTheFirstProject() {
            JsonNode answer = http.token("org", "org-secret", null).expect(200).json();

            assertEquals("manage_project:shop-eu", answer.get("scope").asText());
            java.util.List<String> fields = new java.util.ArrayList<>();
            answer.fieldNames().forEachRemaining(fields::add);
            assertEquals(java.util.List.of("access_token", "token_type", "expires_in", "scope"), fields);
        }

        @Test
        @DisplayName("with the scopes of another of its projects: a token of that project with exactly those")
        void aTokenPerProject() {
            JsonNode answer = http.token("org", "org-secret", "view_connectors:shop-us manage_connectors:shop-us").expect(200).json();

            assertEquals("view_connectors:shop-us manage_connectors:shop-us", answer.get("scope").asText());
            assertEquals("view_connectors:shop-us",
                    http.token("org", "org-secret", "view_connectors:shop-us").expect(200).json().get("scope").asText());
        }

        @Test
        @DisplayName("scopes of several projects in one token: 400 invalid_scope naming the projects")
        void severalProjectsInOneTokenAreRefused() {
            JsonNode error = http.token("org", "org-secret", "manage_project:shop-eu view_connectors:shop-us")
                    .expect(400, "invalid_scope").json();

            assertEquals("A token is for one project; the scopes asked name shop-eu, shop-us. Ask one token per project.",
                    error.get("error_description").asText());
        }

        @Test
        @DisplayName("a scope the client lacks, even of one of its projects: 400 invalid_scope as before")
        void aScopeTheClientLacksIsRefused() {
            assertEquals("Invalid scope: manage_project:shop-us", http.token("org", "org-secret", "manage_project:shop-us")
                    .expect(400, "invalid_scope").json().get("error_description").asText());
        }

        @Test
        @DisplayName("a client of one project signs in as before: all its scopes")
        void aOneProjectClientIsUnchanged() {
            assertEquals("manage_project:shop-eu",
                    http.token("single", "single-secret", null).expect(200).json().get("scope").asText());
        }
    }

    @Nested
    @DisplayName("the tokens on the API")
    class OnTheApi {
        @Test
        @DisplayName("each token works in its own project and sees only that project's connectors")
        void eachTokenIsOfItsProject() {
            String eu = token(null);
            String us = token("view_connectors:shop-us manage_connectors:shop-us");

            http.post("/connectors/drafts", us, Http.draft("org-us-connector")).expect(201);
            http.get("/connectors/drafts/key=org-us-connector", us).expect(200);
            http.get("/connectors/drafts/key=org-us-connector", eu).expect(404, "ResourceNotFound");
            http.get("/shop-eu/deployments", eu).expect(200);
        }

        @Test
        @DisplayName("a token of the first project on the second project's routes: 403 insufficient_scope")
        void aTokenOfOneProjectIsRefusedOnAnothers() {
            String eu = token(null);

            http.get("/shop-us/deployments", eu).expect(403, "insufficient_scope");
            http.delete("/.connectstage/projects/shop-us/faults", eu).expect(403, "insufficient_scope");
        }

        @Test
        @DisplayName("every project an organization client names is served, not only its first")
        void everyProjectOfTheOrganizationIsServed() {
            String us = token("manage_connectors:shop-us");

            // the faults routes answer 404 for a project no client names: shop-us is named, by the second scope
            http.delete("/.connectstage/projects/shop-us/faults", us).expect(403, "insufficient_scope");
            http.delete("/.connectstage/projects/nowhere/faults", us).expect(404, "ResourceNotFound");
            http.delete("/.connectstage/projects/shop-eu/faults", token(null)).expect(200);
        }
    }

    @Nested
    @DisplayName("POST /oauth/introspect")
    class Introspect {
        @Test
        @DisplayName("of its own token, a client learns its projects and the scope to ask for each")
        void ownTokenNamesTheProjects() {
            JsonNode answer = http.introspect("org", "org-secret", token(null)).expect(200).json();

            assertTrue(answer.get("active").asBoolean());
            assertEquals("manage_project:shop-eu", answer.get("scope").asText());
            assertEquals("[{\"key\":\"shop-eu\",\"scope\":\"manage_project:shop-eu\"},"
                    + "{\"key\":\"shop-us\",\"scope\":\"view_connectors:shop-us manage_connectors:shop-us\"}]",
                    answer.get("projects").toString());
        }

        @Test
        @DisplayName("a client of one project learns its one project")
        void aOneProjectClientLearnsItsProject() {
            String single = http.token("single", "single-secret", null).expect(200).json().get("access_token").asText();

            assertEquals("[{\"key\":\"shop-eu\",\"scope\":\"manage_project:shop-eu\"}]",
                    http.introspect("single", "single-secret", single).expect(200).json().get("projects").toString());
        }

        @Test
        @DisplayName("another client allowed to introspect the token does not learn the organization's projects")
        void anotherClientDoesNotLearnTheProjects() {
            JsonNode answer = http.introspect("desk", "desk-secret", token(null)).expect(200).json();

            assertTrue(answer.get("active").asBoolean());
            assertEquals("org", answer.get("client_id").asText());
            assertFalse(answer.has("projects"), answer.toString());
        }
    }
}
