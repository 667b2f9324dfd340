package io.connectstage.spec;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns bytes into a YAML node tree within {@link SpecLimits}, or into problems. It composes
 * nodes rather than Java objects, so that no constructor ever runs for a tag the file names, and
 * every later problem can carry an exact path. The YAML is read as YAML 1.2 reads it, as the
 * official parser does: {@code <<} is an ordinary key (merge keys are YAML 1.1), tabs may
 * separate tokens outside indentation ({@link TabSeparators}), and the core schema's tags mean what
 * they mean there ({@code !!float 5} is a string: {@link CoreResolver#explicit}); other tags are
 * refused. The tree is built by {@link NodeComposer}, which refuses to open more levels than
 * allowed before the stack is at risk, and counts every alias and the expanded size.
 */
final class YamlDocument {
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.ENV_TAG);

    /** YAML 1.2 core schema without the 1.1 merge key; one resolver for every read (it holds no state). */
    private static final ScalarResolver RESOLVER = new CoreResolver();

    /**
     * A composed tree: its root (empty for a file without a document), the problems found so far
     * in its structure (refused tags, repeated keys, tabs as indentation; the rules add theirs), and
     * the nodes whose tag was refused (already reported, so the rules do not report them again).
     */
    record Parsed(Optional<Node> root, Problems problems, Set<Node> refused) {
    }

    private YamlDocument() {
    }

    /**
     * The tree, or every problem that stops reading. Without {@code marks} the tree has no lines and
     * columns, which a valid file does not need and which cost a third of the reading; such a read
     * answers no problem at all (an empty list) where it would need them: for any file with a tab.
     */
    static Either<Seq<SpecProblem>, Parsed> read(byte[] bytes, SpecLimits limits, boolean marks) {
        if (bytes.length > limits.maxBytes()) {
            return left("the file is " + bytes.length + " bytes long, more than the limit of " + limits.maxBytes()
                    + " bytes");
        }
        String text;
        try {
            text = decode(bytes);
        } catch (IOException | RuntimeException e) {
            return left("not valid YAML: the file is not UTF-8 text (nor UTF-16 or UTF-32 with a byte order mark)");
        }
        if (!marks && text.indexOf('\t') >= 0) {
            return Either.left(List.empty());
        }
        if (!marks) {
            Node plain = PlainBlockReader.read(text, RESOLVER, limits);
            if (plain != null) {
                return Either.right(new Parsed(Optional.of(plain), new Problems(), Set.of()));
            }
        }
        LoadSettings settings = settings(limits, marks);
        TabSeparators tabs = new TabSeparators(text);
        Optional<Node> root;
        NodeComposer composer;
        while (true) {
            try {
                String source = tabs.text();
                composer = new NodeComposer(new ParserImpl(settings, new StreamReader(settings, source)), RESOLVER, limits);
                root = composer.singleNode();
                if (root.isEmpty() || !tabs.restoreRunsInsideValues(root.get())) {
                    break;
                }
            } catch (ScannerException e) {
                if (!tabs.repair(e) && !tabs.abandonIndentation()) {
                    return left("not valid YAML: " + describe(e));
                }
            } catch (NodeComposer.Exceeded e) {
                return left(exceeded(e, limits));
            } catch (NodeComposer.NonScalarKey e) {
                return left("not valid here: a mapping key must be a plain value, not a list or a mapping");
            } catch (MarkedYamlEngineException e) {
                if (!tabs.abandonIndentation()) {
                    return left("not valid YAML: " + describe(e));
                }
            } catch (ReaderException e) {
                return left("not valid YAML: the character " + String.format("U+%04X", e.getCodePoint())
                        + " is not allowed" + lineAndColumn(tabs.text(), e.getPosition()));
            } catch (RuntimeException e) {
                return left(unreadable(e, limits));
            } catch (StackOverflowError e) {
                // Last resort only: the depth limit keeps the composer well within the stack.
                return left("the YAML is nested too deeply to be read");
            }
        }
        String tabIndented = text.indexOf('\t') < 0 ? null
                : tabs.indentationProblem() != null ? tabs.indentationProblem() : TabSeparators.tabIndentedLine(tabs.text());
        if (tabIndented != null) {
            return left(tabIndented);
        }
        if (root.isEmpty()) {
            return Either.right(new Parsed(root, new Problems(), Set.of()));
        }
        if (!composer.unusual() && !tabs.afterDash()) {
            return Either.right(new Parsed(root, new Problems(), Set.of()));
        }
        return Either.right(structure(root.get(), tabs));
    }

    private static Either<Seq<SpecProblem>, Parsed> left(String message) {
        return Either.left(List.of(new SpecProblem("", message)));
    }

    /** The reader's window: a real file fits in one. */
    private static final int BUFFER = 32 * 1024;
    private static final LoadSettings DEFAULT_SETTINGS = build(SpecLimits.defaults(), true);
    private static final LoadSettings DEFAULT_SETTINGS_WITHOUT_MARKS = build(SpecLimits.defaults(), false);

    static LoadSettings settings(SpecLimits limits, boolean marks) {
        if (limits.equals(SpecLimits.defaults())) {
            return marks ? DEFAULT_SETTINGS : DEFAULT_SETTINGS_WITHOUT_MARKS;
        }
        return build(limits, marks);
    }

    private static LoadSettings build(SpecLimits limits, boolean marks) {
        return LoadSettings.builder()
                .setLabel("connect.yaml")
                // NodeComposer builds the tree: it resolves scalars with RESOLVER, counts every alias
                // and refuses keys that are not scalars; the reader and parser need only these.
                .setCodePointLimit(limits.maxCodePoints())
                .setUseMarks(marks)
                .setParseComments(false)
                .setBufferSize(BUFFER)
                .build();
    }

    private static String decode(byte[] bytes) throws IOException {
        if (ascii(bytes)) {
            // ASCII is UTF-8 that no decoder can find fault with (and no byte order mark): one copy.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (bytes.length == 0 || (bytes[0] != (byte) 0xEF && bytes[0] != (byte) 0xFE && bytes[0] != (byte) 0xFF
                && bytes[0] != 0)) {
            // No byte order mark: UTF-8, strictly (a malformed byte is an error, not a replacement).
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }
        try (Reader reader = new YamlUnicodeReader(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder(bytes.length);
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    /** Whether every byte is below 0x80 (ORed together, which the JIT turns into vector instructions). */
    private static boolean ascii(byte[] bytes) {
        int all = 0;
        for (byte b : bytes) {
            all |= b;
        }
        return all >= 0;
    }

    private static String exceeded(NodeComposer.Exceeded e, SpecLimits limits) {
        return switch (e.limit) {
            case DEPTH -> "the YAML is nested more than " + limits.maxDepth() + " levels deep" + at(e.mark);
            case ALIASES -> "the file uses more than " + limits.maxAliases()
                    + " aliases, the limit (is it an alias bomb?)" + at(e.mark);
            case EXPANDED_SIZE -> "the file grows to more than " + limits.maxExpandedSize()
                    + " characters once its aliases are expanded, the limit (is it an alias bomb?)" + at(e.mark);
        };
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
        if (message.contains("exceeds the limit")) {
            return "the file has more than " + limits.maxCodePoints() + " characters, the limit";
        }
        if (message.startsWith("Non scalar key")) {
            return "not valid here: a mapping key must be a plain value, not a list or a mapping";
        }
        return "not valid YAML: " + Paths.shorten(message);
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

    private static String lineAndColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int seen = 0; seen < codePointIndex && i < text.length(); seen++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return " at line " + line + ", column " + column;
    }

    /**
     * A node to visit, with its parent and its own segment: its path is spelled out only when a
     * problem needs it, so that the walk builds no text for a file without problems.
     */
    private record Pending(Pending parent, Object segment, Node node) {
        String path() {
            if (parent == null) {
                return "";
            }
            String above = parent.path();
            return segment instanceof Integer index ? Paths.child(above, index) : Paths.child(above, (String) segment);
        }
    }

    /**
     * Problems that make the tree's meaning unclear, found in one iterative walk (aliases and
     * recursive nodes are visited once): a tag outside the core schema, a key repeated in
     * one mapping, a tab after {@code -} used as indentation.
     */
    private static Parsed structure(Node root, TabSeparators tabs) {
        Problems problems = new Problems();
        Set<Node> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(null, null, root));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            Node node = next.node();
            if (!visited.add(node)) {
                continue;
            }
            if (!plain(node)) {
                refused.add(node);
                if (!problems.isFull()) {
                    problems.add(next.path(), tagProblem(node));
                }
            }
            String tab = tabs.problem(node);
            if (tab != null) {
                problems.add("", "not valid YAML: " + tab);
            }
            if (node instanceof SequenceNode sequence) {
                java.util.List<Node> items = sequence.getValue();
                for (int i = items.size() - 1; i >= 0; i--) {
                    pending.push(new Pending(next, i, items.get(i)));
                }
            } else if (node instanceof MappingNode mapping) {
                java.util.List<NodeTuple> tuples = mapping.getValue();
                Map<String, Node> seen = tuples.size() > SMALL_MAPPING ? new HashMap<>() : null;
                for (int i = 0; i < tuples.size(); i++) {
                    Node keyNode = tuples.get(i).getKeyNode();
                    String key = key(keyNode);
                    if (!plain(keyNode)) {
                        refused.add(keyNode);
                        problems.add(Paths.child(next.path(), key), tagProblem(keyNode));
                    }
                    Node first = seen != null ? seen.putIfAbsent(key, keyNode) : earlier(tuples, i, key);
                    if (first != null && !problems.isFull()) {
                        problems.add(Paths.child(next.path(), key), "duplicate key '" + Paths.shorten(key) + "'"
                                + at(keyNode) + ", first" + at(first));
                    }
                }
                for (int i = tuples.size() - 1; i >= 0; i--) {
                    pending.push(new Pending(next, key(tuples.get(i).getKeyNode()), tuples.get(i).getValueNode()));
                }
            }
        }
        return new Parsed(Optional.of(root), problems, refused);
    }

    /** Up to this many keys, a repeated key is looked for by comparing with the earlier ones. */
    private static final int SMALL_MAPPING = 12;

    private static String key(Node keyNode) {
        return keyNode instanceof ScalarNode scalar ? scalar.getValue() : "?";
    }

    private static Node earlier(java.util.List<NodeTuple> tuples, int index, String key) {
        for (int i = 0; i < index; i++) {
            Node keyNode = tuples.get(i).getKeyNode();
            if (key.equals(key(keyNode))) {
                return keyNode;
            }
        }
        return null;
    }

    private static boolean plain(Node node) {
        Tag tag = node.getTag();
        return node instanceof ScalarNode ? SCALAR_TAGS.contains(tag)
                : node instanceof SequenceNode ? Tag.SEQ.equals(tag)
                : Tag.MAP.equals(tag);
    }

    private static String tagProblem(Node node) {
        return "the tag " + Paths.shorten(Nodes.display(node.getTag().getValue())) + at(node)
                + " is not allowed: connect.yaml holds only strings, numbers, booleans, lists and mappings";
    }
}
