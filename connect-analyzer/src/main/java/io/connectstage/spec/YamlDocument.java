package io.connectstage.spec;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.YamlUnicodeReader;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns bytes into a YAML node tree within {@link SpecLimits}, or into problems. It composes
 * nodes rather than Java objects, so that no constructor ever runs for a tag the file names, and
 * every later problem can carry an exact path. The composer recurses once per nesting level, so
 * the parser it reads from refuses to open more levels than allowed before the stack is at risk.
 */
final class YamlDocument {
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.ENV_TAG);

    private YamlDocument() {
    }

    /** The root node (empty for a file without a document), or every problem that stops reading. */
    static Either<Seq<SpecProblem>, Optional<Node>> read(byte[] bytes, SpecLimits limits) {
        if (bytes.length > limits.maxBytes()) {
            return Either.left(List.of(new SpecProblem("", "the file is " + bytes.length
                    + " bytes long, more than the limit of " + limits.maxBytes() + " bytes")));
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel("connect.yaml")
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(false)
                .setCodePointLimit(limits.maxCodePoints())
                .setUseMarks(true)
                .setParseComments(false)
                .build();
        Optional<Node> root;
        try {
            Reader reader = new YamlUnicodeReader(new ByteArrayInputStream(bytes));
            Parser parser = new DepthLimitingParser(new ParserImpl(settings, new StreamReader(settings, reader)),
                    limits.maxDepth());
            root = new Composer(settings, parser).getSingleNode();
        } catch (NestingTooDeep e) {
            return Either.left(List.of(new SpecProblem("", "the YAML is nested more than " + limits.maxDepth()
                    + " levels deep" + at(e.mark))));
        } catch (MarkedYamlEngineException e) {
            return Either.left(List.of(new SpecProblem("", "not valid YAML: " + describe(e))));
        } catch (ReaderException e) {
            return Either.left(List.of(new SpecProblem("", "not valid YAML: the character "
                    + String.format("U+%04X", e.getCodePoint()) + " is not allowed"
                    + lineAndColumn(bytes, e.getPosition()))));
        } catch (RuntimeException e) {
            return Either.left(List.of(new SpecProblem("", unreadable(e, limits))));
        } catch (StackOverflowError e) {
            // Last resort only: the depth limit keeps the composer well within the stack.
            return Either.left(List.of(new SpecProblem("", "the YAML is nested too deeply to be read")));
        }
        if (root.isEmpty()) {
            return Either.right(root);
        }
        Seq<SpecProblem> problems = structureProblems(root.get());
        return problems.isEmpty() ? Either.right(root) : Either.left(problems);
    }

    private static String unreadable(RuntimeException e, SpecLimits limits) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof YamlVersionException version) {
            return "not valid YAML: the version " + version.getSpecVersion().getRepresentation()
                    + " in the %YAML directive is not supported (1.x is)";
        }
        if (e.getCause() instanceof CharacterCodingException) {
            return "not valid YAML: the file is not UTF-8 text (nor UTF-16 or UTF-32 with a byte order mark)";
        }
        if (message.startsWith("Number of aliases")) {
            return "the file uses more than " + limits.maxAliases()
                    + " aliases to lists or mappings, the limit (is it an alias bomb?)";
        }
        if (message.contains("exceeds the limit")) {
            return "the file has more than " + limits.maxCodePoints() + " characters, the limit";
        }
        if (message.startsWith("Non scalar key")) {
            return "not valid here: a mapping key must be a plain value, not a list or a mapping";
        }
        return "not valid YAML: " + message;
    }

    /** The problem of a YAML syntax error, with 1-based line and column. */
    private static String describe(MarkedYamlEngineException e) {
        String problem = String.valueOf(e.getProblem());
        String where = e.getProblemMark().map(YamlDocument::at).orElse("");
        if (problem.startsWith("but found another document")) {
            return "the file must hold a single YAML document, another one starts" + where;
        }
        StringBuilder text = new StringBuilder(problem).append(where);
        if (e.getContext() != null && !e.getContext().isBlank()) {
            text.append(" (").append(e.getContext());
            e.getContextMark().ifPresent(mark -> text.append(',').append(at(mark)));
            text.append(')');
        }
        return text.toString();
    }

    static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    static String at(Node node) {
        return node.getStartMark().map(YamlDocument::at).orElse("");
    }

    private static String lineAndColumn(byte[] bytes, int codePointIndex) {
        try (Reader reader = new YamlUnicodeReader(new ByteArrayInputStream(bytes))) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < codePointIndex; i++) {
                int c = reader.read();
                if (c < 0) {
                    break;
                }
                if (Character.isHighSurrogate((char) c)) {
                    reader.read();
                }
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return " at line " + line + ", column " + column;
        } catch (IOException | RuntimeException unreadable) {
            return " at character " + (codePointIndex + 1);
        }
    }

    /**
     * Problems that make the tree's meaning unclear, found in one iterative walk (aliases and
     * recursive nodes are visited once): a tag other than the plain YAML types, and a key repeated
     * in one mapping.
     */
    private static Seq<SpecProblem> structureProblems(Node root) {
        java.util.List<SpecProblem> problems = new ArrayList<>();
        Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Map.Entry<String, Node>> pending = new ArrayDeque<>();
        pending.push(Map.entry("", root));
        while (!pending.isEmpty()) {
            Map.Entry<String, Node> next = pending.pop();
            String path = next.getKey();
            Node node = next.getValue();
            if (!visited.add(node)) {
                continue;
            }
            checkTag(path, node, problems);
            if (node instanceof SequenceNode sequence) {
                java.util.List<Node> items = sequence.getValue();
                for (int i = items.size() - 1; i >= 0; i--) {
                    pending.push(Map.entry(Paths.child(path, i), items.get(i)));
                }
            } else if (node instanceof MappingNode mapping) {
                Map<String, Node> seen = new HashMap<>();
                java.util.List<Map.Entry<String, Node>> children = new ArrayList<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : "?";
                    String keyPath = Paths.child(path, key);
                    checkTag(keyPath, keyNode, problems);
                    Node first = seen.putIfAbsent(key, keyNode);
                    if (first != null) {
                        problems.add(new SpecProblem(keyPath, "duplicate key '" + Paths.shorten(key) + "'" + at(keyNode)
                                + ", first" + at(first)));
                    }
                    children.add(Map.entry(keyPath, tuple.getValueNode()));
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
        return List.ofAll(problems);
    }

    private static void checkTag(String path, Node node, java.util.List<SpecProblem> problems) {
        Tag tag = node.getTag();
        boolean plain = node instanceof ScalarNode ? SCALAR_TAGS.contains(tag)
                : node instanceof SequenceNode ? Tag.SEQ.equals(tag)
                : Tag.MAP.equals(tag);
        if (!plain) {
            problems.add(new SpecProblem(path, "the tag " + Paths.shorten(display(tag)) + at(node)
                    + " is not allowed: connect.yaml holds only strings, numbers, booleans, lists and mappings"));
        }
    }

    private static String display(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    /** Thrown by {@link DepthLimitingParser} to stop the composer; never leaves this class. */
    private static final class NestingTooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark mark;

        NestingTooDeep(Mark mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }

    /** Counts open lists and mappings as the composer consumes events, and stops past the limit. */
    private static final class DepthLimitingParser implements Parser {
        private final Parser delegate;
        private final int maxDepth;
        private int depth;

        DepthLimitingParser(Parser delegate, int maxDepth) {
            this.delegate = delegate;
            this.maxDepth = maxDepth;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Event next() {
            Event event = delegate.next();
            switch (event.getEventId()) {
                case SequenceStart:
                case MappingStart:
                    depth++;
                    if (depth > maxDepth) {
                        throw new NestingTooDeep(event.getStartMark().orElse(null));
                    }
                    break;
                case SequenceEnd:
                case MappingEnd:
                    depth--;
                    break;
                default:
                    break;
            }
            return event;
        }
    }
}
