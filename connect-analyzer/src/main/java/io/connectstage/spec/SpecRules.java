package io.connectstage.spec;

import io.connectstage.rule.Schedules;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The value rules of {@code connect.yaml} (SPEC-NOTES §1), each a predicate with its wording. */
final class SpecRules {
    /** The rules as the official parser words them; {@link #isName} and the others check them by characters. */
    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{2,256}$");
    static final Pattern CONFIGURATION_KEY = Pattern.compile("^[a-zA-Z0-9_]{2,256}$");
    static final Pattern ENDPOINT_CHARACTERS = Pattern.compile("^[a-zA-Z0-9_/-]+$");
    static final List<String> RESERVED_KEYS = List.of("PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION");
    private static final Set<String> RESERVED = Set.copyOf(RESERVED_KEYS);

    static final String NAME_RULE = "2 to 256 letters, digits, '_' or '-' (" + NAME.pattern() + ")";
    static final String KEY_RULE = "2 to 256 letters, digits or '_' (" + CONFIGURATION_KEY.pattern() + ")";
    /** The schedule rule is connect-core's, shared with a Deployment's schedule override. */
    static final String SCHEDULE_RULE = Schedules.RULE;

    private SpecRules() {
    }

    /**
     * Empty or only whitespace as JavaScript's {@code String.prototype.trim()} sees it (the official
     * parser's rule): tab, line feed, vertical tab, form feed, carriage return, every space
     * separator (Zs: U+0020, U+00A0, U+1680, U+2000 to U+200A, U+202F, U+205F, U+3000), U+2028,
     * U+2029 and U+FEFF. Unlike Java's {@code isBlank}, U+001C to U+001F are not whitespace.
     */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isJavaScriptWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJavaScriptWhitespace(char c) {
        return (c >= '\t' && c <= '\r') || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** {@link #NAME}, by characters: it runs for every application. */
    static boolean isName(String name) {
        return name.length() >= 2 && name.length() <= 256 && only(name, true, false);
    }

    /** {@link #CONFIGURATION_KEY}, by characters: it runs for every configuration key. */
    static boolean isConfigurationKey(String key) {
        return key.length() >= 2 && key.length() <= 256 && only(key, false, false);
    }

    /** {@link #ENDPOINT_CHARACTERS}, by characters. */
    static boolean isEndpointCharacters(String endpoint) {
        return !endpoint.isEmpty() && only(endpoint, true, true);
    }

    /** Whether every character is an ASCII letter, digit or '_', or '-' / '/' where allowed. */
    private static boolean only(String text, boolean dash, boolean slash) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || (dash && c == '-') || (slash && c == '/');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    static boolean isReserved(String key) {
        return RESERVED.contains(key.toUpperCase(Locale.ROOT));
    }

    static boolean isSchedule(String schedule) {
        return Schedules.isSchedule(schedule);
    }

    /** What is wrong with an endpoint or a health-check path, or {@code null} when it is fine. */
    static String endpointProblem(String endpoint) {
        if (endpoint.isEmpty()) {
            return "must not be empty";
        }
        if (!isEndpointCharacters(endpoint)) {
            return "may contain only letters, digits, '_', '-' and '/', got '" + Paths.shorten(endpoint) + "'";
        }
        if (endpoint.contains("//")) {
            return "must not contain '//', got '" + Paths.shorten(endpoint) + "'";
        }
        return null;
    }
}
