package io.connectstage.spec;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.BaseScalarResolver;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The tags of plain scalars in the YAML 1.2 core schema, exactly as
 * {@code new CoreScalarResolver(false)} (no merge key) resolves them, without its cost: the
 * library tries a list of regular expressions per scalar, boxing the first character to find it
 * and matching an "empty" expression against every string; here the common answers (strings,
 * booleans, nulls, integers) are found by looking at the characters, and the library's own
 * expressions run only for what could be a float or a {@code ${ENV}} placeholder.
 * {@code CoreResolverProperties} checks the equivalence. {@link #explicit} gives the tag of a
 * scalar with an explicit tag, as the official parser reads it.
 */
final class CoreResolver implements ScalarResolver {
    private static final Pattern FLOAT = CoreScalarResolver.FLOAT;
    private static final Pattern ENV = BaseScalarResolver.ENV_FORMAT;
    /**
     * What the {@code yaml} npm package's three {@code !!float} patterns accept: a dot or an
     * exponent (so no integer), or infinity or not-a-number.
     */
    private static final Pattern EXPLICIT_FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?[0-9]+[eE][-+]?[0-9]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final String CORE = "tag:yaml.org,2002:";

    /**
     * The tag of a scalar written with the explicit tag {@code tag} (in full, as the parser expands
     * it: {@code !!int}, {@code !<tag:yaml.org,2002:int>} and a {@code %TAG} shorthand are all
     * {@code tag:yaml.org,2002:int}), as the official parser (the {@code yaml} npm package, core
     * schema) reads it: {@code !!int}, {@code !!float}, {@code !!bool} and {@code !!null} give
     * their type only to a value their own patterns match ({@code !!float 5} is no number, the
     * float patterns want a dot or an exponent; {@code !!int "5"} is one); any other value, and
     * {@code !!str}, {@code !!map}, {@code !!seq} or the non-specific {@code !} on a scalar, is a
     * string. {@code null} for a tag outside the core schema, which {@link YamlDocument} refuses.
     */
    static Tag explicit(String tag, String value) {
        if (tag.equals("!")) {
            return Tag.STR;
        }
        if (!tag.startsWith(CORE)) {
            return null;
        }
        return switch (tag.substring(CORE.length())) {
            case "str", "map", "seq" -> Tag.STR;
            case "int" -> !value.isEmpty() && isInt(value) ? Tag.INT : Tag.STR;
            case "float" -> EXPLICIT_FLOAT.matcher(value).matches() ? Tag.FLOAT : Tag.STR;
            case "bool" -> isBool(value) ? Tag.BOOL : Tag.STR;
            case "null" -> value.isEmpty() || !value.equals(" ") && isNull(value) ? Tag.NULL : Tag.STR;
            default -> null;
        };
    }

    /** Whether {@code tag} (in full) is one of the core schema's, which on a list or a mapping changes nothing. */
    static boolean isCore(String tag) {
        return switch (tag) {
            case CORE + "str", CORE + "int", CORE + "float", CORE + "bool", CORE + "null", CORE + "map", CORE + "seq" -> true;
            default -> false;
        };
    }

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        char first = value.charAt(0);
        switch (first) {
            case 't', 'f', 'T', 'F' -> {
                if (isBool(value)) {
                    return Tag.BOOL;
                }
            }
            case '-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                if (isInt(value)) {
                    return Tag.INT;
                }
                if (FLOAT.matcher(value).matches()) {
                    return Tag.FLOAT;
                }
            }
            case '.' -> {
                if (FLOAT.matcher(value).matches()) {
                    return Tag.FLOAT;
                }
            }
            case '$' -> {
                if (ENV.matcher(value).matches()) {
                    return Tag.ENV_TAG;
                }
            }
            default -> {
            }
        }
        return isNull(value) ? Tag.NULL : Tag.STR;
    }

    private static boolean isBool(String value) {
        return switch (value) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    private static boolean isNull(String value) {
        return switch (value) {
            case "~", "null", "Null", "NULL", " " -> true;
            default -> false;
        };
    }

    /** {@code [-+]?[0-9]+}, {@code 0o[0-7]+} or {@code 0x[0-9a-fA-F]+}, the whole value. */
    static boolean isInt(String value) {
        int length = value.length();
        if (length > 2 && value.charAt(0) == '0' && (value.charAt(1) == 'o' || value.charAt(1) == 'x')) {
            boolean hex = value.charAt(1) == 'x';
            for (int i = 2; i < length; i++) {
                char c = value.charAt(i);
                boolean digit = hex ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                        : c >= '0' && c <= '7';
                if (!digit) {
                    return false;
                }
            }
            return true;
        }
        int start = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        if (start == length) {
            return false;
        }
        for (int i = start; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
