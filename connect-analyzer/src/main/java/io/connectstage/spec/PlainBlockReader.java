package io.connectstage.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads the YAML that nearly every {@code connect.yaml} is, without snakeyaml-engine: a block
 * mapping at the root, block mappings and sequences within it (indentless sequences included),
 * and values each on one line, plain or quoted without escapes, with comments. It answers the
 * same tree that {@link NodeComposer} composes from the library's events when marks are off, or
 * {@code null} for anything else: a tab, a carriage return, a character outside printable ASCII,
 * a flow collection, a block scalar, a tag, an anchor or alias, an escape, a value continued on the
 * next line, a repeated key, a document marker or directive, a key longer than the library
 * allows, an indentation it does not expect, a limit of {@link SpecLimits} reached. {@code null}
 * means "read it with the library": the reader never decides that a file is wrong, so it can
 * decline whatever it is not sure of. Why it exists: the library's scanner took two thirds of a
 * parse; these files need a fraction of what a YAML scanner must handle.
 * {@code PlainBlockReaderProperties} checks that every tree it answers is the library's.
 */
final class PlainBlockReader {
    /** The library refuses a key that is not found within 1,024 characters; stay well short of it. */
    private static final int LONGEST_KEY = 1000;
    /** As {@link NodeComposer}: a bigger mapping is checked for repeated keys by the walk. */
    private static final int MOST_KEYS = 32;
    private static final Optional<org.snakeyaml.engine.v2.exceptions.Mark> NO_MARK = Optional.empty();

    /** Declines to read; thrown without a stack trace and caught in {@link #read}. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final int length;
    private final ScalarResolver resolver;
    private final SpecLimits limits;
    private int depth;
    private long size;

    /** The current content line: its start, its indentation (spaces), its end ({@code '\n'} or the end of text). */
    private int lineStart;
    private int indent;
    private int lineEnd;
    /** Whether there is a current content line; false at the end of the text. */
    private boolean onLine;

    private PlainBlockReader(String text, ScalarResolver resolver, SpecLimits limits) {
        this.text = text;
        this.length = text.length();
        this.resolver = resolver;
        this.limits = limits;
    }

    /** The root mapping of {@code text}, or {@code null} when the library must read it. */
    static Node read(String text, ScalarResolver resolver, SpecLimits limits) {
        if (text.length() > limits.maxCodePoints() || !printableAscii(text)) {
            return null;
        }
        try {
            return new PlainBlockReader(text, resolver, limits).document();
        } catch (Declined declined) {
            return null;
        }
    }

    private static boolean printableAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if ((c < ' ' && c != '\n') || c > '~') {
                return false;
            }
        }
        return true;
    }

    private Node document() {
        lineEnd = -1;
        nextContentLine();
        if (!onLine || dashItem(lineStart + indent)) {
            throw Declined.INSTANCE;
        }
        Node root = mapping(indent, lineStart + indent);
        if (onLine) {
            throw Declined.INSTANCE;
        }
        return root;
    }

    /**
     * Moves to the next line that holds more than spaces and a comment; declines document markers
     * and directives, which only the library reads.
     */
    private void nextContentLine() {
        int start = lineEnd + 1;
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int first = start;
            while (first < end && text.charAt(first) == ' ') {
                first++;
            }
            if (first < end && text.charAt(first) != '#') {
                if (first == start && (text.startsWith("---", start) || text.startsWith("...", start)
                        || text.charAt(start) == '%')) {
                    throw Declined.INSTANCE;
                }
                lineStart = start;
                indent = first - start;
                lineEnd = end;
                onLine = true;
                return;
            }
            start = end + 1;
        }
        onLine = false;
        lineEnd = length;
    }

    /** Whether the content at {@code at} is a sequence item: {@code -} then a space or the end of the line. */
    private boolean dashItem(int at) {
        return text.charAt(at) == '-' && (at + 1 == lineEnd || text.charAt(at + 1) == ' ');
    }

    /**
     * A block mapping whose keys stand at column {@code column}, the first of them at {@code at} on
     * the current line (after {@code - } when the mapping is a sequence item). Returns on the first
     * line indented less, or at the end.
     */
    private Node mapping(int column, int at) {
        open();
        List<NodeTuple> tuples = new ArrayList<>();
        while (true) {
            int colon = keyEnd(at);
            if (colon < 0) {
                throw Declined.INSTANCE;
            }
            ScalarNode key = key(at, colon);
            repeated(tuples, key.getValue());
            Node value;
            if (restIsBlank(colon + 1)) {
                nextContentLine();
                if (onLine && indent > column) {
                    value = block();
                } else if (onLine && indent == column && dashItem(lineStart + indent)) {
                    value = sequence(column);
                } else {
                    value = empty();
                }
            } else {
                value = inlineScalar(skipSpaces(colon + 1));
                nextContentLine();
            }
            tuples.add(new NodeTuple(key, value));
            if (!onLine || indent < column) {
                break;
            }
            if (indent > column || dashItem(lineStart + indent)) {
                throw Declined.INSTANCE;
            }
            at = lineStart + indent;
        }
        depth--;
        return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, NO_MARK, NO_MARK);
    }

    /** A block sequence whose items' {@code -} stand at column {@code column}, the first on the current line. */
    private Node sequence(int column) {
        open();
        List<Node> items = new ArrayList<>();
        while (true) {
            Node item;
            if (restIsBlank(lineStart + indent + 1)) {
                nextContentLine();
                item = onLine && indent > column ? block() : empty();
            } else {
                int content = skipSpaces(lineStart + indent + 1);
                if (dashItem(content)) {
                    throw Declined.INSTANCE;
                }
                if (keyEnd(content) >= 0) {
                    item = mapping(content - lineStart, content);
                } else {
                    item = inlineScalar(content);
                    nextContentLine();
                }
            }
            items.add(item);
            if (!onLine || indent < column) {
                break;
            }
            if (indent > column) {
                throw Declined.INSTANCE;
            }
            if (!dashItem(lineStart + indent)) {
                break; // a key at the same column: this was an indentless sequence, the mapping goes on
            }
        }
        depth--;
        return new SequenceNode(Tag.SEQ, true, items, FlowStyle.BLOCK, NO_MARK, NO_MARK);
    }

    /** The block node that starts on the current line, indented more than its parent. */
    private Node block() {
        int at = lineStart + indent;
        return dashItem(at) ? sequence(indent) : mapping(indent, at);
    }

    private void open() {
        if (++depth > limits.maxDepth()) {
            throw Declined.INSTANCE;
        }
        grow(1);
    }

    private void grow(long by) {
        size += by;
        if (size > limits.maxExpandedSize()) {
            throw Declined.INSTANCE;
        }
    }

    private static void repeated(List<NodeTuple> tuples, String key) {
        if (tuples.size() >= MOST_KEYS) {
            throw Declined.INSTANCE;
        }
        for (NodeTuple tuple : tuples) {
            if (key.equals(((ScalarNode) tuple.getKeyNode()).getValue())) {
                throw Declined.INSTANCE;
            }
        }
    }

    /**
     * Where the key that starts at {@code at} ends: the index of its {@code :}, which a space or the
     * end of the line follows; -1 when the line holds no key there.
     */
    private int keyEnd(int at) {
        char first = text.charAt(at);
        if (first == '\'' || first == '"') {
            int close = quoteEnd(at);
            int colon = close + 1;
            return close >= 0 && close - at <= LONGEST_KEY && colon < lineEnd && text.charAt(colon) == ':' && endsToken(colon + 1) ? colon : -1;
        }
        if (!plainStart(at)) {
            return -1;
        }
        int end = plainEnd(at);
        return end < lineEnd && text.charAt(end) == ':' && end - at <= LONGEST_KEY && text.charAt(end - 1) != ' ' ? end : -1;
    }

    /**
     * Where the plain scalar that starts at {@code at} stops on this line: at a {@code :} that a
     * space or the line's end follows (a key's end), at a {@code #} after a space (a comment), or
     * at the line's end.
     */
    private int plainEnd(int at) {
        for (int i = at + 1; i < lineEnd; i++) {
            char c = text.charAt(i);
            if ((c == ':' && endsToken(i + 1)) || (c == '#' && text.charAt(i - 1) == ' ')) {
                return i;
            }
        }
        return lineEnd;
    }

    /** Whether nothing but spaces and perhaps a comment follows from {@code from} to the line's end. */
    private boolean restIsBlank(int from) {
        int after = skipSpaces(from);
        return after == lineEnd || (text.charAt(after) == '#' && after > from);
    }

    private ScalarNode key(int at, int colon) {
        char first = text.charAt(at);
        return first == '\'' || first == '"' ? quoted(at, colon - 1) : plain(at, colon);
    }

    /** A value on one line from {@code at}, with nothing after it but spaces and a comment. */
    private ScalarNode inlineScalar(int at) {
        char first = text.charAt(at);
        if (first == '\'' || first == '"') {
            int close = quoteEnd(at);
            if (close < 0) {
                throw Declined.INSTANCE;
            }
            if (!restIsBlank(close + 1)) {
                throw Declined.INSTANCE;
            }
            return quoted(at, close);
        }
        if (!plainStart(at)) {
            throw Declined.INSTANCE;
        }
        int end = plainEnd(at);
        if (end < lineEnd && text.charAt(end) == ':') {
            throw Declined.INSTANCE; // a key where a value must be: the library's error to report
        }
        while (text.charAt(end - 1) == ' ') {
            end--;
        }
        return plain(at, end);
    }

    /** Whether a plain scalar may start at {@code at} in block context, as the library's scanner decides. */
    private boolean plainStart(int at) {
        char c = text.charAt(at);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0) {
            return true;
        }
        return (c == '-' || c == '?' || c == ':') && at + 1 < lineEnd && text.charAt(at + 1) != ' ';
    }

    /** The closing quote of the scalar quoted at {@code at}, on this line; -1 when there is none, or an escape. */
    private int quoteEnd(int at) {
        char quote = text.charAt(at);
        for (int i = at + 1; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
            if (c == '\\' && quote == '"') {
                return -1;
            }
        }
        return -1;
    }

    private boolean endsToken(int at) {
        return at >= lineEnd || text.charAt(at) == ' ';
    }

    private int skipSpaces(int at) {
        while (at < lineEnd && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    private ScalarNode plain(int from, int to) {
        String value = text.substring(from, to);
        grow(1L + value.length());
        return new ScalarNode(resolver.resolve(value, true), true, value, ScalarStyle.PLAIN, NO_MARK, NO_MARK);
    }

    /** The scalar between the quotes at {@code open} and {@code close}. */
    private ScalarNode quoted(int open, int close) {
        boolean single = text.charAt(open) == '\'';
        String value = text.substring(open + 1, close);
        if (single && value.indexOf('\'') >= 0) {
            value = value.replace("''", "'");
        }
        grow(1L + value.length());
        return new ScalarNode(Tag.STR, true, value, single ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.DOUBLE_QUOTED,
                NO_MARK, NO_MARK);
    }

    private ScalarNode empty() {
        grow(1);
        return new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, NO_MARK, NO_MARK);
    }
}
