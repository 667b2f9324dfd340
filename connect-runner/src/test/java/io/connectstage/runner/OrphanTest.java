package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("No orphan process")
class OrphanTest {
    @TempDir
    Path temp;

    @Test
    void applicationsEndWhenTheJvmThatRanThemIsKilledWithSigkill() throws Exception {
        Path repo = FixtureConnector.repository(FixtureConnector.folder(), temp.resolve("repo"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunnerChild.class.getName(),
                temp.resolve("work").toString(), repo.toString())
                .redirectError(temp.resolve("child.err").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PORT "), "the child said: " + line);
            InetSocketAddress service = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(line.substring(5)));
            List<ProcessHandle> started = child.toHandle().descendants().toList();
            assertFalse(started.isEmpty());
            assertTrue(Waits.accepts(service));

            child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs

            Waits.until("the service's port closed", () -> !Waits.accepts(service));
            Waits.until("every process the child started ended", () -> started.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            child.destroyForcibly();
        }
    }
}
