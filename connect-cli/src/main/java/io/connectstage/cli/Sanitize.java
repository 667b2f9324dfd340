package io.connectstage.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Human-readable output made safe for a terminal: every control character (escape sequences,
 * carriage returns, bells, ...) in text that came from a repository or a user is shown as
 * a {@code \\u} escape with four hex digits instead of being sent to the terminal. JSON output needs none of this: the JSON
 * writer escapes control characters already.
 */
final class Sanitize {

    private Sanitize() {
    }

    /** {@code text} with every control character (and bidirectional override) escaped: one line. */
    static String line(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** A stream whose {@code println(String)} sanitizes each line before writing it to {@code target}. */
    static PrintStream printing(PrintStream target) {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
            @Override
            public void println(String x) {
                target.println(line(x));
            }

            @Override
            public void println(Object x) {
                target.println(line(String.valueOf(x)));
            }

            @Override
            public void print(String s) {
                target.print(line(s));
            }
        };
    }
}
