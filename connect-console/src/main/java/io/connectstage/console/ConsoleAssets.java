package io.connectstage.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's files, read once from the class path into memory. Which files exist is the list
 * in {@code assets.list} (a jar cannot be listed portably); a request's path is looked up in this
 * map as it came, so no path can name a file that is not on the list (no {@code ..}, no encoding
 * trick reaches anything else).
 */
final class ConsoleAssets {
    private static final String LIST = "/io/connectstage/console/assets.list";
    private static final String ROOT = "/io/connectstage/console/assets/";

    private final Map<String, ConsoleAsset> byPath;

    private ConsoleAssets(Map<String, ConsoleAsset> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /** Every file of {@code assets.list}; a listed file that is missing is a packaging bug. */
    static ConsoleAssets load() {
        Map<String, ConsoleAsset> assets = new LinkedHashMap<>();
        for (String line : new String(resource(LIST), StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String path = name.equals("index.html") ? "/" : "/" + name;
            assets.put(path, ConsoleAsset.of(name, resource(ROOT + name)));
        }
        return new ConsoleAssets(assets);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's file " + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file served at this request path ({@code /} is {@code index.html}), if any. */
    Optional<ConsoleAsset> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    Map<String, ConsoleAsset> all() {
        return byPath;
    }
}
