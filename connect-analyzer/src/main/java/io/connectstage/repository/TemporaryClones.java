package io.connectstage.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.util.FileUtils;

/**
 * The folders of fetches in progress. Each is deleted when its fetch ends; the ones still there
 * when the JVM shuts down (Ctrl-C, SIGTERM, {@code System.exit}) are deleted by one shutdown
 * hook, so an interrupted run leaves no clone behind. (SIGKILL runs no hook; the folders are named
 * {@code connectstage-git-*} under the work directory for a sweep.)
 */
final class TemporaryClones {

    static final String PREFIX = "connectstage-git-";

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private TemporaryClones() {
    }

    /** A fresh folder under {@code workDirectory}, deleted at shutdown unless {@link #delete}d before. */
    static Path create(Path workDirectory) throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            Thread hook = new Thread(TemporaryClones::deleteAll, "connectstage-git-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        Files.createDirectories(workDirectory);
        Path folder = Files.createTempDirectory(workDirectory, PREFIX);
        LIVE.add(folder);
        return folder;
    }

    static void delete(Path folder) {
        try {
            FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException | RuntimeException e) {
            // nothing more can be done here; the folder is under the work directory and named for us
        } finally {
            LIVE.remove(folder);
        }
    }

    private static void deleteAll() {
        FetchGuard.stopAll(DeadlineFetch.CLOSE_GRACE.toNanos());
        for (Path folder : Set.copyOf(LIVE)) {
            delete(folder);
        }
    }
}
