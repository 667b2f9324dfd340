package io.connectstage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder {@code serve --run-apps} builds and runs applications under: the one given with
 * {@code --run-dir} (created when missing, kept at exit: it is the user's), or a new folder in the
 * temporary directory that {@link #close()} removes with all it holds, once the runner has stopped
 * every application.
 */
final class RunDirectory implements AutoCloseable {
    private final Path path;
    private final boolean ours;

    private RunDirectory(Path path, boolean ours) {
        this.path = path;
        this.ours = ours;
    }

    /** The folder {@code given}, or a new temporary one when {@code null}. */
    static RunDirectory of(Path given) throws IOException {
        if (given != null) {
            return new RunDirectory(Files.createDirectories(given).toAbsolutePath(), false);
        }
        return new RunDirectory(Files.createTempDirectory("connectstage-run-").toAbsolutePath(), true);
    }

    Path path() {
        return path;
    }

    /** Removes the folder when this made it; a given one stays. */
    @Override
    public void close() {
        if (!ours || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
