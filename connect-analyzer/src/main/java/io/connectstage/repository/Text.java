package io.connectstage.repository;

/**
 * Text that leaves this package in a problem: control characters (a server's error message may
 * hold terminal escapes) replaced by {@code ?}, and the length bounded so that a hostile
 * server cannot make a report entry as large as its answer.
 */
final class Text {

    static final int MAX_DETAIL = 2000;

    private Text() {
    }

    static String shown(String text) {
        if (text == null) {
            return "";
        }
        int end = Math.min(text.length(), MAX_DETAIL);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) && c != '\n' ? '?' : c);
        }
        if (text.length() > MAX_DETAIL) {
            out.append("… (").append(text.length() - MAX_DETAIL).append(" more characters)");
        }
        return out.toString();
    }
}
