package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * Writes the tree of a fetched tag into a folder, for code that runs what the repository holds.
 * Only regular files (executable or not) and folders are written: a symbolic link or a submodule
 * is refused, and so is any path that would leave the folder or write into a {@code .git}. The
 * number of files and their total size are capped, each size read from the pack before the file
 * is written, so a hostile tree cannot fill the disk.
 */
final class TreeCheckout {

    private final long maxBytes;
    private final int maxFiles;

    TreeCheckout(long maxBytes, int maxFiles) {
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    /**
     * The tree of {@code tag} in {@code local}, written into {@code target} (which must not exist
     * yet): {@code target}, or the problem that stopped it, {@code target} then removed.
     */
    Either<RepositoryProblem, Path> write(Repository local, String tag, Path target, SpecTreeReader.Problems problems)
            throws IOException {
        Ref ref = local.exactRef(Constants.R_TAGS + tag);
        if (ref == null || ref.getObjectId() == null) {
            return Either.left(problems.issue(GIT_REPOSITORY_NOT_REACHABLE, "the repository has no tag '" + tag + "'"));
        }
        Either<String, RevCommit> peeled = SpecTreeReader.peelToCommit(local, ref.getObjectId(), tag);
        if (peeled.isLeft()) {
            return Either.left(problems.issue(GIT_REPOSITORY_NOT_REACHABLE, peeled.getLeft()));
        }
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root.getParent());
        Files.createDirectory(root);
        String refusal;
        try {
            refusal = writeTree(local, peeled.get(), root);
        } catch (IOException | RuntimeException e) {
            refusal = "the tree could not be written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (refusal != null) {
            FileUtils.delete(root.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
            return Either.left(problems.issue(GIT_REPOSITORY_NOT_REACHABLE, refusal));
        }
        return Either.right(root);
    }

    /** Writes every entry; the reason it stopped, or {@code null} when the whole tree was written. */
    private String writeTree(Repository local, RevCommit commit, Path root) throws IOException {
        long bytes = 0;
        int files = 0;
        try (ObjectReader reader = local.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                String bad = badPath(path);
                if (bad != null) {
                    return bad;
                }
                Path file = root.resolve(path).normalize();
                if (!file.startsWith(root) || file.equals(root)) {
                    return "the path '" + Text.shown(path) + "' leaves the checkout folder";
                }
                int mode = walk.getRawMode(0);
                switch (mode & FileMode.TYPE_MASK) {
                    case FileMode.TYPE_FILE:
                        break;
                    case FileMode.TYPE_SYMLINK:
                        return "'" + Text.shown(path) + "' is a symbolic link; a checkout to run holds regular files only";
                    case FileMode.TYPE_GITLINK:
                        return "'" + Text.shown(path) + "' is a submodule; a checkout to run holds regular files only";
                    default:
                        return "'" + Text.shown(path) + "' is not a regular file (mode " + Integer.toOctalString(mode) + ")";
                }
                if (++files > maxFiles) {
                    return "the tag holds more than the limit of " + maxFiles + " files";
                }
                long size = reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB);
                bytes += size;
                if (bytes > maxBytes) {
                    return "the files of the tag add up to more than the limit of " + maxBytes + " bytes";
                }
                Path parent = file.getParent();
                Files.createDirectories(parent);
                if (!parent.toRealPath().startsWith(root.toRealPath())) {
                    return "the path '" + Text.shown(path) + "' leaves the checkout folder";
                }
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
                    reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).copyTo(out);
                }
                if (mode == FileMode.EXECUTABLE_FILE.getBits()) {
                    makeExecutable(file);
                }
            }
        }
        return null;
    }

    /** Why a path of the tree is refused (an empty, {@code .}, {@code ..} or {@code .git} segment), or {@code null}. */
    private static String badPath(String path) {
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return "the path '" + Text.shown(path) + "' is not a relative path";
        }
        for (String segment : path.split("/", -1)) {
            String lower = segment.toLowerCase(Locale.ROOT);
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || lower.equals(".git")) {
                return "the path '" + Text.shown(path) + "' has a segment that a checkout refuses ('" + Text.shown(segment) + "')";
            }
        }
        return null;
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            EnumSet<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setExecutable(true, true);
        }
    }
}
