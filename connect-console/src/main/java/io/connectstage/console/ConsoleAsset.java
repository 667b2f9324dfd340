package io.connectstage.console;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One file of the console as it is served: its bytes, its content type and an entity tag made
 * from the bytes' SHA-256, so that a browser revalidates it with one cheap 304.
 */
record ConsoleAsset(String path, byte[] bytes, String contentType, String etag) {

    ConsoleAsset {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(bytes, "bytes is null");
        Objects.requireNonNull(contentType, "contentType is null");
        Objects.requireNonNull(etag, "etag is null");
    }

    static ConsoleAsset of(String path, byte[] bytes) {
        return new ConsoleAsset(path, bytes, contentType(path), "\"" + sha256(bytes).substring(0, 32) + "\"");
    }

    /** The types of the few kinds of file the console has; anything else is refused when loading. */
    static String contentType(String path) {
        if (path.endsWith(".html")) {
            return "text/html;charset=utf-8";
        }
        if (path.endsWith(".js")) {
            return "text/javascript;charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css;charset=utf-8";
        }
        if (path.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new IllegalArgumentException("the console serves no file of this kind: " + path);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return path + " (" + contentType + ", " + bytes.length + " bytes, " + etag + ")";
    }
}
