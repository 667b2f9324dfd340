package io.connectstage.junit;

/** The update bodies these tests send, as a client writes them. */
final class Updates {
    private Updates() {
    }

    static String publish(long version) {
        return "{\"version\":" + version + ",\"actions\":[{\"action\":\"publish\",\"certification\":false}]}";
    }

    static String requestPreview(long version) {
        return "{\"version\":" + version + ",\"actions\":[{\"action\":\"updatePreviewable\"}]}";
    }

    static String setName(long version, String name) {
        return "{\"version\":" + version + ",\"actions\":[{\"action\":\"setName\",\"name\":\"" + name + "\"}]}";
    }
}
