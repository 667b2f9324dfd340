package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.json.ConnectJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the tests: JSON in, status and JSON out. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return ConnectJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** Asserts the status and, for an error, the Connect error shape with this first code. */
        public Reply expect(int expected, String code) {
            assertEquals(expected, status, body);
            if (code != null) {
                JsonNode j = json();
                assertEquals(expected, j.get("statusCode").asInt(), body);
                assertTrue(j.get("message").isTextual(), body);
                assertEquals(code, j.at("/errors/0/code").asText(), body);
            }
            return this;
        }

        public Reply expect(int expected) {
            return expect(expected, null);
        }
    }

    public Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    /** {@code POST /oauth/token} with HTTP basic authentication. */
    public Reply token(String clientId, String secret, String scope) {
        return auth("/oauth/token", clientId, secret, "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8)));
    }

    /** {@code POST /oauth/introspect} of this token with HTTP basic authentication. */
    public Reply introspect(String clientId, String secret, String token) {
        return auth("/oauth/introspect", clientId, secret, "token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private Reply auth(String path, String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public static String draft(String key) {
        return "{\"key\":\"" + key + "\",\"name\":\"Connector " + key + "\","
                + "\"creator\":{\"email\":\"john.doe@example.com\",\"company\":\"acme\"},"
                + "\"repository\":{\"url\":\"git@github.com:acme/" + key + ".git\",\"tag\":\"1.0.0\"}}";
    }
}
