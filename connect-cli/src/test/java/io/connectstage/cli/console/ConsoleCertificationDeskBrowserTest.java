package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.http.Http;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's certification desk (the emulator's stand-in for commercetools' review), in headless Chromium")
class ConsoleCertificationDeskBrowserTest extends ConsoleScreenTest {

    private static JsonNode until(String key, String field, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode j = apiConnector(key);
        while (!j.path(field).asText().equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            j = apiConnector(key);
        }
        assertEquals(value, j.path(field).asText(), key + " " + field);
        return j;
    }

    private static String row(String table, String key) {
        return table + " tr[data-key='" + key + "']";
    }

    /** Creates the connector and clicks List on Marketplace on Organization connectors. */
    private static void listOnMarketplace(String key) throws InterruptedException {
        http.post("/connectors/drafts", token, Http.draft(key)).expect(201);
        signIn();
        browser.shown(row("#connector-table", key));
        browser.click(row("#connector-table", key) + " button[data-action='listOnMarketplace']");
        until(key, "status", "ReadyForCertification");
    }

    @Test
    @DisplayName("List on Marketplace → the desk approves with a comment → listed among Public Connectors")
    void approveLists() throws Exception {
        listOnMarketplace("desk-approved");
        browser.go("/manage/certification");
        browser.shown(row("#certification-table", "desk-approved"));
        assertTrue(browser.text("#desk-notice").contains("stand-in for commercetools"), browser.text("#desk-notice"));
        browser.screenshot("18-certification-desk");
        browser.assertAccessible("Certification desk");
        browser.type(row("#certification-table", "desk-approved") + " textarea", "Reviewed, fine");
        browser.click(row("#certification-table", "desk-approved") + " button[data-action='approve']");
        browser.shown("#certification .empty");
        JsonNode c = until("desk-approved", "status", "Published");
        assertEquals(true, c.get("certified").asBoolean());
        assertEquals("Reviewed, fine", c.at("/certificationInfo/comments/0/comment").asText());
        browser.go("/marketplace");
        browser.textBecomes("#public-connectors li.card h3", "Connector desk-approved");
        browser.screenshot("19-marketplace-listed");
    }

    @Test
    @DisplayName("the desk rejects with a comment: Publish failed, the Publish Report says why")
    void rejectFails() throws Exception {
        listOnMarketplace("desk-rejected");
        browser.go("/manage/certification");
        browser.shown(row("#certification-table", "desk-rejected") + " textarea");
        browser.type(row("#certification-table", "desk-rejected") + " textarea", "Missing tests");
        browser.click(row("#certification-table", "desk-rejected") + " button[data-action='reject']");
        browser.shown("#certification .empty");
        JsonNode c = until("desk-rejected", "status", "Failed");
        assertEquals("Missing tests", c.at("/publishingReport/entries/0/message").asText());
        browser.go("/manage/connectors");
        browser.textBecomes(row("#connector-table", "desk-rejected") + " td.status", "Publish failed");
    }

    @Test
    @DisplayName("a rejection without a comment is refused in the Connect error's own words, and the connector stays in certification")
    void rejectNeedsComment() throws Exception {
        listOnMarketplace("desk-no-comment");
        browser.go("/manage/certification");
        browser.shown(row("#certification-table", "desk-no-comment"));
        browser.click(row("#certification-table", "desk-no-comment") + " button[data-action='reject']");
        browser.shown("#problem .error");
        assertTrue(browser.text("#problem .error").contains("comment"), browser.text("#problem .error"));
        // taken up? no: a refused body changes nothing
        assertEquals("ReadyForCertification", apiConnector("desk-no-comment").get("status").asText());
    }
}
