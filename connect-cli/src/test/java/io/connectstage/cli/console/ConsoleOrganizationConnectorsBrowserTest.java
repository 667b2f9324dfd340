package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.http.Http;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;

@DisplayName("The console's Manage connectors → Organization connectors screen, in headless Chromium")
class ConsoleOrganizationConnectorsBrowserTest extends ConsoleScreenTest {

    private static String row(String key) {
        return "#connector-table tr[data-key='" + key + "']";
    }

    private static void click(String key, String action) {
        browser.click(row(key) + " button[data-action=" + action + "]");
    }

    @Test
    @DisplayName("lists the project's staged connectors with name, key, status, previewable status and version, and passes axe-core")
    void lists() throws Exception {
        http.post("/connectors/drafts", token, Http.draft("first-connector")).expect(201);
        http.post("/connectors/drafts", token, Http.draft("second-connector")).expect(201);
        signIn();
        browser.shown(row("second-connector"));
        assertEquals(2, browser.all("#connector-table tbody tr").size());
        assertEquals("Connector first-connector", browser.text(row("first-connector") + " td.name"));
        assertEquals("first-connector", browser.text(row("first-connector") + " td.key"));
        assertEquals("Draft", browser.text(row("first-connector") + " td.status"));
        assertEquals("Not requested", browser.text(row("first-connector") + " td.previewable"));
        assertEquals("1", browser.text(row("first-connector") + " td.version"));
        browser.screenshot("02-organization-connectors");
        browser.assertAccessible("Organization connectors");
    }

    @Test
    @DisplayName("shows a connector created through the API meanwhile, without a reload")
    void newConnectorsAppear() {
        signIn();
        browser.shown("#connectors .empty");
        browser.mark();
        http.post("/connectors/drafts", token, Http.draft("late-connector")).expect(201);
        browser.shown(row("late-connector"));
        assertTrue(browser.stillMarked(), "the page was reloaded");
    }

    @Test
    @DisplayName("Request preview: the previewable status becomes Accepted without a reload, as the API says")
    void requestPreview() throws Exception {
        http.post("/connectors/drafts", token, Http.draft("preview-me")).expect(201);
        signIn();
        browser.shown(row("preview-me"));
        browser.mark();
        click("preview-me", "requestPreview");
        browser.textBecomes(row("preview-me") + " td.previewable", "Accepted");
        assertTrue(browser.stillMarked(), "the page was reloaded");
        assertEquals("true", apiConnector("preview-me").get("isPreviewable").asText());
        browser.screenshot("02-organization-connectors-preview-accepted");
    }

    @Test
    @DisplayName("Request preview of a broken repository: the previewable status becomes Rejected")
    void previewRejected() {
        http.post("/connectors/drafts", token, Http.draft("broken-one").replace("\"1.0.0\"", "\"broken\"")).expect(201);
        signIn();
        browser.shown(row("broken-one"));
        click("broken-one", "requestPreview");
        browser.textBecomes(row("broken-one") + " td.previewable", "Rejected");
        assertEquals("false", apiConnector("broken-one").get("isPreviewable").asText());
    }

    @Test
    @DisplayName("Publish for private use: the status becomes Published without a reload, as the API says")
    void publishForPrivateUse() {
        http.post("/connectors/drafts", token, Http.draft("publish-me")).expect(201);
        signIn();
        browser.shown(row("publish-me"));
        browser.mark();
        click("publish-me", "publishPrivate");
        browser.textBecomes(row("publish-me") + " td.status", "Published");
        assertTrue(browser.stillMarked(), "the page was reloaded");
        JsonNode c = apiConnector("publish-me");
        assertEquals("Published", c.get("status").asText());
        browser.textBecomes(row("publish-me") + " td.version", c.get("version").asText());
    }

    @Test
    @DisplayName("List on Marketplace: the connector goes to certification, as the API says")
    void listOnMarketplace() {
        http.post("/connectors/drafts", token, Http.draft("list-me")).expect(201);
        signIn();
        browser.shown(row("list-me"));
        click("list-me", "listOnMarketplace");
        browser.textBecomes(row("list-me") + " td.status", "ReadyForCertification");
        assertEquals("ReadyForCertification", apiConnector("list-me").get("status").asText());
    }

    @Test
    @DisplayName("shows a refused action's error in the Connect error's own words (a client that may only view)")
    void refusedAction() throws Exception {
        http.post("/connectors/drafts", token, Http.draft("not-yours")).expect(201);
        String viewer = http.token(ConsoleServer.VIEWER_ID, ConsoleServer.VIEWER_SECRET, null).expect(200).json().get("access_token").asText();
        JsonNode c = apiConnector("not-yours");
        JsonNode refused = http.post("/connectors/drafts/" + c.get("id").asText(), viewer,
                "{\"version\":1,\"actions\":[{\"action\":\"updatePreviewable\"}]}").expect(403).json();
        signIn(ConsoleServer.VIEWER_ID, ConsoleServer.VIEWER_SECRET);
        browser.shown(row("not-yours"));
        click("not-yours", "requestPreview");
        browser.shown("#problem .error");
        assertEquals(refused.get("message").asText(), browser.text("#problem .error p"));
        assertEquals(refused.at("/errors/0/code").asText() + ": " + refused.at("/errors/0/message").asText(),
                browser.text("#problem .error li"));
        assertEquals(c.get("isPreviewable").asText(), apiConnector("not-yours").get("isPreviewable").asText());
        browser.screenshot("02-organization-connectors-error");
    }

    @Test
    @DisplayName("renders a connector named <img src=x onerror=alert(1)> as text, in the list and on its page")
    void valuesStayText() throws Exception {
        String name = "<img src=x onerror=alert(1)>";
        ObjectNode draft = (ObjectNode) new ObjectMapper().readTree(Http.draft("xss-connector"));
        draft.set("name", JsonNodeFactory.instance.textNode(name));
        draft.set("description", JsonNodeFactory.instance.textNode("<script>alert(2)</script><b>bold</b>"));
        http.post("/connectors/drafts", token, draft.toString()).expect(201);
        signIn();
        browser.shown(row("xss-connector"));
        assertEquals(name, browser.text(row("xss-connector") + " td.name"));
        assertEquals(0, browser.all("main img, main script, main b").size());
        browser.click(row("xss-connector") + " td.name a");
        browser.textBecomes("main h1", name);
        assertEquals("<script>alert(2)</script><b>bold</b>", browser.text("dd[data-field=Description]"));
        assertEquals(0, browser.all("main img, main script, main b").size());
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    }
}
