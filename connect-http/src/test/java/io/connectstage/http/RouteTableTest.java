package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.json.ConnectJson;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.TokenIssuer;
import io.connectstage.resource.ResourceRef;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The route table: method and path template to a route, 404 and 405 otherwise")
class RouteTableTest {
    private static final RouteHandler NOTHING = call -> Answer.general(500, "not called by these tests");

    /** The server's own table: finding a route touches neither its spaces nor its issuer. */
    private static final TokenIssuer ISSUER = new TokenIssuer(
            List.of(OAuthClient.parse("routes:routes-secret:manage_project:project-a").get()), Clock.systemUTC(),
            Duration.ofHours(1));
    private static final RouteTable TABLE = ConnectRoutes.table(project -> null, ISSUER, new Bodies(1024),
            RunningApps.none(project -> null, ISSUER));

    private static RouteTable.Match found(String method, String path) {
        Either<Answer, RouteTable.Match> found = TABLE.find(method, path);
        assertTrue(found.isRight(), () -> method + " " + path + " answered " + found.getLeft().status());
        return found.get();
    }

    private static String template(String method, String path) {
        return found(method, path).route().template().toString();
    }

    private static JsonNode refused(String method, String path, int status) {
        Either<Answer, RouteTable.Match> found = TABLE.find(method, path);
        assertTrue(found.isLeft(), () -> method + " " + path + " found " + found.get().route());
        assertEquals(status, found.getLeft().status());
        try {
            return ConnectJson.mapper().readTree(found.getLeft().body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void notFound(String path) {
        JsonNode body = refused("GET", path, 404);
        assertEquals("ResourceNotFound", body.at("/errors/0/code").asText(), path);
        assertNull(TABLE.find("GET", path).getLeft().allow());
    }

    @Nested
    @DisplayName("matching")
    class Matching {

        @Test
        @DisplayName("a literal path finds its route by method")
        void literalPaths() {
            assertEquals("GET", found("GET", "/connectors/drafts").route().method());
            assertEquals("POST", found("POST", "/connectors/drafts").route().method());
            assertEquals(Map.of(), found("POST", "/oauth/token").path().values());
        }

        @Test
        @DisplayName("named segments are given by name; a {ref} is an id or key=…")
        void namedSegments() {
            RouteTable.Match m = found("GET", "/project-a/deployments/key=my-deployment/logs");

            assertEquals("/{projectKey}/deployments/{ref}/logs", m.route().template().toString());
            assertEquals(Map.of("projectKey", "project-a", "ref", "key=my-deployment"), m.path().values());
            assertEquals(ResourceRef.key("my-deployment"), m.path().ref("ref"));
            assertEquals(ResourceRef.id("3f2a"), found("GET", "/connectors/drafts/3f2a").path().ref("ref"));
            assertThrows(IllegalArgumentException.class, () -> m.path().text("id"));
        }

        @Test
        @DisplayName("a literal segment beats a named one where two templates differ, in any order of adding")
        void literalBeatsName() {
            assertEquals("/connectors/search", template("GET", "/connectors/search"));
            assertEquals("/connectors/{ref}", template("GET", "/connectors/searches"));
            assertEquals("/connectors/{ref}", template("GET", "/connectors/deployments"));
            RouteTable reversed = RouteTable.builder()
                    .route("GET", "/connectors/{ref}", RouteScope.open(), NOTHING)
                    .route("GET", "/connectors/search", RouteScope.open(), NOTHING)
                    .build();
            assertEquals("/connectors/search", reversed.find("GET", "/connectors/search").get().route().template().toString());
        }

        @Test
        @DisplayName("a path the literal route does not fit still finds the named one: a project called connectors")
        void nameWhereTheLiteralRouteDoesNotFit() {
            RouteTable.Match m = found("GET", "/connectors/deployments/key=d");

            assertEquals("/{projectKey}/deployments/{ref}", m.route().template().toString());
            assertEquals("connectors", m.path().text("projectKey"));
            assertEquals("oauth", found("GET", "/oauth/deployments").path().text("projectKey"));
        }

        @Test
        @DisplayName("a first segment spelled with a dot by a route is that route's namespace: no name matches it")
        void dotNamespaces() {
            assertEquals("project-a", found("DELETE", "/.connectstage/projects/project-a/faults").path().text("projectKey"));
            notFound("/.connectstage/deployments");
            notFound("/.connectstage/deployments/key=d");
            notFound("/.connectstage");
            notFound("/.connectstage/projects/project-a");
            notFound("/.connectstage/faults");
            // a dotted segment no route spells is a name like any other
            assertEquals(".other", found("GET", "/.other/deployments").path().text("projectKey"));
        }

        @Test
        @DisplayName("the server's table lists every route with its method and scope")
        void theServersTable() {
            List<String> routes = TABLE.routes().stream().map(Route::toString).toList();

            assertEquals(List.of(
                    "POST /oauth/token open",
                    "POST /oauth/introspect open",
                    "GET /connectors/drafts any of [MANAGE_PROJECT, VIEW_CONNECTORS, MANAGE_CONNECTORS]",
                    "POST /connectors/drafts any of [MANAGE_PROJECT, MANAGE_CONNECTORS]",
                    "GET /connectors/drafts/{ref} any of [MANAGE_PROJECT, VIEW_CONNECTORS, MANAGE_CONNECTORS]",
                    "POST /connectors/drafts/{ref} any of [MANAGE_PROJECT, MANAGE_CONNECTORS]",
                    "DELETE /connectors/drafts/{ref} any of [MANAGE_PROJECT, MANAGE_CONNECTORS]",
                    "GET /connectors/search any of [MANAGE_PROJECT, VIEW_CONNECTORS, MANAGE_CONNECTORS]",
                    "GET /connectors/{ref} any of [MANAGE_PROJECT, VIEW_CONNECTORS, MANAGE_CONNECTORS]",
                    "GET /{projectKey}/deployments any of [MANAGE_PROJECT, VIEW_CONNECTORS_DEPLOYMENTS, MANAGE_CONNECTORS_DEPLOYMENTS] of {projectKey}",
                    "POST /{projectKey}/deployments any of [MANAGE_PROJECT, MANAGE_CONNECTORS_DEPLOYMENTS] of {projectKey}",
                    "GET /{projectKey}/deployments/{ref} any of [MANAGE_PROJECT, VIEW_CONNECTORS_DEPLOYMENTS, MANAGE_CONNECTORS_DEPLOYMENTS] of {projectKey}",
                    "POST /{projectKey}/deployments/{ref} any of [MANAGE_PROJECT, MANAGE_CONNECTORS_DEPLOYMENTS] of {projectKey}",
                    "DELETE /{projectKey}/deployments/{ref} any of [MANAGE_PROJECT, MANAGE_CONNECTORS_DEPLOYMENTS] of {projectKey}",
                    "GET /{projectKey}/deployments/{ref}/logs any of [MANAGE_PROJECT, VIEW_CONNECTORS_DEPLOYMENTS, MANAGE_CONNECTORS_DEPLOYMENTS] of {projectKey}",
                    "POST /.connectstage/projects/{projectKey}/faults any of [MANAGE_PROJECT] of {projectKey}, a served project",
                    "DELETE /.connectstage/projects/{projectKey}/faults any of [MANAGE_PROJECT] of {projectKey}, a served project",
                    "POST /.connectstage/projects/{projectKey}/certification/{ref} any of [MANAGE_PROJECT] of {projectKey}, "
                            + "a served project",
                    "POST /.connectstage/projects/{projectKey}/deployments/{ref}/events/{application} any of [MANAGE_PROJECT] "
                            + "of {projectKey}, a served project",
                    "POST /.connectstage/projects/{projectKey}/deployments/{ref}/jobs/{application}/run any of [MANAGE_PROJECT] "
                            + "of {projectKey}, a served project",
                    "* /.connectstage/apps/{deploymentId}/{applicationName}/** open"),
                    routes);
        }
    }

    @Nested
    @DisplayName("tail templates (**)")
    class Tails {
        private static final String APP = "/.connectstage/apps/d-1/service";

        @Test
        @DisplayName("the application path with nothing, a slash or any rest after it finds the proxy, the rest as its tail")
        void tailIsTheRest() {
            assertEquals("", found("GET", APP).path().tail());
            assertEquals("", found("GET", APP + "/").path().tail());
            assertEquals("a/b/c", found("GET", APP + "/a/b/c").path().tail());
            assertEquals("a//b/", found("GET", APP + "/a//b/").path().tail());
            assertEquals("d-1", found("GET", APP + "/x").path().text("deploymentId"));
            assertEquals("service", found("GET", APP + "/x").path().text("applicationName"));
        }

        @Test
        @DisplayName("a route of method * takes every method, also ones HTTP does not define")
        void anyMethod() {
            for (String m : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW")) {
                assertEquals("/.connectstage/apps/{deploymentId}/{applicationName}/**", template(m, APP + "/x"));
            }
        }

        @Test
        @DisplayName("a path of a hundred thousand segments under it is found, splitting only the template's segments")
        void manySegmentsUnderATail() {
            String rest = "a/".repeat(100_000);
            assertEquals(rest, found("GET", APP + "/" + rest).path().tail());
        }

        @Test
        @DisplayName("fewer segments than the template has, or an empty named one, is 404")
        void shortOrEmptyIs404() {
            notFound("/.connectstage/apps/d-1");
            notFound("/.connectstage/apps/d-1/");
            notFound("/.connectstage/apps//service/x");
            notFound("/.connectstage/apps");
        }

        @Test
        @DisplayName("** is only the last segment of a template that has others")
        void tailOnlyLast() {
            assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/**"));
            assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/a/**/b"));
            assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/a/**/**"));
            assertTrue(PathTemplate.parse("/a/{b}/**").tail());
        }
    }

    @Nested
    @DisplayName("404 and 405")
    class Refusals {

        @Test
        @DisplayName("a path no template matches is 404 ResourceNotFound naming the path")
        void unknownPathIs404() {
            notFound("/nothing/here");
            notFound("/connectors/drafts/a/b");
            notFound("/");
            notFound("");
            notFound("*");
            notFound("connectors/drafts");
            String message = refused("GET", "/nothing/here", 404).get("message").asText();
            assertTrue(message.contains("path '/nothing/here'"), message);
        }

        @Test
        @DisplayName("an empty segment matches no name: trailing and doubled slashes are 404")
        void emptySegmentsAre404() {
            notFound("/connectors/drafts/");
            notFound("/connectors//drafts");
            notFound("//deployments");
            notFound("/project-a/deployments//logs");
            notFound("/connectors/");
        }

        @Test
        @DisplayName("a matching path with another method is 405, Allow listing the template's methods in the order added")
        void wrongMethodIs405WithAllow() {
            assertEquals("GET, POST", TABLE.find("PUT", "/connectors/drafts").getLeft().allow());
            assertEquals("GET, POST, DELETE", TABLE.find("PATCH", "/connectors/drafts/x").getLeft().allow());
            assertEquals("POST, DELETE", TABLE.find("GET", "/.connectstage/projects/p/faults").getLeft().allow());
            assertEquals("POST", TABLE.find("GET", "/oauth/token").getLeft().allow());
            JsonNode body = refused("get", "/connectors/drafts", 405);
            assertEquals("General", body.at("/errors/0/code").asText());
            assertEquals("Method get is not allowed on /connectors/drafts; allowed: GET, POST", body.get("message").asText());
        }

        @Test
        @DisplayName("the 405 is the most specific template's, even when a less specific one has the method")
        void theMostSpecificTemplateDecidesThe405() {
            assertEquals("GET", TABLE.find("POST", "/connectors/search").getLeft().allow());
            assertEquals("GET", TABLE.find("DELETE", "/connectors/deployments").getLeft().allow());
        }
    }

    @Nested
    @DisplayName("hostile paths")
    class HostilePaths {

        @Test
        @DisplayName("a very long segment is a name like any other, its 404 message shortened")
        void veryLongPaths() {
            String ref = "x".repeat(1_000_000);
            assertEquals(ref, found("GET", "/connectors/drafts/" + ref).path().text("ref"));
            String message = refused("GET", "/" + ref, 404).get("message").asText();
            assertTrue(message.length() < 200, message);
        }

        @Test
        @DisplayName("a path of many segments is 404 after splitting one more segment than the longest template has")
        void manySegments() {
            String path = "/a".repeat(200_000);
            assertNull(RouteTable.segments(path, 5));
            assertNull(RouteTable.segments("/".repeat(200_000), 5));
            assertEquals(List.of("a", "b", ""), List.of(RouteTable.segments("/a/b/", 5)));
            notFound(path);
            notFound("/connectors" + "/".repeat(100_000) + "drafts");
            notFound("/connectors/drafts/" + "a/".repeat(50));
        }

        @Test
        @DisplayName("the table splits the decoded path: an encoded slash decoded is a separator, one left encoded is text")
        void encodedSlashes() {
            notFound("/connectors/drafts/key=a/b");
            assertEquals("key=a%2Fb", found("GET", "/connectors/drafts/key=a%2Fb").path().text("ref"));
        }

        @Test
        @DisplayName("dot segments are text, never a step up: /connectors/drafts/../search is not /connectors/search")
        void dotSegments() {
            notFound("/connectors/drafts/../search");
            notFound("/connectors/./drafts");
            notFound("/../../etc/passwd");
            assertEquals("..", found("GET", "/connectors/drafts/..").path().text("ref"));
            assertEquals(".", found("GET", "/connectors/.").path().text("ref"));
        }
    }

    @Nested
    @DisplayName("building a table")
    class Building {

        @Test
        @DisplayName("two routes of one method and template, or of one shape with other names, are refused")
        void clashesAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> RouteTable.builder()
                    .route("GET", "/connectors/{ref}", RouteScope.open(), NOTHING)
                    .route("GET", "/connectors/{ref}", RouteScope.open(), NOTHING).build());
            assertThrows(IllegalArgumentException.class, () -> RouteTable.builder()
                    .route("GET", "/connectors/{ref}", RouteScope.open(), NOTHING)
                    .route("POST", "/connectors/{id}", RouteScope.open(), NOTHING).build());
        }

        @Test
        @DisplayName("a template must start with a slash, have no empty segment and name each named segment once")
        void badTemplatesAreRefused() {
            for (String bad : List.of("", "/", "connectors", "/connectors/", "/a//b", "/{}", "/{a}/{a}", "/a{b}", "/{a{b}}")) {
                assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse(bad), bad);
            }
        }
    }
}
