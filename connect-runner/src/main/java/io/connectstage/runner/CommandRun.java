package io.connectstage.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command to its end (an npm install or build, a script) under the {@link Watchdog},
 * within a time limit, its output lines to a {@link LogChannel}; the process tree is stopped when
 * the limit passes. The environment is exactly the one given.
 */
final class CommandRun {
    /** How it ended: its exit code, or that it took longer than the limit, or could not start. */
    record Outcome(int exitCode, boolean timedOut, String startProblem) {
        boolean succeeded() {
            return !timedOut && startProblem == null && exitCode == 0;
        }

        String describe(String what, Duration limit) {
            if (startProblem != null) {
                return what + " could not be started: " + startProblem;
            }
            return timedOut ? what + " did not finish within " + limit.toSeconds() + " s and was stopped"
                    : what + " exited with code " + exitCode;
        }
    }

    private final Watchdog watchdog;
    private final WorkFolders folders;
    private final int maxLineBytes;
    private final Duration grace;

    CommandRun(Watchdog watchdog, WorkFolders folders, int maxLineBytes, Duration grace) {
        this.watchdog = watchdog;
        this.folders = folders;
        this.maxLineBytes = maxLineBytes;
        this.grace = grace;
    }

    /** A started command: its process (the watchdog) and the threads reading its output. */
    record Started(Process process, Thread out, Thread err) {
        /** Waits (a little) for the last lines of output to be read once the process has ended. */
        void drain() {
            try {
                out.join(2000);
                err.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts {@code command} in {@code directory}: its output goes to {@code logs}; the caller waits for it. */
    Started start(List<String> command, Path directory, Map<String, String> environment, LogChannel logs, String threadName)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(watchdog.wrap(command)).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread out = LinePump.start(threadName + "-out", process.getInputStream(), maxLineBytes, line -> logs.line(line, false));
        Thread err = LinePump.start(threadName + "-err", process.getErrorStream(), maxLineBytes, line -> logs.line(line, true));
        // stdin stays open and unused: the watchdog takes its closing for the death of this JVM
        return new Started(process, out, err);
    }

    Outcome run(List<String> command, Path directory, Map<String, String> environment, Duration limit, LogChannel logs,
            String threadName) {
        Started started;
        try {
            started = start(command, directory, environment, logs, threadName);
        } catch (IOException e) {
            return new Outcome(-1, false, e.getMessage());
        }
        Process process = started.process();
        Path pidFile = folders.record(process.toHandle());
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTrees.stop(process.toHandle(), grace);
                started.drain();
                return new Outcome(-1, true, null);
            }
            started.drain();
            return new Outcome(process.exitValue(), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTrees.stop(process.toHandle(), grace);
            return new Outcome(-1, false, "interrupted");
        } finally {
            folders.forget(pidFile);
        }
    }
}
