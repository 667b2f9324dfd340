package io.connectstage.spec;

/**
 * The dotted paths of problems, and the short form of user text quoted in their messages. Each
 * segment taken from the file is cut to {@value #QUOTE_LIMIT} characters and a whole path to
 * {@value #PATH_LIMIT}, so that a path costs at most a few hundred bytes however long the keys of
 * the file are, or however often one long key is reused through an alias.
 */
final class Paths {
    static final int QUOTE_LIMIT = 60;
    static final int PATH_LIMIT = 512;
    private static final String CUT = "…";

    private Paths() {
    }

    static String child(String path, String key) {
        String segment = shorten(key);
        if (path.isEmpty()) {
            return segment;
        }
        if (path.length() >= PATH_LIMIT) {
            return path; // already cut: deeper segments add nothing readable
        }
        String child = path + "." + segment;
        return child.length() <= PATH_LIMIT ? child : child.substring(0, PATH_LIMIT - CUT.length()) + CUT;
    }

    static String child(String path, int index) {
        return child(path, Integer.toString(index));
    }

    /** Text from the file cut to a readable length, so that a huge value makes a short message. */
    static String shorten(String text) {
        if (text.length() <= QUOTE_LIMIT) {
            return text;
        }
        int end = QUOTE_LIMIT;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }
}
