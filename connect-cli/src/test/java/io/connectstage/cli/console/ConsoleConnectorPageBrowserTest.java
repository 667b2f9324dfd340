package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.http.Http;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's connector page (details, Preview Report, Publish Report), in headless Chromium")
class ConsoleConnectorPageBrowserTest extends ConsoleScreenTest {

    /** Waits through the API until the connector's field has this value (processing runs in the background). */
    private static JsonNode settled(String key, String field, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode c = apiConnector(key);
        while (!c.get(field).asText().equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            c = apiConnector(key);
        }
        assertEquals(value, c.get(field).asText(), key + " " + field);
        return c;
    }

    private static void open(JsonNode connector) {
        signIn();
        browser.click("#connector-table tr[data-id='" + connector.get("id").asText() + "'] td.name a");
        browser.textBecomes("main h1", connector.get("name").asText());
    }

    private static String field(String label) {
        return browser.text("dd[data-field='" + label + "']");
    }

    @Test
    @DisplayName("shows the connector's details as the API has them, and passes axe-core")
    void details() throws Exception {
        http.post("/connectors/drafts", token, Http.draft("detailed")).expect(201);
        JsonNode c = apiConnector("detailed");
        open(c);
        assertEquals("detailed", field("Key"));
        assertEquals(c.get("id").asText(), field("ID"));
        assertEquals("Draft", field("Status"));
        assertEquals(c.at("/repository/url").asText(), field("Git repository"));
        assertEquals("1.0.0", field("Tag"));
        assertEquals("john.doe@example.com", field("Contact email"));
        assertEquals("acme", field("Company name"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/manage/connectors/" + c.get("id").asText()));
        browser.screenshot("03-connector-details");
        browser.assertAccessible("Connector details");
    }

    @Test
    @DisplayName("Request preview on the page: the status changes without a reload, and the Preview Report tab shows every entry with its type and message")
    void previewReport() throws Exception {
        http.post("/connectors/drafts", token, Http.draft("reported")).expect(201);
        open(apiConnector("reported"));
        browser.mark();
        browser.click("button[data-action=requestPreview]");
        browser.textBecomes("dd[data-field='Previewable status']", "Accepted");
        assertTrue(browser.stillMarked(), "the page was reloaded");
        browser.click("#tab-preview-report");
        browser.shown("table.report");
        JsonNode entries = settled("reported", "isPreviewable", "true").at("/previewableReport/entries");
        assertEquals(entries.size(), browser.all("table.report tbody tr").size());
        assertEquals(entries.get(0).get("type").asText(), browser.text("table.report tbody tr:first-child td.type"));
        assertEquals(entries.get(0).get("message").asText(), browser.text("table.report tbody tr:first-child td.message"));
        browser.screenshot("03-connector-preview-report");
        browser.assertAccessible("Preview Report");
    }

    @Test
    @DisplayName("Publish for private use of a broken repository: Publish failed, and the Publish Report tab shows the Error entry")
    void publishReport() throws Exception {
        http.post("/connectors/drafts", token, Http.draft("fails-to-publish").replace("\"1.0.0\"", "\"broken\"")).expect(201);
        open(apiConnector("fails-to-publish"));
        browser.click("button[data-action=publishPrivate]");
        browser.textBecomes("dd[data-field='Status']", "Publish failed");
        JsonNode c = settled("fails-to-publish", "status", "Failed");
        browser.click("#tab-publish-report");
        browser.shown("table.report");
        assertEquals(c.at("/publishingReport/entries").size(), browser.all("table.report tbody tr").size());
        assertEquals("Error", browser.text("table.report td.type"));
        assertEquals(c.at("/publishingReport/entries/0/message").asText(), browser.text("table.report td.message"));
        browser.screenshot("03-connector-publish-report");
    }
}
