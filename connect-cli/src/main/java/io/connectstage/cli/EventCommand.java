package io.connectstage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.json.ConnectJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./connect event}: sends one message to an event application that a server started with
 * {@code serve --run-apps} runs, as a Pub/Sub push would reach it on Connect. Gets a token with
 * the client's credentials ({@code POST /oauth/token}, scope {@code manage_project:PROJECT}), then
 * {@code POST /.connectstage/projects/PROJECT/deployments/key=KEY/events/APPLICATION}; prints the
 * message id. An error is printed as the server's Connect error message, exit code 1.
 */
@Command(name = "event", sortOptions = false, description = {
        "Send a message to an event application of a Deployment run by 'serve --run-apps' (delivered as a Pub/Sub push);",
        "prints its messageId:",
        "  ./connect event --project P --deployment KEY --application NAME --data '{\"orderId\":\"o-1\"}'"})
final class EventCommand implements Callable<Integer> {
    static final String CLIENT_ID_ENV = "CTP_CLIENT_ID";
    static final String CLIENT_SECRET_ENV = "CTP_CLIENT_SECRET";

    @ParentCommand
    ConnectCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "the server, as 'serve' printed it (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--project", paramLabel = "PROJECT", required = true, description = "the project of the Deployment")
    String project;

    @Option(names = "--deployment", paramLabel = "KEY", required = true, description = "the Deployment's key")
    String deployment;

    @Option(names = "--application", paramLabel = "NAME", required = true, description = "the event application's name")
    String application;

    @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "a message attribute (repeatable)")
    List<String> attributes = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Payload payload;

    static final class Payload {
        @Option(names = "--data", paramLabel = "TEXT", description = "the message's data, as UTF-8 text")
        String data;

        @Option(names = "--file", paramLabel = "PATH", description = "the message's data, the bytes of this file")
        Path file;
    }

    @Option(names = "--client-id", paramLabel = "ID", description = "the API client (default: $" + CLIENT_ID_ENV + ")")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", description = "its secret (default: $" + CLIENT_SECRET_ENV + ")")
    String clientSecret;

    @Override
    public Integer call() throws Exception {
        String id = clientId != null ? clientId : System.getenv(CLIENT_ID_ENV);
        String secret = clientSecret != null ? clientSecret : System.getenv(CLIENT_SECRET_ENV);
        if (id == null || secret == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the API client with --client-id and "
                    + "--client-secret, or " + CLIENT_ID_ENV + " and " + CLIENT_SECRET_ENV + " (as 'serve' printed it: ID:SECRET:SCOPES)");
        }
        ObjectNode body = ConnectJson.mapper().createObjectNode();
        byte[] data = payload.file != null ? Files.readAllBytes(payload.file) : payload.data.getBytes(StandardCharsets.UTF_8);
        body.put("data", Base64.getEncoder().encodeToString(data));
        if (!attributes.isEmpty()) {
            ObjectNode attrs = body.putObject("attributes");
            for (String a : attributes) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--attribute is KEY=VALUE, not '" + a + "'");
                }
                attrs.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        String base = url.replaceAll("/+$", "");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> token = send(client, HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("manage_project:" + project, StandardCharsets.UTF_8))));
        if (token == null) {
            return 1;
        }
        if (token.statusCode() != 200) {
            return failed(token);
        }
        String accessToken = json(token.body()).path("access_token").asText();
        HttpResponse<String> sent = send(client, HttpRequest.newBuilder(URI.create(base + "/.connectstage/projects/"
                        + segment(project) + "/deployments/key=" + segment(deployment) + "/events/" + segment(application)))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (sent == null) {
            return 1;
        }
        if (sent.statusCode() != 202) {
            return failed(sent);
        }
        parent.out.println(json(sent.body()).path("messageId").asText());
        return 0;
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            parent.err.println("event: cannot reach " + url + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parent.err.println("event: interrupted");
            return null;
        } catch (IllegalArgumentException e) {
            parent.err.println("event: " + e.getMessage());
            return null;
        }
    }

    /** Prints the Connect error's message (or the status when the answer is no Connect error); exit code 1. */
    private int failed(HttpResponse<String> r) {
        JsonNode error = json(r.body());
        String message = error.path("message").asText(null);
        parent.err.println("event: " + (message != null ? message : "HTTP " + r.statusCode() + " " + r.body()));
        return 1;
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = ConnectJson.mapper().readTree(body);
            return node == null ? ConnectJson.mapper().createObjectNode() : node;
        } catch (IOException e) {
            return ConnectJson.mapper().createObjectNode();
        }
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
