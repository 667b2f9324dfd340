package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.http.Http;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's Create connector form, in headless Chromium")
class ConsoleCreateConnectorBrowserTest extends ConsoleScreenTest {

    private static void openForm() {
        signIn();
        browser.click("#create-connector");
        browser.shown("#create-form");
    }

    private static void fillRequired(String name, String key) {
        browser.type("#repository-url", "https://github.com/acme/" + key + ".git");
        browser.type("#repository-tag", "1.0.0");
        browser.type("#connector-name", name);
        browser.type("#connector-key", key);
        browser.type("#creator-email", "maintainer@example.com");
    }

    @Test
    @DisplayName("shows the seed's sections, GitHub as unavailable with why, and passes axe-core")
    void form() throws Exception {
        openForm();
        assertEquals(java.util.List.of("Git source", "Connector setup", "Connector type", "Supported regions", "Creator details",
                "Project scope", "Supported projects", "Publishing options"),
                browser.all("form legend").stream().map(e -> e.getText()).toList());
        assertFalse(browser.find("#git-source-github").isEnabled());
        assertTrue(browser.text("#github-why").contains("local server"));
        assertEquals(ConsoleServer.PROJECT, browser.text("#primary-project"));
        browser.screenshot("04-create-connector");
        browser.assertAccessible("Create connector");
    }

    @Test
    @DisplayName("checks the Connector key with the seed's rule as it is typed")
    void keyRule() {
        openForm();
        browser.type("#connector-key", "a");
        browser.textBecomes("#connector-key-check", "The Connector key must have a minimum length of 2 characters.");
        assertEquals("true", browser.find("#connector-key").getAttribute("aria-invalid"));
        browser.type("#connector-key", "a b");
        browser.textBecomes("#connector-key-check", "The Connector key may only contain alphanumeric characters, underscores and hyphens.");
        browser.type("#connector-key", "x".repeat(257));
        browser.textBecomes("#connector-key-check", "The Connector key must have a maximum length of 256 characters.");
        browser.type("#connector-key", "My_key-2");
        browser.textBecomes("#connector-key-check", "This key is valid.");
        assertEquals("false", browser.find("#connector-key").getAttribute("aria-invalid"));
    }

    @Test
    @DisplayName("creates the connector from every section, requests its preview and opens its page; the API holds what was typed")
    void creates() throws Exception {
        openForm();
        fillRequired("Tax by Acme", "acme-tax");
        browser.type("#connector-description", "Taxes, computed");
        browser.click("#integration-type-tax");
        browser.click("#region-europe-west1-gcp");
        browser.click("#region-us-central1-gcp");
        browser.type("#creator-title", "Lead");
        browser.type("#creator-name", "Ada");
        browser.type("#creator-company", "Acme");
        browser.type("#creator-contributors", "3");
        browser.click("#scope-specific");
        browser.type("#private-projects", "other-project");
        browser.click("#publishing-requestPreview");
        browser.click("#create");
        browser.textBecomes("main h1", "Tax by Acme");
        JsonNode c = apiConnector("acme-tax");
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/manage/connectors/" + c.get("id").asText()), browser.driver.getCurrentUrl());
        assertEquals("https://github.com/acme/acme-tax.git", c.at("/repository/url").asText());
        assertEquals("1.0.0", c.at("/repository/tag").asText());
        assertEquals("Taxes, computed", c.get("description").asText());
        assertEquals("[\"tax\"]", c.get("integrationTypes").toString());
        assertEquals("[\"europe-west1.gcp\",\"us-central1.gcp\"]", c.get("supportedRegions").toString());
        assertEquals("maintainer@example.com", c.at("/creator/email").asText());
        assertEquals("Lead", c.at("/creator/title").asText());
        assertEquals("Ada", c.at("/creator/name").asText());
        assertEquals("Acme", c.at("/creator/company").asText());
        assertEquals(3, c.at("/creator/noOfContributors").asInt());
        assertEquals("[\"europe-west1.gcp:other-project\"]", c.get("privateProjects").toString());
        browser.textBecomes("dd[data-field='Previewable status']", "Accepted");
        assertEquals("true", apiConnector("acme-tax").get("isPreviewable").asText());
        browser.screenshot("04-create-connector-created");
    }

    @Test
    @DisplayName("Skip this step: the new connector is a Draft")
    void skip() {
        openForm();
        fillRequired("Later", "later");
        browser.click("#create");
        browser.textBecomes("main h1", "Later");
        assertEquals("Draft", browser.text("dd[data-field='Status']"));
        assertEquals("Draft", apiConnector("later").get("status").asText());
    }

    @Test
    @DisplayName("shows a key already taken in the Connect error's own words, and creates nothing")
    void duplicateKey() throws Exception {
        http.post("/connectors/drafts", token, Http.draft("taken")).expect(201);
        JsonNode refused = http.post("/connectors/drafts", token, Http.draft("taken")).json();
        assertTrue(refused.get("statusCode").asInt() >= 400, refused.toString());
        openForm();
        fillRequired("Second", "taken");
        browser.click("#create");
        browser.shown("#problem .error");
        assertEquals(refused.get("message").asText(), browser.text("#problem .error p"));
        browser.screenshot("04-create-connector-error");
        assertEquals(1, http.get("/connectors/drafts", token).expect(200).json().get("total").asInt());
    }
}
