package io.connectstage.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one folder the runner writes under: a folder per Deployment ({@code deployments/<id>}, its
 * repository's files, removed when the Deployment stops), the {@code HOME} and npm cache its
 * commands get, and a pid file per process it started ({@code pids/}). One runner per work folder:
 * at start-up it kills what pid files name (a runner before it was killed so hard that even the
 * watchdogs died) and removes the Deployments' folders, since nothing runs for them any more.
 */
final class WorkFolders {
    private final Path root;

    WorkFolders(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(deployments());
            Files.createDirectories(home());
            Files.createDirectories(npmCache());
            Files.createDirectories(pids());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the runner's work folder " + this.root, e);
        }
    }

    Path root() {
        return root;
    }

    Path home() {
        return root.resolve("home");
    }

    Path npmCache() {
        return root.resolve("npm-cache");
    }

    private Path deployments() {
        return root.resolve("deployments");
    }

    private Path pids() {
        return root.resolve("pids");
    }

    /** The folder of a Deployment; its id is a UUID in practice, anything else is made safe for a file name. */
    Path deployment(String deploymentId) {
        String safe = deploymentId.matches("[A-Za-z0-9_-]{1,100}") ? deploymentId
                : UUID.nameUUIDFromBytes(deploymentId.getBytes(StandardCharsets.UTF_8)).toString();
        return deployments().resolve(safe);
    }

    /** Records {@code process} (pid and start time, so a reused pid is not mistaken for it); the file to {@link #forget}. */
    Path record(ProcessHandle process) {
        Path file = pids().resolve(process.pid() + ".pid");
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.writeString(file, process.pid() + " " + started + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the watchdog still ends it when this JVM dies; only the belt and braces are missing
        }
        return file;
    }

    void forget(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is checked against the process start time before anything is killed
        }
    }

    /** Kills the processes that pid files still name, and removes the Deployments' folders. */
    void sweepLeftovers(Duration grace) {
        try (Stream<Path> files = Files.list(pids())) {
            for (Path file : files.toList()) {
                leftover(file).ifPresent(p -> ProcessTrees.stop(p, grace));
                forget(file);
            }
        } catch (IOException e) {
            // nothing recorded
        }
        try (Stream<Path> folders = Files.list(deployments())) {
            folders.toList().forEach(WorkFolders::delete);
        } catch (IOException e) {
            // nothing there
        }
    }

    private static Optional<ProcessHandle> leftover(Path file) {
        try {
            List<String> fields = List.of(Files.readString(file, StandardCharsets.UTF_8).strip().split(" "));
            long pid = Long.parseLong(fields.get(0));
            long started = Long.parseLong(fields.get(1));
            return ProcessHandle.of(pid).filter(p -> p.info().startInstant()
                    .map(at -> Math.abs(at.toEpochMilli() - started) < 1000).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes a folder and everything in it, without following links out of it. */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next sweep
                }
            });
        } catch (IOException e) {
            // left for the next sweep
        }
    }
}
