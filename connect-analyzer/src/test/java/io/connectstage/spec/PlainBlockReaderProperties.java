package io.connectstage.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * {@link PlainBlockReader} answers exactly the tree that snakeyaml-engine's events compose into
 * (through {@link NodeComposer}, marks off, as a quick read does), or nothing: never a tree for a
 * text the library refuses, never a different one. Texts come from a generator of block YAML
 * (every indentation style, plain and quoted scalars of every resolved type, comments) and from
 * mutations of them and of the real files that put YAML's sharp characters anywhere.
 */
class PlainBlockReaderProperties {
    private static final SpecLimits LIMITS = SpecLimits.defaults();
    private static final CoreResolver RESOLVER = new CoreResolver();
    /** Values the reader must read itself. */
    private static final List<String> PLAIN = List.of("a", "name", "value-1", "KEY_0", "/app", "true", "False", "null",
            "~", "0", "-1", "+5", "0x1F", "0o7", "1e3", "5.", ".5", ".inf", "${ENV}", "http://x.io/a?b=c", "a b  c",
            "it's", "a#b", "a:b", "-x", "?x", ":x", "a]", "a,b", "x{y}", "0 0 * * *", "a\"b", "yes", "a #c", "''",
            "'a'", "'it''s'", "'a: b'", "'# x'", "\"\"", "\"a\"", "\"a: b\"", "\"'\"", "'\"'", "\" # \"");
    /** Values the library must read, or refuse. */
    private static final List<String> SHARP_VALUES = List.of("[", "@daily", "%x", "!x", "&a", "*a", "|", ">", "a: b",
            "-", "?", ":", "- a", "---", "...", "[a]", "{}", "\"a\\nb\"", "'unterminated", "\"unterminated", "'a' b",
            "'a'#b", "!!str a", "a:", "`a`");
    private static final String SHARP = " :-#'\"\n?&*!|>[]{},%@`~\\a0\t\r";

    @Test
    void readsTheRealFilesAndTheBenchmarkShapeItself() throws IOException {
        for (String name : List.of("Happy-Horizon__commercetools-product-reviews.yaml",
                "Relewise__relewise-integrations-commercetools-connect.yaml",
                "commercetools__connect-application-kit__javascript.yaml",
                "commercetools__connect-payment-integration-template.yaml")) {
            String text = real(name);
            Node ours = PlainBlockReader.read(text, RESOLVER, LIMITS);
            assertNotNull(ours, name + " should not need the library");
            assertEquals(library(text), shape(ours), name);
        }
        String applications = """
                deployAs:
                - name: app-0   # indentless, with a comment
                  applicationType: service
                  endpoint: '/app-0'
                  configuration:
                    standardConfiguration:
                      - key: KEY_0
                        description: "key 0: the first"
                        required: true
                        default: 10
                    securedConfiguration: []
                """;
        assertNull(PlainBlockReader.read(applications, RESOLVER, LIMITS), "a flow list is the library's");
        String plain = applications.replace("securedConfiguration: []", "securedConfiguration:");
        assertEquals(library(plain), shape(PlainBlockReader.read(plain, RESOLVER, LIMITS)));
    }

    @Test
    void declinesWhatOnlyTheLibraryReads() {
        for (String text : List.of("", "# only a comment\n", "- a\n", "a\n", "--- \na: b\n", "%YAML 1.2\n---\na: b\n",
                "a: b\na: c\n", "a: |\n  text\n", "a: >\n  text\n", "a: &x b\nc: *x\n", "a: !!str b\n", "a: [b]\n",
                "a: {b: c}\n", "a: b\n  c\n", "a:\tb\n", "a: b\r\n", "a: \"\\u00e9\"\n", "a: caf\u00e9\n", "? a\n: b\n",
                "a:\n  - - b\n", "a:\n  -  # c\n    b\n", "a : b\n", "a:\n b: 1\n c: 2\n  d: 3\n", "a: b: c\n",
                "a:\n  b\n", "'a'b: c\n", "x" + "y".repeat(1001) + ": z\n")) {
            assertNull(PlainBlockReader.read(text, RESOLVER, LIMITS), text);
        }
    }

    @Test
    void declinesBeyondTheLimitsSoThatTheLibraryReportsThem() {
        String deep = "a:\n  b:\n    c:\n      d: e\n";
        assertNull(PlainBlockReader.read(deep, RESOLVER, new SpecLimits(1024, 10, 3, 1024)));
        assertNotNull(PlainBlockReader.read(deep, RESOLVER, new SpecLimits(1024, 10, 4, 1024)));
        assertNull(PlainBlockReader.read(deep, RESOLVER, new SpecLimits(1024, 10, 10, 1024, 12)));
        assertNull(PlainBlockReader.read(deep, RESOLVER, new SpecLimits(1024, 10, 10, deep.length() - 1)));
    }

    @Test
    void answersTheLibrarysTreeForGeneratedBlockYaml() {
        qt().withExamples(4_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            if (random.nextBoolean()) {
                String text = generated(random, false);
                assertTrue(agrees(text), () -> "declined a file of plain block YAML:\n" + text);
            } else {
                agrees(generated(random, true));
            }
        });
    }

    @Test
    void answersTheLibrarysTreeOrNothingForMutatedFiles() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String name : List.of("commercetools__connect-payment-integration-template.yaml",
                "commercetools__connect-application-kit__javascript.yaml")) {
            seeds.add(real(name));
        }
        qt().withExamples(4_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String text = random.nextBoolean() ? seeds.get(random.nextInt(seeds.size())) : generated(random, true);
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                text = mutated(text, random);
            }
            agrees(text);
        });
    }

    /** Whether the reader read {@code text}; fails when it answered a tree the library does not compose. */
    private static boolean agrees(String text) {
        Node ours = PlainBlockReader.read(text, RESOLVER, LIMITS);
        if (ours == null) {
            return false;
        }
        assertEquals(library(text), shape(ours), () -> "a different tree for:\n" + text);
        return true;
    }

    /** The library's tree of {@code text} as {@link #shape} spells it, or why it has none that the reader could answer. */
    private static String library(String text) {
        LoadSettings settings = YamlDocument.settings(LIMITS, false);
        try {
            NodeComposer composer = new NodeComposer(new ParserImpl(settings, new StreamReader(settings, text)),
                    RESOLVER, LIMITS);
            Optional<Node> root = composer.singleNode();
            if (root.isEmpty()) {
                return "(no document)";
            }
            return (composer.unusual() ? "(unusual) " : "") + shape(root.get());
        } catch (RuntimeException e) {
            return "(refused: " + e.getClass().getSimpleName() + " " + e.getMessage() + ")";
        }
    }

    /** Everything of a node that reading the specification can see: kind, tag, style, value, children in order. */
    private static String shape(Node node) {
        StringBuilder out = new StringBuilder();
        shape(node, out);
        return out.toString();
    }

    private static void shape(Node node, StringBuilder out) {
        out.append(node.getTag().getValue()).append(node.getStartMark().isPresent() ? "@" : "");
        if (node instanceof ScalarNode scalar) {
            out.append('<').append(scalar.getScalarStyle()).append(':').append(scalar.getValue().replace("\n", "\\n"))
                    .append('>');
        } else if (node instanceof SequenceNode sequence) {
            out.append(sequence.getFlowStyle()).append('[');
            sequence.getValue().forEach(item -> {
                shape(item, out);
                out.append(", ");
            });
            out.append(']');
        } else {
            MappingNode mapping = (MappingNode) node;
            out.append(mapping.getFlowStyle()).append('{');
            for (NodeTuple tuple : mapping.getValue()) {
                shape(tuple.getKeyNode(), out);
                out.append(": ");
                shape(tuple.getValueNode(), out);
                out.append(", ");
            }
            out.append('}');
        }
    }

    /** A block mapping of random shape, written in a random block style; {@code sharp}: with values of every kind. */
    private static String generated(Random random, boolean sharp) {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(4) == 0) {
            out.append("# a file comment\n");
        }
        int indent = random.nextInt(8) == 0 ? 1 + random.nextInt(2) : 0;
        mapping(random, out, indent, indent, 0, sharp ? SHARP_VALUES : List.of());
        return out.toString();
    }

    /** Entries at {@code column}; the first one's key goes at {@code first} on the current line (after {@code - }). */
    private static void mapping(Random random, StringBuilder out, int column, int first, int level, List<String> sharp) {
        int entries = 1 + random.nextInt(level == 0 ? 4 : 3);
        for (int i = 0; i < entries; i++) {
            if (i > 0 || first == column) {
                out.append(" ".repeat(column));
            }
            out.append(key(random, i)).append(':');
            value(random, out, column, level, sharp);
            if (random.nextInt(10) == 0) {
                out.append(random.nextBoolean() ? "\n" : " ".repeat(column) + "  # between\n");
            }
        }
    }

    private static void value(Random random, StringBuilder out, int column, int level, List<String> sharp) {
        int kind = level >= 4 ? 0 : random.nextInt(6);
        if (kind <= 2) {
            out.append(random.nextInt(12) == 0 ? "" : ' ' + scalar(random, sharp)).append(comment(random)).append('\n');
        } else if (kind == 3) {
            out.append(comment(random)).append('\n');
            int nested = column + 1 + random.nextInt(4);
            mapping(random, out, nested, nested, level + 1, sharp);
        } else {
            out.append(comment(random)).append('\n');
            int dash = random.nextBoolean() ? column : column + 1 + random.nextInt(3);
            sequence(random, out, dash, level + 1, sharp);
        }
    }

    private static void sequence(Random random, StringBuilder out, int column, int level, List<String> sharp) {
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            out.append(" ".repeat(column)).append('-');
            int kind = level >= 4 ? 0 : random.nextInt(4);
            if (kind == 0) {
                out.append(random.nextInt(10) == 0 ? "" : ' ' + scalar(random, sharp)).append(comment(random)).append('\n');
            } else if (kind == 1) {
                int gap = 1 + random.nextInt(2);
                out.append(" ".repeat(gap));
                mapping(random, out, column + 1 + gap, -1, level + 1, sharp);
            } else if (kind == 2) {
                out.append('\n');
                int nested = column + 1 + random.nextInt(3);
                mapping(random, out, nested, nested, level + 1, sharp);
            } else {
                out.append('\n');
                sequence(random, out, column + 1 + random.nextInt(3), level + 1, sharp);
            }
        }
    }

    private static String key(Random random, int index) {
        return switch (random.nextInt(12)) {
            case 0 -> "'k " + index + "'";
            case 1 -> "\"k" + index + "\"";
            case 2 -> String.valueOf(index);
            default -> "key" + index + (random.nextInt(5) == 0 ? "-x" : "");
        };
    }

    private static String scalar(Random random, List<String> sharp) {
        return !sharp.isEmpty() && random.nextInt(4) == 0 ? sharp.get(random.nextInt(sharp.size()))
                : PLAIN.get(random.nextInt(PLAIN.size()));
    }

    private static String comment(Random random) {
        return random.nextInt(6) == 0 ? " # note: - [x]" : "";
    }

    /** One sharp character put in, taken out or replaced, a line doubled or dropped, or an indentation changed. */
    private static String mutated(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        char sharp = SHARP.charAt(random.nextInt(SHARP.length()));
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0 -> {
                return text.substring(0, at) + sharp + text.substring(at);
            }
            case 1 -> {
                return text.substring(0, at) + text.substring(at + 1);
            }
            case 2 -> {
                return text.substring(0, at) + sharp + text.substring(at + 1);
            }
            case 3 -> lines.add(line, lines.get(line));
            case 4 -> lines.remove(line);
            default -> lines.set(line, random.nextBoolean() ? " " + lines.get(line)
                    : lines.get(line).replaceFirst("^ ", ""));
        }
        return String.join("\n", lines);
    }

    private static String real(String name) throws IOException {
        try (InputStream in = PlainBlockReaderProperties.class.getResourceAsStream("/spec/real/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
