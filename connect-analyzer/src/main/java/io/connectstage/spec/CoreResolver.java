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
 * {@code CoreResolverProperties} checks the equivalence.
 */
final class CoreResolver implements ScalarResolver {
    private static final Pattern FLOAT = CoreScalarResolver.FLOAT;
    private static final Pattern ENV = BaseScalarResolver.ENV_FORMAT;

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
