package io.connectstage.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.json.ConnectJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("ErrorResponse and ErrorCode")
class ErrorResponseTest {

    private static final ConnectError BAD_NAME = ConnectError.requiredField("name");
    private static final ConnectError BAD_KEY = ConnectError.invalidField("key", "too short");
    private static final ConnectError NOT_FOUND = ConnectError.resourceNotFound("id 'x'");
    private static final ConnectError CONFLICT = ConnectError.stateConflict("not listed", 3);
    private static final ConnectError GENERAL = ConnectError.general("boom");

    @Nested
    @DisplayName("one response, one HTTP status")
    class OneStatus {

        @Test
        @DisplayName("400 errors win over 404 and 409, whatever their order, and all of them are kept in order")
        void badRequestWins() {
            ErrorResponse r = ErrorResponse.of(List.of(CONFLICT, BAD_NAME, NOT_FOUND, BAD_KEY));
            assertEquals(400, r.statusCode());
            assertEquals(List.of(BAD_NAME, BAD_KEY), r.errors());
            assertEquals(BAD_NAME.message(), r.message());
        }

        @Test
        @DisplayName("without a 400, 404 wins over 409, and 409 over 500")
        void lowestStatusWins() {
            assertEquals(List.of(NOT_FOUND), ErrorResponse.of(List.of(GENERAL, CONFLICT, NOT_FOUND)).errors());
            assertEquals(List.of(CONFLICT), ErrorResponse.of(List.of(GENERAL, CONFLICT)).errors());
        }

        @Test
        @DisplayName("for any mix, every kept error has the response's status, which is the lowest of the mix")
        void anyMix() {
            Gen<List<ConnectError>> mixes = lists().of(Generate.pick(List.of(BAD_NAME, BAD_KEY, NOT_FOUND, CONFLICT, GENERAL)))
                    .ofSizeBetween(1, 12);
            qt().withExamples(300).forAll(mixes).checkAssert(errors -> {
                ErrorResponse r = ErrorResponse.of(errors);
                int lowest = errors.stream().mapToInt(ConnectError::httpStatus).min().getAsInt();
                assertEquals(lowest, r.statusCode());
                assertTrue(r.errors().stream().allMatch(e -> e.httpStatus() == lowest));
                assertEquals(errors.stream().filter(e -> e.httpStatus() == lowest).count(), r.errors().size());
            });
        }
    }

    @Nested
    @DisplayName("ConnectError")
    class TypedAccess {

        @Test
        @DisplayName("gives currentVersion and expectedVersion of a ConcurrentModification, and nothing for others")
        void versions() {
            ConnectError e = ConnectError.concurrentModification("id=x", 2, 5);
            assertEquals(OptionalLong.of(5), e.currentVersion());
            assertEquals(OptionalLong.of(2), e.expectedVersion());
            assertEquals(OptionalLong.empty(), BAD_NAME.currentVersion());
            assertEquals(OptionalLong.empty(), BAD_NAME.expectedVersion());
        }

        @Test
        @DisplayName("read back from JSON, the versions are still there")
        void versionsReadBack() {
            ErrorResponse r = ConnectJson.read(ConnectJson.write(ErrorResponse.of(
                    ConnectError.concurrentModification("id=x", 2, 5))), ErrorResponse.class).get();
            assertEquals(OptionalLong.of(5), r.errors().get(0).currentVersion());
            assertEquals(OptionalLong.of(2), r.errors().get(0).expectedVersion());
        }
    }

    @Nested
    @DisplayName("ErrorCode")
    class Codes {

        private Set<String> ramlErrorCodes() throws IOException {
            Set<String> codes = new TreeSet<>();
            Pattern discriminator = Pattern.compile("(?m)^discriminatorValue:\\s*(\\S+)");
            for (String file : ramlErrorFiles()) {
                try (InputStream in = ErrorResponseTest.class.getResourceAsStream("/reference/error/" + file)) {
                    Matcher m = discriminator.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    assertTrue(m.find(), () -> file + " has no discriminatorValue");
                    codes.add(m.group(1));
                }
            }
            return codes;
        }

        private List<String> ramlErrorFiles() throws IOException {
            try (InputStream in = ErrorResponseTest.class.getResourceAsStream("/reference/error/")) {
                List<String> files = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                        .filter(f -> f.endsWith("Error.raml")).collect(Collectors.toList());
                assertTrue(files.size() >= 36, () -> "expected the RAML's error types, found " + files);
                return files;
            }
        }

        @Test
        @DisplayName("every error type of the RAML is a constant, and an error response of it reads back with that code")
        void everyRamlErrorTypeReadsBack() throws IOException {
            for (String code : ramlErrorCodes()) {
                assertTrue(ErrorCode.fromWire(code).isPresent(), () -> "no ErrorCode for " + code);
                ErrorCode constant = ErrorCode.fromWire(code).get();
                String json = "{\"statusCode\":" + constant.httpStatus() + ",\"message\":\"m\",\"errors\":[{\"code\":\""
                        + code + "\",\"message\":\"m\"}]}";
                ErrorResponse read = ConnectJson.read(json, ErrorResponse.class)
                        .getOrElseThrow(e -> new AssertionError(code + ": " + ConnectJson.write(e)));
                assertEquals(constant, read.errors().get(0).code());
                assertEquals(code, ConnectJson.toTree(read).get("errors").get(0).get("code").asText());
            }
        }

        @Test
        @DisplayName("the OAuth codes are there with their statuses: invalid_token 401, insufficient_scope 403, invalid_client 401, ...")
        void oauthCodes() {
            Map<String, Integer> expected = Map.of("invalid_token", 401, "insufficient_scope", 403, "invalid_client", 401,
                    "invalid_request", 400, "invalid_scope", 400, "invalid_grant", 400, "unsupported_grant_type", 400,
                    "unauthorized_client", 400);
            expected.forEach((code, status) -> assertEquals(status, ErrorCode.fromWire(code)
                    .orElseThrow(() -> new AssertionError("no " + code)).httpStatus(), code));
        }

        @Test
        @DisplayName("statuses: ResourceNotFound 404, ConcurrentModification 409, General 500, BadGateway 502, auth 401/403")
        void statuses() {
            assertEquals(404, ErrorCode.RESOURCE_NOT_FOUND.httpStatus());
            assertEquals(409, ErrorCode.CONCURRENT_MODIFICATION.httpStatus());
            assertEquals(500, ErrorCode.GENERAL.httpStatus());
            assertEquals(502, ErrorCode.BAD_GATEWAY.httpStatus());
            assertEquals(401, ErrorCode.AUTHENTICATION_ERROR.httpStatus());
            assertEquals(403, ErrorCode.AUTHORIZATION_ERROR.httpStatus());
            assertTrue(Arrays.stream(ErrorCode.values()).filter(c -> c.wireValue().startsWith("Deployment"))
                    .allMatch(c -> c.httpStatus() == 400));
        }

        @Test
        @DisplayName("constants are UPPER_SNAKE and wire values are unique")
        void naming() {
            List<String> wire = new ArrayList<>();
            for (ErrorCode code : ErrorCode.values()) {
                assertTrue(code.name().matches("[A-Z][A-Z0-9_]*"), code.name());
                wire.add(code.wireValue());
            }
            assertEquals(wire.size(), new TreeSet<>(wire).size(), () -> "duplicate wire values in " + wire);
            assertTrue(Collections.frequency(wire, "InvalidJsonInput") == 1);
        }
    }

    @Test
    @DisplayName("of the core's Seq of errors answers as of the same errors in a java.util.List")
    void ofSeq() {
        io.vavr.collection.Seq<ConnectError> core = io.vavr.collection.List.of(NOT_FOUND, BAD_NAME, CONFLICT, BAD_KEY);

        ErrorResponse response = ErrorResponse.of(core);

        assertEquals(ErrorResponse.of(List.of(NOT_FOUND, BAD_NAME, CONFLICT, BAD_KEY)), response);
        assertEquals(400, response.statusCode());
        assertEquals(List.of(BAD_NAME, BAD_KEY), response.errors());
    }
}
