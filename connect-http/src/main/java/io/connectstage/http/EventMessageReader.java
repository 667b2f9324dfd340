package io.connectstage.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.processing.DeploymentRunner.EventMessage;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST …/events/{application}} as the message to deliver. A JSON body
 * ({@code application/json}) is an envelope: {@code {"data": "<base64>"}} or
 * {@code {"message": <any JSON>}} (its compact text as the data), and optionally
 * {@code "attributes": {"key": "value", …}}; the data, an attribute, or both, as Pub/Sub asks of a
 * message. Any other body, of any other or no type, is the data as it is, without attributes.
 *
 * <pre>{@code
 * {"message": {"type": "OrderCreated", "orderId": "o-1"}, "attributes": {"source": "test"}}
 * }</pre>
 */
final class EventMessageReader {
    private EventMessageReader() {
    }

    static Either<ErrorResponse, EventMessage> read(String contentType, byte[] body) {
        if (contentType == null) {
            return Either.right(new EventMessage(body, Map.of()));
        }
        String media = Bodies.mediaType(contentType);
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            return Either.right(new EventMessage(body, Map.of()));
        }
        JsonNode json;
        try {
            json = ConnectJson.mapper().readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return invalid("the body is not JSON; send other bytes with another Content-Type to deliver them as they are");
        }
        if (json == null || !json.isObject()) {
            return invalid("the body is a JSON object with data (base64) or message (any JSON), and attributes");
        }
        List<ConnectError> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("data", "message", "attributes").contains(name)) {
                errors.add(ConnectError.invalidField(name, "is not a field of an event message (data, message, attributes)"));
            }
        }
        byte[] data = new byte[0];
        if (json.has("data") && json.has("message")) {
            errors.add(ConnectError.invalidField("data", "is given with message: give one of them"));
        } else if (json.has("data")) {
            if (!json.get("data").isTextual()) {
                errors.add(ConnectError.invalidField("data", "is base64 text"));
            } else {
                try {
                    data = Base64.getDecoder().decode(json.get("data").asText());
                } catch (IllegalArgumentException e) {
                    errors.add(ConnectError.invalidField("data", "is not base64"));
                }
            }
        } else if (json.has("message")) {
            data = json.get("message").toString().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode given = json.get("attributes");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                errors.add(ConnectError.invalidField("attributes", "is an object of text values"));
            } else {
                given.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) {
                        attributes.put(e.getKey(), e.getValue().asText());
                    } else {
                        errors.add(ConnectError.invalidField("attributes." + e.getKey(), "is text"));
                    }
                });
            }
        }
        if (errors.isEmpty() && data.length == 0 && attributes.isEmpty()) {
            errors.add(ConnectError.invalidField("data", "is empty and there is no attribute: a message has one or the other"));
        }
        return errors.isEmpty() ? Either.right(new EventMessage(data, attributes)) : Either.left(ErrorResponse.of(errors));
    }

    private static Either<ErrorResponse, EventMessage> invalid(String why) {
        return Either.left(ErrorResponse.of(ConnectError.invalidJson(why)));
    }
}
