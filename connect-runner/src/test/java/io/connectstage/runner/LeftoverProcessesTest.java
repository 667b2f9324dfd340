package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A runner starting on a work folder")
class LeftoverProcessesTest {
    @TempDir
    Path temp;

    @Test
    void killsTheProcessesItsPidFilesNameAndRemovesTheDeploymentFolders() throws Exception {
        Path work = temp.resolve("work");
        WorkFolders folders = new WorkFolders(work);
        Process leftover = new ProcessBuilder("sleep", "600").start();
        try {
            folders.record(leftover.toHandle());
            Path stale = Files.createDirectories(folders.deployment("d-old").resolve("service"));

            ProcessDeploymentRunner.builder().serverBase(() -> URI.create("http://127.0.0.1:1")).workDirectory(work)
                    .stopGrace(Duration.ofSeconds(2)).build().close();

            Waits.until("the leftover process ended", () -> !leftover.isAlive());
            assertFalse(Files.exists(stale));
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void leavesAProcessAloneWhosePidWasReused() throws Exception {
        Path work = temp.resolve("work");
        WorkFolders folders = new WorkFolders(work);
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            // a pid file written for a process that started at another time: the pid now names someone else
            Files.writeString(work.resolve("pids").resolve(other.pid() + ".pid"), other.pid() + " 1000\n");
            ProcessDeploymentRunner.builder().serverBase(() -> URI.create("http://127.0.0.1:1")).workDirectory(work)
                    .build().close();
            assertTrue(other.isAlive());
            assertFalse(Files.exists(work.resolve("pids").resolve(other.pid() + ".pid")));
        } finally {
            other.destroyForcibly();
        }
    }
}
