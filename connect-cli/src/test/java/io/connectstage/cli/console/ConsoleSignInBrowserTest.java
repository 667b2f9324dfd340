package io.connectstage.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

@DisplayName("The console's Sign in screen, in headless Chromium")
class ConsoleSignInBrowserTest extends ConsoleScreenTest {

    @Test
    @DisplayName("passes axe-core with no serious or critical violation")
    void accessible() throws Exception {
        browser.shown("#client-id");
        browser.screenshot("01-sign-in");
        browser.assertAccessible("Sign in");
    }

    @Test
    @DisplayName("shows a wrong secret's error in the auth service's own words, and keeps no token")
    void wrongSecret() throws Exception {
        String apiMessage = http.token(ConsoleServer.ID, "not-the-secret", null).expect(401).json().get("message").asText();
        browser.shown("#client-id");
        browser.type("#client-id", ConsoleServer.ID);
        browser.type("#client-secret", "not-the-secret");
        browser.click("form.signin button[type=submit]");
        browser.shown(".error[role=alert]");
        assertEquals(apiMessage, browser.text(".error p"));
        browser.screenshot("01-sign-in-error");
        assertEquals(0L, browser.script("return sessionStorage.length + localStorage.length;"));
    }

    @Test
    @DisplayName("with an API client's id and secret opens Manage connectors of its project, the token in session storage only")
    void signsIn() throws Exception {
        signIn();
        assertTrue(browser.text("#who").contains(ConsoleServer.PROJECT), browser.text("#who"));
        String session = String.valueOf(browser.script("return sessionStorage.getItem('connectstage.console.session');"));
        String consoleToken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(session).at("/projects/0/token").asText();
        // the token is a real one of the API, and it is nowhere else: not in the URL, not in local storage
        http.get("/connectors/drafts", consoleToken).expect(200);
        assertFalse(browser.driver.getCurrentUrl().contains(consoleToken));
        assertEquals(0L, browser.script("return localStorage.length;"));
        assertFalse(session.contains(ConsoleServer.SECRET), "the secret is not kept");
        assertEquals("Manage connectors", browser.text("h1"));
    }

    @Test
    @DisplayName("signs out: the session is gone and the sign-in screen is back, without the signed-in navigation")
    void signsOut() {
        signIn();
        assertTrue(browser.driver.findElement(org.openqa.selenium.By.id("nav")).isDisplayed());
        browser.click("#sign-out");
        browser.shown("#client-id");
        assertEquals(0L, browser.script("return sessionStorage.length;"));
        assertFalse(browser.driver.findElement(org.openqa.selenium.By.id("nav")).isDisplayed(), "the navigation is hidden");
        assertFalse(browser.driver.findElement(org.openqa.selenium.By.id("sign-out")).isDisplayed(), "Sign out is hidden");
    }

    @Test
    @DisplayName("works from the keyboard alone: the id field has the focus, Tab to the secret, Enter signs in")
    void byKeyboard() {
        browser.shown("#client-id");
        browser.until("the id field has the focus", () -> "client-id".equals(browser.script("return document.activeElement.id;")));
        browser.driver.switchTo().activeElement().sendKeys(ConsoleServer.ID, Keys.TAB);
        assertEquals("client-secret", browser.script("return document.activeElement.id;"));
        browser.driver.switchTo().activeElement().sendKeys(ConsoleServer.SECRET, Keys.ENTER);
        browser.shown("#connectors");
        assertEquals("Manage connectors", browser.text("h1"));
    }
}
