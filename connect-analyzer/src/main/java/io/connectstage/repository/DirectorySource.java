package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_FOUND;
import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_VALID;

import io.connectstage.connector.Repository;
import io.connectstage.spec.SpecLimits;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link RepositorySource} over a folder on this machine: {@code repository.url()} is a
 * directory holding {@code connect.yaml}, or the file itself; the tag is not used. The file is
 * refused as the git source would refuse it (a symbolic link, a directory, anything but a regular
 * file) and read only up to the size limit plus one byte, whatever size the file system
 * reports (a file of {@code /proc} says 0 and has more).
 *
 * <pre>{@code
 * Either<RepositoryProblem, SpecFile> spec = new DirectorySource().fetchSpec(new Repository("path/to/connector", null));
 * }</pre>
 */
public final class DirectorySource implements RepositorySource {

    /** The commit id reported for a file read from a folder: there is none. */
    public static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    private final long maxSpecSize;

    /** A source with the size limit of {@link SpecLimits#DEFAULT_MAX_BYTES}. */
    public DirectorySource() {
        this(SpecLimits.DEFAULT_MAX_BYTES);
    }

    public DirectorySource(long maxSpecSize) {
        if (maxSpecSize < 1 || maxSpecSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxSpecSize must be between 1 and " + (Integer.MAX_VALUE - 8) + ": " + maxSpecSize);
        }
        this.maxSpecSize = maxSpecSize;
    }

    @Override
    public Either<RepositoryProblem, SpecFile> fetchSpec(Repository repository) {
        Objects.requireNonNull(repository, "repository is null");
        String where = repository.url() == null ? "" : repository.url();
        Path path;
        try {
            path = Path.of(where);
        } catch (InvalidPathException e) {
            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND, where, "the path is not usable");
        }
        Path file = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? path.resolve(SPEC_FILE) : path;
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND, where, "there is no file " + file);
        }
        if (Files.isSymbolicLink(file)) {
            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_VALID, where, file + " is a symbolic link; it must be a regular file");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND, where, file + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) maxSpecSize + 1);
            if (bytes.length > maxSpecSize) {
                return problem(CONNECTOR_SPECIFICATION_FILE_NOT_VALID, where,
                        file + " has more than the limit of " + maxSpecSize + " bytes");
            }
            return Either.right(new SpecFile(NO_COMMIT, bytes));
        } catch (NoSuchFileException e) {
            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND, where, "there is no file " + file);
        } catch (IOException | RuntimeException e) {
            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND, where, file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static Either<RepositoryProblem, SpecFile> problem(RepositoryProblem.Kind kind, String where, String detail) {
        return Either.left(new RepositoryProblem(kind, Text.shown(where), null, Text.shown(detail)));
    }
}
