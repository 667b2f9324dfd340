package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.http.Http;
import io.connectstage.processing.CertificationDesk;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's Connect marketplace, in headless Chromium")
class ConsoleMarketplaceBrowserTest extends ConsoleScreenTest {

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

    private static JsonNode publish(String key, boolean certification) throws InterruptedException {
        JsonNode c = http.post("/connectors/drafts", token, Http.draft(key)).expect(201).json();
        http.post("/connectors/drafts/key=" + key, token, "{\"version\":1,\"actions\":[{\"action\":\"publish\",\"certification\":"
                + certification + "}]}").expect(201);
        until(key, "status", certification ? "ReadyForCertification" : "Published");
        return c;
    }

    /** A connector listed on the marketplace: submitted with List on Marketplace, approved at the desk. */
    private static JsonNode listed(String key) throws InterruptedException {
        JsonNode c = publish(key, true);
        CertificationDesk desk = ConsoleServer.desk(server);
        assertTrue(desk.start(c.get("id").asText()).isRight());
        assertTrue(desk.approve(c.get("id").asText()).isRight());
        until(key, "status", "Published");
        return c;
    }

    private static List<String> keysIn(String section) {
        return browser.all(section + " li.card").stream().map(e -> e.getAttribute("data-key")).toList();
    }

    @Test
    @DisplayName("shows listed Connectors under Public Connectors and privately published ones under Organization Connectors, as the API's search")
    void lists() throws Exception {
        listed("listed-one");
        publish("private-one", false);
        signIn();
        browser.shown("#connector-table tr[data-key='listed-one']");
        assertEquals("Listed and certified", browser.text("#connector-table tr[data-key='listed-one'] td.status"));
        browser.go("/marketplace");
        browser.textBecomes("#public-connectors li.card h3", "Connector listed-one");
        browser.textBecomes("#organization-connectors li.card h3", "Connector private-one");
        assertEquals(List.of("listed-one"), keysIn("#public-connectors"));
        assertEquals(List.of("private-one"), keysIn("#organization-connectors"));
        JsonNode found = http.get("/connectors/search", token).expect(200).json().get("results");
        assertEquals(2, found.size());
        browser.screenshot("11-marketplace");
        browser.assertAccessible("Connect marketplace");
    }

    @Test
    @DisplayName("searches by name and by creator")
    void searches() throws Exception {
        publish("alpha-tax", false);
        publish("beta-search", false);
        signIn();
        browser.go("/marketplace");
        browser.shown("#organization-connectors li.card:nth-child(2)");
        browser.type("#marketplace-search", "beta");
        browser.click("#marketplace-go");
        browser.until("only beta-search is found", () -> keysIn("#organization-connectors").equals(List.of("beta-search")));
        browser.type("#marketplace-search", "nobody-inc");
        browser.click("#marketplace-by-creator");
        browser.click("#marketplace-go");
        browser.shown("#organization-connectors .empty");
        browser.type("#marketplace-search", "acme");
        browser.click("#marketplace-go");
        browser.until("both are found by their creator", () -> keysIn("#organization-connectors").size() == 2);
    }

    @Test
    @DisplayName("Learn more shows the Connector's documentation with its applications and keys; Install deploys it on production")
    void learnMoreAndInstall() throws Exception {
        JsonNode c = listed("documented");
        signIn();
        browser.go("/marketplace");
        browser.shown("#public-connectors li.card a");
        browser.click("#public-connectors li.card a");
        browser.textBecomes("main h1", "Connector documented");
        assertEquals("acme · john.doe@example.com", browser.text("dd[data-field='Creator']"));
        assertEquals("yes", browser.text("dd[data-field='Certified']"));
        assertEquals(2, browser.all("table.config-keys tbody tr").size());
        assertEquals("BATCH_SIZE", browser.text("table.config-keys tbody tr:first-child td"));
        browser.screenshot("12-marketplace-learn-more");
        browser.assertAccessible("Learn more");
        browser.click("#marketplace-install");
        browser.shown("#install-form");
        browser.type("#config-service-API_SECRET", "from-the-marketplace");
        browser.click("#install");
        browser.shown("#installation-table tr[data-key='documented-production']");
        browser.textBecomes("#installation-table tr[data-key='documented-production'] td.status", "Deployed");
        JsonNode d = http.get("/" + ConsoleServer.PROJECT + "/deployments/key=documented-production", token).expect(200).json();
        assertEquals(c.get("id").asText(), d.at("/connector/id").asText());
        assertEquals("production", d.get("type").asText());
    }
}
