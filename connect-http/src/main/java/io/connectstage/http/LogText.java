package io.connectstage.http;

/** Text from a request made fit for one log line: bounded, printable ASCII, no query string. */
final class LogText {
    private static final int MAX = 200;

    private LogText() {
    }

    /** {@code null} as "-", characters outside printable ASCII as '?', cut at 200 characters. */
    static String safe(String text) {
        if (text == null) {
            return "-";
        }
        int end = Math.min(text.length(), MAX);
        StringBuilder b = new StringBuilder(end + 3);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return end < text.length() ? b.append("...").toString() : b.toString();
    }
}
