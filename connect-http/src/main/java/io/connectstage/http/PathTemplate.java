package io.connectstage.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A path of literal and named segments, such as {@code /{projectKey}/deployments/{ref}}. A named
 * segment matches one whole non-empty segment of a path, whatever its text; matching compares
 * segments one by one, so it takes time linear in the template, never more, whatever the path.
 * A last segment {@code **} makes a tail template: it matches the path with nothing more and any
 * path that goes on after a slash, whatever follows (the {@link PathParams#tail() tail}), as the
 * proxy to running applications needs ({@code /.connectstage/apps/{deploymentId}/{applicationName}/**}).
 * Templates are ordered most specific first ({@link #MOST_SPECIFIC_FIRST}): where two templates
 * differ, a literal segment comes before a named one, so {@code /connectors/search} is found
 * before {@code /connectors/{ref}}.
 */
final class PathTemplate {
    /** Fewer segments first; then, at the first segment where two templates differ, the literal one first. */
    static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = PathTemplate::compareSpecificity;

    private final String text;
    /** The literal text of each segment, {@code null} for a named one. */
    private final String[] literals;
    /** The name of each named segment, {@code null} for a literal one. */
    private final String[] names;
    /** Whether a last {@code **} takes whatever follows the segments above. */
    private final boolean tail;

    private PathTemplate(String text, String[] literals, String[] names, boolean tail) {
        this.text = text;
        this.literals = literals;
        this.names = names;
        this.tail = tail;
    }

    /**
     * The template of this text: {@code /} then segments separated by {@code /}, each a literal
     * or a {@code {name}}, the last one possibly {@code **}; {@code IllegalArgumentException} for
     * anything else (a bug in a route table).
     */
    static PathTemplate parse(String text) {
        Objects.requireNonNull(text, "text is null");
        if (!text.startsWith("/") || text.length() == 1) {
            throw new IllegalArgumentException("a path template starts with / and has a segment: " + text);
        }
        boolean tail = text.endsWith("/**");
        if (tail ? text.length() < 5 || text.indexOf("**") != text.length() - 2 : text.contains("**")) {
            throw new IllegalArgumentException("** is the last segment of a template that has others: " + text);
        }
        String[] segments = (tail ? text.substring(1, text.length() - 3) : text.substring(1)).split("/", -1);
        String[] literals = new String[segments.length];
        String[] names = new String[segments.length];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("{") && s.endsWith("}") && s.length() > 2) {
                String name = s.substring(1, s.length() - 1);
                if (name.indexOf('{') >= 0 || name.indexOf('}') >= 0 || seen.contains(name)) {
                    throw new IllegalArgumentException("a bad or repeated name " + s + " in " + text);
                }
                seen.add(name);
                names[i] = name;
            } else if (s.isEmpty() || s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
                throw new IllegalArgumentException("an empty or half-named segment in " + text);
            } else {
                literals[i] = s;
            }
        }
        return new PathTemplate(text, literals, names, tail);
    }

    /** How many segments a matching path has (before its tail, for a tail template). */
    int size() {
        return literals.length;
    }

    /** The literal text of segment {@code i}, {@code null} when it is named. */
    String literal(int i) {
        return literals[i];
    }

    /** Whether this template ends with {@code **}. */
    boolean tail() {
        return tail;
    }

    /**
     * The named segments and the tail of a path this tail template matches, or {@code null}: splits
     * only the segments the template has, so a path of a million slashes costs no more than a short one.
     */
    PathParams matchTail(String path, Set<String> namespaces) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        String[] head = new String[literals.length];
        int start = 1;
        String rest = "";
        for (int i = 0; i < head.length; i++) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                if (i < head.length - 1) {
                    return null;
                }
                head[i] = path.substring(start);
            } else {
                head[i] = path.substring(start, slash);
                start = slash + 1;
                if (i == head.length - 1) {
                    rest = path.substring(start);
                }
            }
        }
        PathParams params = match(head, namespaces);
        return params == null ? null : params.withTail(rest);
    }

    /**
     * The named segments of a path's segments, or {@code null} when they do not match. A name in
     * the first place never matches a segment of {@code namespaces}: those first segments belong
     * to the templates that spell them out.
     */
    PathParams match(String[] segments, Set<String> namespaces) {
        if (segments.length != literals.length) {
            return null;
        }
        for (int i = 0; i < literals.length; i++) {
            String segment = segments[i];
            if (literals[i] != null ? !literals[i].equals(segment)
                    : segment.isEmpty() || i == 0 && namespaces.contains(segment)) {
                return null;
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                values.put(names[i], segments[i]);
            }
        }
        return new PathParams(values);
    }

    private static int compareSpecificity(PathTemplate a, PathTemplate b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            String x = a.literals[i];
            String y = b.literals[i];
            if (x != null && y != null) {
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            } else if (x != null || y != null) {
                return x != null ? -1 : 1;
            }
        }
        return 0; // the same shape: no path could tell them apart
    }

    @Override
    public String toString() {
        return text;
    }
}
