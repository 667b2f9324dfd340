package io.connectstage.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("GitRepositorySource when the JVM is stopped during a fetch")
class GitRepositorySourceShutdownTest {

    /**
     * A build started in the background by a shell without job control ignores SIGINT, the child
     * inherits that, and a JVM that starts with SIGINT ignored never stops on it: so the child
     * starts with the signals' default handling (GNU {@code env --default-signal}, where there is one).
     */
    private static final List<String> DEFAULT_SIGNALS = defaultSignals();

    @TempDir
    Path temp;

    private static List<String> defaultSignals() {
        List<String> prefix = List.of("env", "--default-signal=INT,TERM");
        List<String> probeCommand = new ArrayList<>(prefix);
        probeCommand.add("true");
        try {
            Process probe = new ProcessBuilder(probeCommand).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? prefix : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void aStoppedJvmLeavesNoTemporaryClone(String signal) throws Exception {
        Path work = Files.createDirectory(temp.resolve("work"));
        try (HostileGitServer server = HostileGitServer.streamingBlobOf(1_900_000_000L)) {
            List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    InterruptedFetchMain.class.getName(), work.toString(), temp.resolve("no-ssh").toString(), server.url()));
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(temp.resolve("child.log").toFile())
                    .start();
            try {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!(hasClone(work) && server.sent.get() > 2 * 1024 * 1024) && System.nanoTime() < until && child.isAlive()) {
                    Thread.sleep(100);
                }
                assertTrue(hasClone(work) && server.sent.get() > 0, "the child never started its fetch: "
                        + Files.readString(temp.resolve("child.log")));
                new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start().waitFor();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not stop");
            } finally {
                child.destroyForcibly();
            }
            try (Stream<Path> left = Files.list(work)) {
                assertEquals(List.of(), left.toList(), "left behind; child log: " + Files.readString(temp.resolve("child.log")));
            }
        }
    }

    private static boolean hasClone(Path work) throws java.io.IOException {
        try (Stream<Path> entries = Files.list(work)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith(TemporaryClones.PREFIX)
                    && new File(p.toFile(), "objects").isDirectory());
        }
    }
}
