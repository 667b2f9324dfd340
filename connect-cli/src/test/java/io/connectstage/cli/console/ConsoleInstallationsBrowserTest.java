package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.http.Http;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's install form and Manage connectors → Installations, in headless Chromium")
class ConsoleInstallationsBrowserTest extends ConsoleScreenTest {
    private static final String SECRET_VALUE = "psp-secret-5c1f0e";

    private static String deployments() {
        return "/" + ConsoleServer.PROJECT + "/deployments";
    }

    private static JsonNode until(String path, String field, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode j = http.get(path, token).expect(200).json();
        while (!j.path(field).asText().equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            j = http.get(path, token).expect(200).json();
        }
        assertEquals(value, j.path(field).asText(), path + " " + field);
        return j;
    }

    private static String row(String key) {
        return "#installation-table tr[data-key='" + key + "']";
    }

    /** A connector through the API, previewable or published as asked, and its page in the console. */
    private static JsonNode connector(String key, String action) throws InterruptedException {
        JsonNode c = http.post("/connectors/drafts", token, Http.draft(key)).expect(201).json();
        http.post("/connectors/drafts/key=" + key, token, "{\"version\":" + c.get("version") + ",\"actions\":[" + action + "]}").expect(201);
        if (action.contains("updatePreviewable")) {
            until("/connectors/drafts/key=" + key, "isPreviewable", "true");
        } else {
            until("/connectors/drafts/key=" + key, "status", "Published");
        }
        signIn();
        browser.go("/manage/connectors/" + c.get("id").asText());
        browser.textBecomes("main h1", "Connector " + key);
        return c;
    }

    private static void install(String deploymentKey) {
        browser.shown("#install-form");
        browser.type("#deployment-key", deploymentKey);
        browser.type("#config-service-API_SECRET", SECRET_VALUE);
        browser.click("#install");
        browser.shown(row(deploymentKey));
    }

    @Test
    @DisplayName("Deploy on Preview: region, project and a form from the connector's configurations, required keys enforced; Installations shows it Deployed")
    void deployOnPreview() throws Exception {
        connector("previewed", "{\"action\":\"updatePreviewable\"}");
        browser.click("#deploy-preview");
        browser.shown("#install-form");
        assertEquals("100", browser.find("#config-service-BATCH_SIZE").getAttribute("value"));
        assertEquals("password", browser.find("#config-service-API_SECRET").getAttribute("type"));
        assertEquals("The payment provider's API secret", browser.text("#config-service-API_SECRET-help"));
        assertEquals(ConsoleServer.PROJECT, browser.text("#install-project"));
        browser.screenshot("05-install-preview");
        browser.assertAccessible("Install (Deploy on Preview)");
        browser.click("#install");
        browser.shown("#problem .error");
        assertEquals("service: API_SECRET", browser.text("#problem .error li"));
        assertEquals(0, http.get(deployments(), token).expect(200).json().get("total").asInt());
        install("previewed-preview");
        browser.textBecomes(row("previewed-preview") + " td.status", "Deployed");
        JsonNode d = until(deployments() + "/key=previewed-preview", "status", "Deployed");
        assertEquals("preview", d.get("type").asText());
        assertEquals("100", d.at("/applications/0/standardConfiguration/0/value").asText());
        assertEquals("preview", browser.text(row("previewed-preview") + " td.type"));
        assertEquals(ConsoleServer.PROJECT, browser.text(row("previewed-preview") + " td.project"));
        assertFalse(browser.driver.getPageSource().contains(SECRET_VALUE), "a secured value is on the page");
        browser.screenshot("06-installations");
        browser.assertAccessible("Installations");
    }

    @Test
    @DisplayName("Deploy on Production of a published connector: Deployed; its page shows the configuration without the secured value")
    void deployOnProduction() throws Exception {
        connector("published", "{\"action\":\"publish\",\"certification\":false}");
        browser.click("#deploy-production");
        install("published-production");
        browser.textBecomes(row("published-production") + " td.status", "Deployed");
        assertEquals("production", until(deployments() + "/key=published-production", "status", "Deployed").get("type").asText());
        browser.click(row("published-production") + " td.connector a");
        browser.textBecomes("#deployment-status", "Deployed");
        assertEquals("Set (secured, not shown)", browser.text("dd.secured"));
        assertFalse(browser.driver.getPageSource().contains(SECRET_VALUE), "a secured value is on the page");
        browser.screenshot("07-installation-details");
        browser.assertAccessible("Installation details");
    }

    @Test
    @DisplayName("App logs: the lines of the chosen application, as the API pages them")
    void appLogs() throws Exception {
        connector("logged", "{\"action\":\"updatePreviewable\"}");
        browser.click("#deploy-preview");
        install("logged-preview");
        JsonNode d = until(deployments() + "/key=logged-preview", "status", "Deployed");
        browser.click(row("logged-preview") + " td.connector a");
        browser.click("#tab-logs");
        browser.shown("table.logs");
        JsonNode lines = http.get(deployments() + "/key=logged-preview/logs?applicationName=service&limit=50", token).expect(200).json().get("data");
        assertTrue(lines.size() > 0, lines.toString());
        assertEquals(lines.size(), browser.all("table.logs tbody tr").size());
        assertEquals(lines.get(0).at("/details/message").asText(), browser.text("table.logs tbody tr:first-child td.message"));
        assertEquals(d.get("id").asText(), lines.get(0).get("deploymentId").asText());
        browser.screenshot("08-app-logs");
        browser.assertAccessible("App logs");
    }

    @Test
    @DisplayName("a build made to fail through the faults endpoint: Build details shows the error first; Redeploy brings it to Deployed")
    void buildDetailsAndRedeploy() throws Exception {
        http.post("/.connectstage/projects/" + ConsoleServer.PROJECT + "/faults", token,
                "{\"action\":\"failNextBuild\",\"deploymentKey\":\"failing-preview\",\"applicationName\":\"service\"}").expect(200);
        connector("failing", "{\"action\":\"updatePreviewable\"}");
        browser.click("#deploy-preview");
        install("failing-preview");
        browser.textBecomes(row("failing-preview") + " td.status", "Failed");
        JsonNode d = until(deployments() + "/key=failing-preview", "status", "Failed");
        browser.click(row("failing-preview") + " td.connector a");
        browser.click("#tab-build");
        browser.shown("table.report");
        assertEquals("Error", browser.text("table.report tbody tr:first-child td.type"));
        JsonNode error = null;
        for (JsonNode e : d.at("/details/build/report/entries")) {
            if (error == null && e.get("type").asText().equals("Error")) {
                error = e; // the first error, which the console lists first
            }
        }
        assertEquals(error.path("title").asText(), browser.text("table.report tbody tr:first-child td.title"));
        assertEquals(error.path("message").asText(), browser.text("table.report tbody tr:first-child td.message"));
        browser.screenshot("09-build-details-failed");
        browser.assertAccessible("Build details");
        browser.mark();
        browser.click("#redeploy");
        browser.textBecomes("#deployment-status", "Deployed");
        assertTrue(browser.stillMarked(), "the page was reloaded");
        until(deployments() + "/key=failing-preview", "status", "Deployed");
    }

    @Test
    @DisplayName("Uninstall asks to confirm, then the installation is gone, on screen and in the API")
    void uninstall() throws Exception {
        connector("removed", "{\"action\":\"updatePreviewable\"}");
        browser.click("#deploy-preview");
        install("removed-preview");
        browser.textBecomes(row("removed-preview") + " td.status", "Deployed");
        browser.click(row("removed-preview") + " td.connector a");
        browser.textBecomes("#deployment-status", "Deployed");
        browser.click("#uninstall");
        browser.shown("#confirm-uninstall");
        browser.click("#cancel-uninstall");
        browser.shown("#uninstall");
        assertEquals(200, http.get(deployments() + "/key=removed-preview", token).status());
        browser.click("#uninstall");
        browser.screenshot("10-uninstall-confirm");
        browser.click("#confirm-uninstall");
        browser.shown("#gone");
        http.get(deployments() + "/key=removed-preview", token).expect(404);
        browser.go("/manage/installations");
        browser.shown("#installations .empty");
    }

    @Test
    @DisplayName("Change configuration: a redeploy with the changed values; the secured one is replaced, never shown")
    void changeConfiguration() throws Exception {
        connector("changed", "{\"action\":\"updatePreviewable\"}");
        browser.click("#deploy-preview");
        install("changed-preview");
        JsonNode before = until(deployments() + "/key=changed-preview", "status", "Deployed");
        browser.click(row("changed-preview") + " td.connector a");
        browser.click("#tab-configuration");
        browser.shown("#change-form");
        assertEquals("100", browser.find("#change-service-BATCH_SIZE").getAttribute("value"));
        assertEquals("", browser.find("#change-service-API_SECRET").getAttribute("value"));
        browser.screenshot("13-change-configuration");
        browser.assertAccessible("Change configuration");
        browser.type("#change-service-BATCH_SIZE", "250");
        browser.type("#change-service-API_SECRET", "a-new-secret-77");
        browser.click("#change-redeploy");
        browser.until("the redeploy is made", () -> http.get(deployments() + "/key=changed-preview", token).json()
                .get("version").asLong() > before.get("version").asLong());
        JsonNode after = until(deployments() + "/key=changed-preview", "status", "Deployed");
        assertEquals("250", after.at("/applications/0/standardConfiguration/0/value").asText());
        browser.textBecomes("#deployment-status", "Deployed");
        assertEquals("", browser.find("#change-service-API_SECRET").getAttribute("value"));
        assertFalse(browser.driver.getPageSource().contains("a-new-secret-77"), "a secured value is on the page");
        assertFalse(after.toString().contains("a-new-secret-77"), "the API shows a secured value");
    }
}
