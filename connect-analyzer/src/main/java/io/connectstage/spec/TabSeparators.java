package io.connectstage.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML 1.2 allows tabs as separators between tokens outside indentation ({@code key:\tvalue},
 * {@code -\tvalue}, a line holding only a tab); snakeyaml-engine stops at such a tab with "found
 * character '\t' that cannot start any token". So the library is driven this way:
 * <ol>
 *   <li>before the first read, every run of blanks holding a tab that is not indentation (it
 *       follows something else on its line, or its line is blank or a comment) becomes spaces of
 *       the same length, so that marks keep their lines and columns;</li>
 *   <li>once a tree is read, a run that turns out to lie inside a scalar (a tab in a value, which
 *       is text, not a separator) is put back and the file is read again (rare: values hold few
 *       tabs);</li>
 *   <li>should the library still stop at a tab between tokens (a case the first step left), the
 *       tab is turned into a space there and the file read again, within a budget of characters
 *       read, so that such a file costs a bounded multiple of its size.</li>
 * </ol>
 * Tabs in indentation stay refused, as YAML says; so does a tab after a {@code -} that opens a
 * list or mapping on the same line (the official parser refuses it as indentation), which is
 * checked once the tree is built.
 */
final class TabSeparators {
    private static final String TAB_PROBLEM = "found character '\\t(TAB)' that cannot start any token";
    /** Each read costs the length of the text; all reads together at most this many times it. */
    private static final int READS_PER_CHARACTER = 16;
    private static final int MIN_BUDGET = 256 * 1024;
    private static final int MAX_ROUNDS = 4;

    /**
     * A run of blanks turned into spaces: where (char and code point index, line and column), what
     * it was, and whether it starts its line before content (spaces, then a tab: YAML allows it
     * only in the line prefix of a continued plain or quoted value).
     */
    private record Run(int index, int codePoint, int line, int column, String original, boolean indentation) {
    }

    /** The text with its runs replaced; {@code null} for a text without tabs, which is read as it is. */
    private final char[] text;
    private final String original;
    private final List<Run> runs = new ArrayList<>();
    private final Set<Long> afterDash = new HashSet<>();
    private long budget;
    private int rounds;
    private String indentationProblem;

    TabSeparators(String original) {
        this.original = original;
        this.text = original.indexOf('\t') >= 0 ? original.toCharArray() : null;
        this.budget = Math.max(MIN_BUDGET, (long) READS_PER_CHARACTER * original.length());
        if (text != null) {
            replaceSeparators();
        }
    }

    String text() {
        return runs.isEmpty() ? original : new String(text);
    }

    private void replaceSeparators() {
        int line = 0;
        int lineStart = 0;
        int codePoint = 0;
        int column = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                codePoint++;
                column = 0;
                continue;
            }
            if (c != '\t' && c != ' ') {
                if (!Character.isLowSurrogate(c)) {
                    codePoint++;
                    column++;
                }
                continue;
            }
            int end = i;
            while (end < text.length && isBlank(text[end])) {
                end++;
            }
            boolean hasTab = false;
            for (int j = i; j < end; j++) {
                hasTab |= text[j] == '\t';
            }
            boolean indentation = i == lineStart;
            boolean emptyRest = end == text.length || isBreak(text[end]) || text[end] == '#';
            if (hasTab && (!indentation || emptyRest)) {
                replace(i, codePoint, end, line, column, lineStart, false);
            } else if (hasTab && text[i] == ' ') {
                replace(i, codePoint, end, line, column, lineStart, true);
            }
            codePoint += end - i;
            column += end - i;
            i = end - 1;
        }
    }

    private void replace(int start, int codePoint, int end, int line, int column, int lineStart, boolean indentation) {
        runs.add(new Run(start, codePoint, line, column, new String(text, start, end - start), indentation));
        if (start > lineStart && text[start - 1] == '-' && (start - 1 == lineStart || isBlank(text[start - 2]))) {
            afterDash.add(position(line, column + (end - start)));
        }
        Arrays.fill(text, start, end, ' ');
    }

    /**
     * After a successful read: puts back the runs that lie inside a scalar (they were text) and
     * answers true when the file must be read again.
     */
    boolean restoreRunsInsideValues(Node root) {
        if (runs.isEmpty() || rounds++ >= MAX_ROUNDS) {
            return false;
        }
        long[] ranges = scalarRanges(root);
        boolean restored = false;
        for (Run run : new ArrayList<>(runs)) {
            int scalar = inside(ranges, run.codePoint());
            boolean block = scalar >= 0 && ranges[3 * scalar + 2] == 1;
            if (!run.indentation() && scalar >= 0 || run.indentation() && block) {
                restore(run);
                restored = true;
            } else if (run.indentation() && scalar < 0 && indentationProblem == null) {
                indentationProblem = "not valid YAML: tabs are not allowed as indentation at line " + (run.line() + 1)
                        + ", column " + (run.column() + 1 + run.original().indexOf('\t'));
            }
        }
        budget -= text.length;
        return restored && budget >= 0;
    }

    private void restore(Run run) {
        run.original().getChars(0, run.original().length(), text, run.index());
        runs.remove(run);
    }

    /**
     * After a read that failed: puts back the tabs of indentation that were tried as spaces, so
     * that the file is read again and fails where and as it really does; false when there were none.
     */
    boolean abandonIndentation() {
        boolean any = false;
        for (Run run : new ArrayList<>(runs)) {
            if (run.indentation()) {
                restore(run);
                any = true;
            }
        }
        return any;
    }

    /** A tab of indentation that is no part of a continued value, once the tree is read; or null. */
    String indentationProblem() {
        return indentationProblem;
    }

    /** Start, end (code point indexes, end excluded) and 1 for a block scalar, 0 otherwise, of every scalar, sorted by start. */
    private static long[] scalarRanges(Node root) {
        List<long[]> ranges = new ArrayList<>();
        Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!visited.add(node)) {
                continue;
            }
            if (node instanceof ScalarNode scalar) {
                if (node.getStartMark().isPresent() && node.getEndMark().isPresent()) {
                    boolean block = scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED;
                    ranges.add(new long[] {node.getStartMark().get().getIndex(), node.getEndMark().get().getIndex(), block ? 1 : 0});
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            } else if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.push(tuple.getKeyNode());
                    pending.push(tuple.getValueNode());
                }
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] flat = new long[ranges.size() * 3];
        for (int i = 0; i < ranges.size(); i++) {
            System.arraycopy(ranges.get(i), 0, flat, 3 * i, 3);
        }
        return flat;
    }

    /** The scalar whose range holds the point, or -1. */
    private static int inside(long[] ranges, int codePoint) {
        // Ranges do not overlap: the last one starting at or before the point is the only candidate.
        int low = 0;
        int high = ranges.length / 3 - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (ranges[3 * middle] <= codePoint) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found >= 0 && codePoint < ranges[3 * found + 1] ? found : -1;
    }

    /** True when the failure was a tab used as a separator and the text now has spaces there. */
    boolean repair(ScannerException failure) {
        if (text == null || failure.getProblem() == null || !failure.getProblem().startsWith(TAB_PROBLEM)
                || failure.getProblemMark().isEmpty()) {
            return false;
        }
        budget -= text.length;
        if (budget < 0) {
            return false;
        }
        Mark mark = failure.getProblemMark().get();
        String current = text();
        int tab = current.offsetByCodePoints(0, mark.getIndex());
        if (tab >= text.length || text[tab] != '\t') {
            return false;
        }
        int lineStart = current.lastIndexOf('\n', tab - 1) + 1;
        int blanksStart = tab;
        while (blanksStart > lineStart && isBlank(text[blanksStart - 1])) {
            blanksStart--;
        }
        int end = tab;
        while (end < text.length && isBlank(text[end])) {
            end++;
        }
        boolean indentation = blanksStart == lineStart;
        if (indentation && !(end == text.length || isBreak(text[end]) || text[end] == '#')) {
            return false;
        }
        int before = tab - blanksStart; // spaces already, part of the same run
        replace(blanksStart, mark.getIndex() - before, end, mark.getLine(), mark.getColumn() - before, lineStart, false);
        return true;
    }

    /** True when a tab after a {@code -} was turned into a space, so that the tree must be checked for it. */
    boolean afterDash() {
        return !afterDash.isEmpty();
    }

    /** The problem of a list or mapping that starts right after a tab that followed a {@code -}, or null. */
    String problem(Node node) {
        if (afterDash.isEmpty() || node instanceof ScalarNode || node.getStartMark().isEmpty()) {
            return null;
        }
        Mark start = node.getStartMark().get();
        return afterDash.contains(position(start.getLine(), start.getColumn()))
                ? "tabs are not allowed as indentation" + YamlDocument.at(start)
                        + " (a tab after '-' before a nested list or mapping)"
                : null;
    }

    /** The first line, inside a flow collection or a multi-line value, that starts with a tab and has content. */
    static String tabIndentedLine(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\t' && (i == 0 || text.charAt(i - 1) == '\n')) {
                int j = i;
                while (j < text.length() && isBlank(text.charAt(j))) {
                    j++;
                }
                if (j < text.length() && !isBreak(text.charAt(j)) && text.charAt(j) != '#') {
                    return "not valid YAML: tabs are not allowed as indentation at line " + line + ", column 1";
                }
            }
        }
        return null;
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | column;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
