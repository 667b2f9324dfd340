package io.connectstage.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads of YAML nodes for one file: each read answers the value, or reports what is wrong
 * at the given path and answers {@code null}. A node whose tag was refused has been reported
 * already, so reading it answers {@code null} without a second problem.
 */
final class Nodes {
    private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    /** The YAML 1.2 core schema's finite floats. */
    private static final Pattern CORE_FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");
    private static final int LONGEST_NUMBER = 40;

    private final Problems problems;
    private final Set<Node> refused;

    Nodes(Problems problems, Set<Node> refused) {
        this.problems = problems;
        this.refused = refused;
    }

    void problem(String path, String message) {
        problems.add(path, message);
    }

    /** Reports each key of {@code entries} that is not in {@code allowed}. */
    void strict(String path, Entries entries, List<String> allowed, String where) {
        strict(path, entries, allowed, null, where);
    }

    /** Reports each key of {@code entries} that is not in {@code allowed}, but for {@code reported} (reported already). */
    void strict(String path, Entries entries, List<String> allowed, String reported, String where) {
        for (int i = 0; i < entries.size(); i++) {
            String key = entries.key(i);
            if (!allowed.contains(key) && !key.equals(reported)) {
                problem(Paths.child(path, key), "is not allowed " + where + "; allowed keys: " + String.join(", ", allowed));
            }
        }
    }

    Entries mapping(String path, Node node) {
        if (node instanceof MappingNode mapping && !isRefused(node)) {
            return Entries.of(mapping);
        }
        if (!isRefused(node)) {
            problem(path, "must be a mapping, got " + describe(node));
        }
        return null;
    }

    /** Whether {@code node}'s tag was refused; most files refuse none, and then no node is hashed. */
    private boolean isRefused(Node node) {
        return !refused.isEmpty() && refused.contains(node);
    }

    List<Node> sequence(String path, Node node) {
        if (node instanceof SequenceNode sequence && !isRefused(node)) {
            return sequence.getValue();
        }
        if (!isRefused(node)) {
            problem(path, "must be a list, got " + describe(node));
        }
        return null;
    }

    String string(String path, Node node) {
        if (isRefused(node)) {
            return null;
        }
        String value = validString(node);
        if (value != null) {
            return value;
        }
        // Quotes do not help a tagged value: !!int "5" is still a number.
        boolean quotable = node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())
                && !(node instanceof NodeComposer.Tagged);
        problem(path, "must be a string, got " + describe(node) + (quotable ? " (put it in quotes)" : ""));
        return null;
    }

    /**
     * {@link #string(String, Node)} of the entry {@code key} of the mapping at {@code parent}; the
     * entry's path is spelled out only for a problem (so are those of the other reads by key).
     */
    String string(String parent, String key, Node node) {
        String value = validString(node);
        return value != null ? value : string(Paths.child(parent, key), node);
    }

    /** {@link #text(String, Node)} of the entry {@code key} of the mapping at {@code parent}. */
    String text(String parent, String key, Node node) {
        String value = validString(node);
        return value != null && !SpecRules.isBlank(value) ? value : text(Paths.child(parent, key), node);
    }

    /** {@link #bool(String, Node)} of the entry {@code key} of the mapping at {@code parent}. */
    Boolean bool(String parent, String key, Node node) {
        Boolean value = validBool(node);
        return value != null ? value : bool(Paths.child(parent, key), node);
    }

    /** The string {@code node} holds, or {@code null} when reading it has a problem to report. */
    private String validString(Node node) {
        if (node instanceof ScalarNode scalar && (Tag.STR.equals(scalar.getTag()) || Tag.ENV_TAG.equals(scalar.getTag()))
                && !isRefused(node)) {
            return scalar.getValue();
        }
        return null;
    }

    /** The boolean {@code node} holds, or {@code null} when reading it has a problem to report. */
    private Boolean validBool(Node node) {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag()) && !isRefused(node)) {
            String value = scalar.getValue();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return value.equalsIgnoreCase("true");
            }
        }
        return null;
    }

    /** A string that is not empty and not only whitespace (as JavaScript's {@code trim()} sees it). */
    String text(String path, Node node) {
        String text = string(path, node);
        if (text != null && SpecRules.isBlank(text)) {
            problem(path, "must not be empty or only whitespace");
            return null;
        }
        return text;
    }

    /** A string that is not empty (whitespace alone is accepted). */
    String nonEmpty(String path, Node node) {
        String text = string(path, node);
        if (text != null && text.isEmpty()) {
            problem(path, "must not be empty");
            return null;
        }
        return text;
    }

    Boolean bool(String path, Node node) {
        if (isRefused(node)) {
            return null;
        }
        Boolean value = validBool(node);
        if (value != null) {
            return value;
        }
        problem(path, "must be a boolean (true or false), got " + describe(node));
        return null;
    }

    /**
     * A whole number from {@code min} to {@code max}: an integer, or a float with a whole value
     * ({@code 5.}, {@code 10.0}, {@code 1e1}), as JavaScript reads numbers. Answers the number even
     * when it is out of range (reported), so that rules comparing numbers still see it; {@code null}
     * when it is no number.
     */
    BigDecimal integer(String path, Node node, int min, int max) {
        if (isRefused(node)) {
            return null;
        }
        String range = "a whole number from " + min + " to " + max;
        BigDecimal value = node instanceof ScalarNode scalar ? number(scalar) : null;
        if (value == null) {
            problem(path, "must be " + range + ", got " + describe(node));
            return null;
        }
        boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        if (!whole || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(path, "must be " + range + ", got " + Paths.shorten(((ScalarNode) node).getValue()));
        }
        return value;
    }

    /** A YAML 1.2 core-schema number; {@code null} when it is none, is not finite, or is absurdly long. */
    private static BigDecimal number(ScalarNode scalar) {
        String text = scalar.getValue();
        if (text.length() > LONGEST_NUMBER) {
            return null;
        }
        if (Tag.INT.equals(scalar.getTag()) && CORE_INT.matcher(text).matches()) {
            if (text.startsWith("0x")) {
                return new BigDecimal(new BigInteger(text.substring(2), 16));
            }
            if (text.startsWith("0o")) {
                return new BigDecimal(new BigInteger(text.substring(2), 8));
            }
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        if (Tag.FLOAT.equals(scalar.getTag()) && CORE_FLOAT.matcher(text).matches()) {
            try {
                BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
                // Beyond a double's range JavaScript reads Infinity, which is no whole number.
                return value.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0 ? null : value;
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** What a node is, in words, for "must be X, got Y" messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (!(node instanceof ScalarNode scalar)) {
            return "a value of an unexpected kind";
        }
        return scalar instanceof NodeComposer.Tagged tagged
                ? describe(scalar) + " (tagged " + display(tagged.explicit) + ")" : describe(scalar);
    }

    private static String describe(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String value = Paths.shorten(scalar.getValue());
        if (Tag.NULL.equals(tag)) {
            return "an empty value";
        }
        if (Tag.BOOL.equals(tag)) {
            return "the boolean " + value;
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "the number " + value;
        }
        return "the string '" + value + "'";
    }

    /** A tag as a file spells it most often: {@code !!int} for {@code tag:yaml.org,2002:int}. */
    static String display(String tag) {
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }
}
