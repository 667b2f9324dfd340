package io.connectstage.cli.console;

import io.connectstage.http.ConnectServer;
import io.connectstage.http.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test of a screen shares: one {@link ConsoleServer} and one headless
 * Chromium per class; before each test the server's stores are emptied and the browser's
 * session storage cleared (signed out).
 */
abstract class ConsoleScreenTest {
    static ConnectServer server;
    static ConsoleBrowser browser;
    static Http http;
    static String token;

    @BeforeAll
    static void startServerAndBrowser() {
        server = ConsoleServer.start();
        http = new Http(server.baseUri());
        token = ConsoleServer.token(server);
        try {
            browser = ConsoleBrowser.open(server.baseUri());
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    @AfterAll
    static void stopServerAndBrowser() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            server.close();
        }
    }

    @BeforeEach
    void signedOutAndEmpty() {
        server.reset();
        browser.go("/");
        browser.script("sessionStorage.clear();");
        browser.driver.navigate().refresh();
        browser.shown("#client-id");
        browser.recordLoadTime(getClass().getSimpleName());
    }

    /** Signs in through the sign-in screen and waits for Manage connectors. */
    static void signIn(String id, String secret) {
        browser.go("/");
        browser.shown("#client-id");
        browser.type("#client-id", id);
        browser.type("#client-secret", secret);
        browser.click("form.signin button[type=submit]");
        browser.shown("#connectors");
    }

    static void signIn() {
        signIn(ConsoleServer.ID, ConsoleServer.SECRET);
    }

    /** The connector's JSON as the API gives it to the managing client. */
    static com.fasterxml.jackson.databind.JsonNode apiConnector(String key) {
        return http.get("/connectors/drafts/key=" + key, token).expect(200).json();
    }
}
