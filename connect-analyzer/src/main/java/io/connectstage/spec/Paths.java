package io.connectstage.spec;

/** The dotted paths of problems, and the short form of user text quoted in their messages. */
final class Paths {
    private static final int QUOTE_LIMIT = 60;

    private Paths() {
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String child(String path, int index) {
        return child(path, Integer.toString(index));
    }

    /** Text from the file cut to a readable length, so that a huge value makes a short message. */
    static String shorten(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }
}
