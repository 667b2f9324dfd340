package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./connect serve --store jdbc:h2:file:…} refusing a file it cannot have, at once and in one line. */
@DisplayName("serve on an H2 file")
class ServeH2FileTest {
    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process p : children) {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
    }

    private Process serve(Path out, Path err, String store) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.connectstage.cli.ConnectCli", "serve", "--port", "0",
                "--store", store, "--client", "me:h2-secret:manage_project:h2-project");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        children.add(p);
        return p;
    }

    private void awaitListening(Process p, Path out, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(out).contains("listening on")) {
            assertTrue(p.isAlive(), () -> "serve exited: " + read(err));
            assertTrue(System.nanoTime() < deadline, "serve did not say it listens");
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a second serve that must fail: answers its standard error once it exited 1 within 30 s. */
    private String refused(String store) throws Exception {
        Path out = tmp.resolve("second-out.txt");
        Path err = tmp.resolve("second-err.txt");
        Process second = serve(out, err, store);
        assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second serve did not give up at once");
        assertEquals(1, second.exitValue(), read(err));
        assertEquals("", read(out), "it never said it listens");
        return read(err);
    }

    @Test
    @DisplayName("a second server on a file another one holds exits at once with one line saying the file is in use")
    void secondServerOnTheSameFile() throws Exception {
        String store = "jdbc:h2:file:" + tmp.resolve("db");
        Path out = tmp.resolve("first-out.txt");
        Path err = tmp.resolve("first-err.txt");
        Process first = serve(out, err, store);
        awaitListening(first, out, err);
        String message = refused(store);
        assertEquals(1, message.strip().lines().count(), message);
        assertTrue(message.startsWith("serve: ") && message.contains("db.mv.db is in use by another process"), message);
        assertTrue(first.isAlive(), "the first server goes on");
    }

    @Test
    @DisplayName("refuses in one line to start beside the per-project files of an earlier release")
    void olderPerProjectFiles() throws Exception {
        Files.writeString(tmp.resolve("db-h2-project.mv.db"), "an earlier release's project");
        String message = refused("jdbc:h2:file:" + tmp.resolve("db"));
        assertEquals(1, message.strip().lines().count(), message);
        assertTrue(message.contains("db-h2-project.mv.db holds a project of an earlier connectstage"), message);
    }
}
