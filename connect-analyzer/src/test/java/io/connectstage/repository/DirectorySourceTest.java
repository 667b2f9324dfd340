package io.connectstage.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.Repository;
import io.connectstage.spec.SpecLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DirectorySource")
class DirectorySourceTest {

    @TempDir
    Path tmp;

    @Test
    void readsConnectYamlFromAFolderOrTheFileItself() throws Exception {
        Files.writeString(tmp.resolve("connect.yaml"), "deployAs: []\n");

        assertEquals("deployAs: []\n", new DirectorySource().fetchSpec(new Repository(tmp.toString(), null)).get().contentAsUtf8());
        assertEquals(13, new DirectorySource().fetchSpec(new Repository(tmp.resolve("connect.yaml").toString(), null)).get().size());
    }

    @Test
    void usesTheOneSizeLimitOfSpecLimits() throws Exception {
        Files.write(tmp.resolve("connect.yaml"), new byte[SpecLimits.DEFAULT_MAX_BYTES + 1]);

        RepositoryProblem problem = new DirectorySource().fetchSpec(new Repository(tmp.toString(), null)).getLeft();

        assertEquals(RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_VALID, problem.kind());
        assertTrue(problem.detail().contains("more than the limit of " + SpecLimits.DEFAULT_MAX_BYTES), problem.detail());
    }

    @Test
    void readsAProcfsFileThatClaimsZeroBytesOnlyUpToTheLimit() {
        Path status = Path.of("/proc/self/status");
        assertTrue(Files.isReadable(status), "the tests run on Linux, where /proc/self/status exists");

        RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> new DirectorySource(64).fetchSpec(new Repository(status.toString(), null)).getLeft());

        assertTrue(problem.detail().contains("more than the limit of 64 bytes"), problem.detail());
    }

    @Test
    void refusesSymbolicLinksDevicesAndMissingFiles() throws Exception {
        Files.writeString(tmp.resolve("real.yaml"), "deployAs: []\n");
        Files.createSymbolicLink(tmp.resolve("connect.yaml"), tmp.resolve("real.yaml"));

        assertEquals(RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_VALID,
                new DirectorySource().fetchSpec(new Repository(tmp.toString(), null)).getLeft().kind());
        assertEquals(RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_FOUND,
                new DirectorySource().fetchSpec(new Repository("/dev/zero", null)).getLeft().kind());
        assertEquals(RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_FOUND,
                new DirectorySource().fetchSpec(new Repository(tmp.resolve("nothing").toString(), null)).getLeft().kind());
    }
}
