package io.connectstage.spec;

import java.util.HashSet;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * YAML 1.2 allows tabs as separators between tokens outside indentation ({@code key:\tvalue},
 * {@code -\tvalue}, a line holding only a tab); snakeyaml-engine stops at such a tab with "found
 * character '\t' that cannot start any token". That message is only ever raised between tokens,
 * so the tab is no part of any value: this class turns the run of blanks there into spaces and the
 * file is read again, within a budget of characters read, so that a file of many such tabs costs
 * a bounded multiple of its size. Tabs in indentation stay refused, as YAML says; so does a tab
 * after a {@code -} that opens a list or mapping on the same line (the official parser refuses it
 * as indentation), which is checked once the tree is built.
 */
final class TabSeparators {
    private static final String TAB_PROBLEM = "found character '\\t(TAB)' that cannot start any token";
    /** Each read costs the length of the text; all reads together at most this many times it. */
    private static final int READS_PER_CHARACTER = 16;
    private static final int MIN_BUDGET = 256 * 1024;

    private String text;
    private long budget;
    private final Set<Long> afterDash = new HashSet<>();

    TabSeparators(String text) {
        this.text = text;
        this.budget = Math.max(MIN_BUDGET, (long) READS_PER_CHARACTER * text.length());
    }

    String text() {
        return text;
    }

    /** True when the failure was a tab used as a separator and the text now has spaces there. */
    boolean repair(ScannerException failure) {
        if (failure.getProblem() == null || !failure.getProblem().startsWith(TAB_PROBLEM)
                || failure.getProblemMark().isEmpty()) {
            return false;
        }
        budget -= text.length();
        if (budget < 0) {
            return false;
        }
        Mark mark = failure.getProblemMark().get();
        int tab = text.offsetByCodePoints(0, mark.getIndex());
        if (tab >= text.length() || text.charAt(tab) != '\t') {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', tab - 1) + 1;
        int blanksStart = tab;
        while (blanksStart > lineStart && isBlank(text.charAt(blanksStart - 1))) {
            blanksStart--;
        }
        int end = tab;
        while (end < text.length() && isBlank(text.charAt(end))) {
            end++;
        }
        boolean indentation = blanksStart == lineStart;
        if (indentation && !(end == text.length() || isBreak(text.charAt(end)) || text.charAt(end) == '#')) {
            return false;
        }
        if (!indentation && text.charAt(blanksStart - 1) == '-'
                && (blanksStart - 1 == lineStart || isBlank(text.charAt(blanksStart - 2)))) {
            afterDash.add(position(mark.getLine(), mark.getColumn() + (end - tab)));
        }
        text = text.substring(0, tab) + " ".repeat(end - tab) + text.substring(end);
        return true;
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
