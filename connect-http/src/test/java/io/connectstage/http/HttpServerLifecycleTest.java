package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.oauth.OAuthClient;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectServer start and stop")
class HttpServerLifecycleTest {
    private static final OAuthClient CLIENT = OAuthClient.parse("id:secret:manage_project:p1").get();

    @Test
    void aTakenPortIsAClearErrorAndTheFirstServerKeepsServing() {
        try (ConnectServer first = ConnectServer.builder().client(CLIENT).start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ConnectServer.builder().client(CLIENT).port(first.port()).start());
            assertTrue(e.getMessage().contains(String.valueOf(first.port())), e.getMessage());
            assertFalse(e.getMessage().contains("secret"));
            new Http(first.baseUri()).token("id", "secret", null).expect(200);
        }
    }

    @Test
    void afterCloseThePortIsFree() throws Exception {
        ConnectServer server = ConnectServer.builder().client(CLIENT).start();
        int port = server.port();
        server.close();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
        try (ConnectServer again = ConnectServer.builder().client(CLIENT).port(port).start()) {
            assertEquals(port, again.port());
        }
    }

    @Test
    void clientsAreCheckedWhenParsed() {
        assertTrue(OAuthClient.parse("a:b:manage_project:p1,view_connectors:p1").isRight());
        assertTrue(OAuthClient.parse("a:b:manage_project:p1,view_connectors:p2").isLeft());
        assertTrue(OAuthClient.parse("a:b:unknown_scope:p1").isLeft());
        assertTrue(OAuthClient.parse("a:b").isLeft());
        assertTrue(OAuthClient.parse(":b:manage_project:p1").isLeft());
        assertTrue(OAuthClient.parse("a::manage_project:p1").isLeft());
        // the secret may not contain a colon, but the scopes do: split on the first two only
        assertEquals("p1", OAuthClient.parse("a:b:manage_project:p1").get().projectKey());
        assertFalse(OAuthClient.parse("a:s3cr3t:bad").getLeft().contains("s3cr3t"));
        assertFalse(OAuthClient.parse("a:s3cr3t:manage_project:p1").get().toString().contains("s3cr3t"));
    }
}
