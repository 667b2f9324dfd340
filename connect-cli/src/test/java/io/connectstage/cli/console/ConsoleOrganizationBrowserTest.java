package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console signed in with an organization client of two projects, in headless Chromium")
class ConsoleOrganizationBrowserTest extends ConsoleScreenTest {
    private static final String SECRET_VALUE = "org-psp-secret-93ab";

    private static String orgToken(String project) {
        return http.token(ConsoleServer.ORG_ID, ConsoleServer.ORG_SECRET, "manage_project:" + project).expect(200).json()
                .get("access_token").asText();
    }

    private static JsonNode until(String path, String bearer, String field, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode j = http.get(path, bearer).expect(200).json();
        while (!j.path(field).asText().equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            j = http.get(path, bearer).expect(200).json();
        }
        assertEquals(value, j.path(field).asText(), path + " " + field);
        return j;
    }

    private static String row(String table, String key, String project) {
        return table + " tr[data-key='" + key + "'][data-project='" + project + "']";
    }

    @Test
    @DisplayName("signs in once and holds a token per project in session storage, never the secret; lists each project's connectors with its project")
    void signsInOnce() throws Exception {
        String mine = orgToken(ConsoleServer.PROJECT);
        String other = orgToken(ConsoleServer.OTHER_PROJECT);
        http.post("/connectors/drafts", mine, "{\"key\":\"in-mine\",\"name\":\"In mine\",\"creator\":{\"email\":\"a@example.com\"},"
                + "\"repository\":{\"url\":\"git@github.com:acme/in-mine.git\",\"tag\":\"1.0.0\"}}").expect(201);
        http.post("/connectors/drafts", other, "{\"key\":\"in-other\",\"name\":\"In other\",\"creator\":{\"email\":\"a@example.com\"},"
                + "\"repository\":{\"url\":\"git@github.com:acme/in-other.git\",\"tag\":\"1.0.0\"}}").expect(201);
        signIn(ConsoleServer.ORG_ID, ConsoleServer.ORG_SECRET);
        browser.shown(row("#connector-table", "in-mine", ConsoleServer.PROJECT));
        browser.shown(row("#connector-table", "in-other", ConsoleServer.OTHER_PROJECT));
        assertEquals(ConsoleServer.OTHER_PROJECT, browser.text(row("#connector-table", "in-other", ConsoleServer.OTHER_PROJECT) + " td.project"));
        assertTrue(browser.text("#who").contains(ConsoleServer.PROJECT + ", " + ConsoleServer.OTHER_PROJECT), browser.text("#who"));
        String stored = (String) browser.script("return JSON.stringify(sessionStorage);");
        assertFalse(stored.contains(ConsoleServer.ORG_SECRET), "the secret is in session storage");
        assertTrue(stored.contains(ConsoleServer.OTHER_PROJECT), stored);
        assertEquals(0L, browser.script("return localStorage.length;"));
        assertFalse(browser.driver.getCurrentUrl().contains("token"), browser.driver.getCurrentUrl());
        // the other project's connector opens with that project's token
        browser.click(row("#connector-table", "in-other", ConsoleServer.OTHER_PROJECT) + " td.name a");
        browser.textBecomes("main h1", "In other");
        assertTrue(browser.driver.getCurrentUrl().contains("#/manage/projects/" + ConsoleServer.OTHER_PROJECT + "/connectors/"),
                browser.driver.getCurrentUrl());
        browser.screenshot("15-organization-connectors");
        browser.assertAccessible("Organization connector of another project");
    }

    @Test
    @DisplayName("Deploy on Production into All Projects: the form repeated per project, Installations shows both Deployed with their project")
    void installsIntoBothProjects() throws Exception {
        String mine = orgToken(ConsoleServer.PROJECT);
        String other = orgToken(ConsoleServer.OTHER_PROJECT);
        // a private connector of my-project that other-project may use too (Supported projects)
        http.post("/connectors/drafts", mine, "{\"key\":\"org-shared\",\"name\":\"Org shared\",\"creator\":{\"email\":\"a@example.com\"},"
                + "\"repository\":{\"url\":\"git@github.com:acme/org-shared.git\",\"tag\":\"1.0.0\"},"
                + "\"privateProjects\":[\"europe-west1.gcp:" + ConsoleServer.OTHER_PROJECT + "\"]}").expect(201);
        http.post("/connectors/drafts/key=org-shared", mine, "{\"version\":1,\"actions\":[{\"action\":\"publish\",\"certification\":false}]}")
                .expect(201);
        until("/connectors/drafts/key=org-shared", mine, "status", "Published");
        signIn(ConsoleServer.ORG_ID, ConsoleServer.ORG_SECRET);
        browser.click(row("#connector-table", "org-shared", ConsoleServer.PROJECT) + " td.name a");
        browser.textBecomes("main h1", "Org shared");
        browser.click("#deploy-production");
        browser.shown("#install-form");
        assertTrue(browser.find("#install-all-projects").isSelected());
        browser.click("#install-next");
        browser.shown("#config-" + ConsoleServer.OTHER_PROJECT + "-service-API_SECRET");
        assertEquals("100", browser.find("#config-" + ConsoleServer.PROJECT + "-service-BATCH_SIZE").getAttribute("value"));
        browser.click("#install");
        browser.shown("#problem .error");
        assertEquals(0, http.get("/" + ConsoleServer.OTHER_PROJECT + "/deployments", other).expect(200).json().get("total").asInt());
        browser.type("#config-" + ConsoleServer.PROJECT + "-service-API_SECRET", SECRET_VALUE);
        browser.type("#config-" + ConsoleServer.OTHER_PROJECT + "-service-API_SECRET", SECRET_VALUE);
        browser.screenshot("16-install-all-projects");
        browser.assertAccessible("Install into All Projects");
        browser.click("#install");
        String inMine = row("#installation-table", "org-shared-production", ConsoleServer.PROJECT);
        String inOther = row("#installation-table", "org-shared-production", ConsoleServer.OTHER_PROJECT);
        browser.shown(inMine);
        browser.shown(inOther);
        browser.textBecomes(inMine + " td.status", "Deployed");
        browser.textBecomes(inOther + " td.status", "Deployed");
        assertEquals(ConsoleServer.OTHER_PROJECT, browser.text(inOther + " td.project"));
        until("/" + ConsoleServer.PROJECT + "/deployments/key=org-shared-production", mine, "status", "Deployed");
        JsonNode d = until("/" + ConsoleServer.OTHER_PROJECT + "/deployments/key=org-shared-production", other, "status", "Deployed");
        assertEquals("production", d.get("type").asText());
        assertFalse(browser.driver.getPageSource().contains(SECRET_VALUE), "a secured value is on the page");
        browser.screenshot("17-installations-organization");
        browser.assertAccessible("Installations of the organization");
        // the other project's installation opens with that project's token
        browser.click(inOther + " td.connector a");
        browser.textBecomes("#deployment-status", "Deployed");
    }

    @Test
    @DisplayName("Specific projects: only the chosen project gets the installation")
    void installsIntoChosenProject() throws Exception {
        String mine = orgToken(ConsoleServer.PROJECT);
        String other = orgToken(ConsoleServer.OTHER_PROJECT);
        http.post("/connectors/drafts", mine, "{\"key\":\"org-chosen\",\"name\":\"Org chosen\",\"creator\":{\"email\":\"a@example.com\"},"
                + "\"repository\":{\"url\":\"git@github.com:acme/org-chosen.git\",\"tag\":\"1.0.0\"},"
                + "\"privateProjects\":[\"europe-west1.gcp:" + ConsoleServer.OTHER_PROJECT + "\"]}").expect(201);
        http.post("/connectors/drafts/key=org-chosen", mine, "{\"version\":1,\"actions\":[{\"action\":\"publish\",\"certification\":false}]}")
                .expect(201);
        until("/connectors/drafts/key=org-chosen", mine, "status", "Published");
        signIn(ConsoleServer.ORG_ID, ConsoleServer.ORG_SECRET);
        browser.click(row("#connector-table", "org-chosen", ConsoleServer.PROJECT) + " td.name a");
        browser.click("#deploy-production");
        browser.click("#install-specific-projects");
        browser.click("#install-project-" + ConsoleServer.OTHER_PROJECT);
        browser.click("#install-next");
        browser.type("#config-" + ConsoleServer.OTHER_PROJECT + "-service-API_SECRET", SECRET_VALUE);
        assertTrue(browser.all("#config-" + ConsoleServer.PROJECT + "-service-API_SECRET").isEmpty());
        browser.click("#install");
        browser.textBecomes(row("#installation-table", "org-chosen-production", ConsoleServer.OTHER_PROJECT) + " td.status", "Deployed");
        until("/" + ConsoleServer.OTHER_PROJECT + "/deployments/key=org-chosen-production", other, "status", "Deployed");
        assertEquals(0, http.get("/" + ConsoleServer.PROJECT + "/deployments", mine).expect(200).json().get("total").asInt());
    }

    @Test
    @DisplayName("the marketplace's Organization Connectors are those of every project; Learn more reads one with its project's token")
    void marketplaceAcrossProjects() throws Exception {
        String other = orgToken(ConsoleServer.OTHER_PROJECT);
        http.post("/connectors/drafts", other, "{\"key\":\"only-other\",\"name\":\"Only other\",\"creator\":{\"email\":\"a@example.com\"},"
                + "\"repository\":{\"url\":\"git@github.com:acme/only-other.git\",\"tag\":\"1.0.0\"}}").expect(201);
        http.post("/connectors/drafts/key=only-other", other, "{\"version\":1,\"actions\":[{\"action\":\"publish\",\"certification\":false}]}")
                .expect(201);
        until("/connectors/drafts/key=only-other", other, "status", "Published");
        // my-project does not see it: it is private to other-project
        assertEquals(0, http.get("/connectors/search", orgToken(ConsoleServer.PROJECT)).expect(200).json().get("total").asInt());
        signIn(ConsoleServer.ORG_ID, ConsoleServer.ORG_SECRET);
        browser.go("/marketplace");
        browser.textBecomes("#organization-connectors li.card h3", "Only other");
        browser.click("#organization-connectors li.card a");
        browser.textBecomes("main h1", "Only other");
        assertTrue(browser.driver.getCurrentUrl().contains("#/marketplace/projects/" + ConsoleServer.OTHER_PROJECT + "/"),
                browser.driver.getCurrentUrl());
    }
}
