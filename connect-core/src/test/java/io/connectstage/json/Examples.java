package io.connectstage.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSON examples of the reference, read from {@code examples/} on the test classpath, and the
 * one equality rule of the round-trip tests: trees are equal once the fields whose value is an
 * explicit {@code null} are removed from the example, because the model does not keep the
 * difference between {@code "x": null} and an absent optional field.
 */
final class Examples {
    private static final String ROOT = "examples/";
    /** A plain mapper, so that the expected side does not depend on the code under test. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Examples() {
    }

    /** The text of {@code examples/<path>}. */
    static String text(String path) {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            assertNotNull(in, "no example " + ROOT + path + " on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree of {@code examples/<path>}, exactly as written. */
    static JsonNode tree(String path) {
        return parse(text(path));
    }

    static JsonNode parse(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** A copy of {@code node} without the object fields whose value is an explicit {@code null}, at any depth. */
    static JsonNode withoutExplicitNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull()) {
                    it.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Examples::strip);
        }
    }

    /** The round-trip rule: {@code written} equals the example at {@code path} without its explicit nulls. */
    static void assertWrittenAsExample(String path, String written) {
        assertEquals(withoutExplicitNulls(tree(path)), parse(written), path + " did not serialize back to itself");
    }

    /** Every example file, as paths relative to {@code examples/}, sorted. */
    static List<String> all() {
        URL root = Examples.class.getClassLoader().getResource(ROOT);
        assertNotNull(root, "no " + ROOT + " on the test classpath");
        try (Stream<Path> files = Files.walk(Paths.get(root.toURI()))) {
            Path base = Paths.get(root.toURI());
            return files.filter(Files::isRegularFile)
                    .map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example files directly under {@code examples/<folder>/}, sorted. */
    static List<String> in(String folder) {
        String prefix = folder + "/";
        return all().stream()
                .filter(p -> p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0)
                .toList();
    }
}
