package io.connectstage.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} as child processes of a test, on this test's class path (so the build under test,
 * not an installed jar): started with their output in files, found listening by the line they
 * print, and killed when the test ends ({@link #close}).
 */
final class ServeProcesses implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    private final Path folder;
    private final List<Process> children = new ArrayList<>();
    private final Map<Process, Path[]> outputs = new HashMap<>();

    /** Serve processes whose output files go to {@code folder}. */
    ServeProcesses(Path folder) {
        this.folder = folder;
    }

    /** Starts {@code serve} with these arguments (and a heap of 256 MiB). */
    Process start(List<String> serveArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.connectstage.cli.ConnectCli", "serve"));
        command.addAll(serveArguments);
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        children.add(p);
        outputs.put(p, new Path[] {out, err});
        return p;
    }

    /** Where {@code p} listens, once it says so (90 s at most); fails with its standard error when it exits first. */
    URI listening(Process p) throws Exception {
        Path out = outputs.get(p)[0];
        Path err = outputs.get(p)[1];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(out));
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!p.isAlive()) {
                throw new AssertionError("serve exited " + p.exitValue() + ": " + Files.readString(err));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not say it listens: " + Files.readString(err));
    }

    /** What {@code p} printed on standard error so far. */
    String errors(Process p) throws Exception {
        return Files.readString(outputs.get(p)[1]);
    }

    /** The processes started, in order. */
    List<Process> started() {
        return List.copyOf(children);
    }

    /** Waits until {@code condition} holds, polling, or fails after {@code seconds}. */
    static void await(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Kills every process still running (SIGKILL) and waits for it. */
    @Override
    public void close() throws Exception {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
