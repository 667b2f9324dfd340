package io.connectstage.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectstage.connector.Repository;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("GitRepositorySource over SSH")
class GitRepositorySourceSshTest {

    private static final String SPEC = "deployAs:\n  - name: service-app\n    applicationType: service\n";

    @TempDir
    Path temp;
    Path work;
    Path ssh;
    KeyPair clientKey;
    GitSshServer server;
    GitFixture fixture;

    @BeforeEach
    void startServer() throws Exception {
        work = Files.createDirectory(temp.resolve("work"));
        ssh = Files.createDirectory(temp.resolve("ssh"));
        fixture = GitFixture.init(temp.resolve("origin"));
        fixture.write("connect.yaml", SPEC).commit("release");
        fixture.lightweightTag("1.0.0");
        clientKey = GitSshServer.newKey();
        server = new GitSshServer(fixture.dir, clientKey);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private GitRepositorySourceBuilder source() {
        return GitRepositorySource.builder().workDirectory(work).cloneTimeout(Duration.ofSeconds(20))
                .reach(RepositoryReach.anywhere()).sshDirectory(ssh).sshAgent(false);
    }

    private static RepositoryProblem problem(Either<RepositoryProblem, SpecFile> result) {
        if (result.isRight()) {
            fail("expected a problem, got " + result.get());
        }
        return result.getLeft();
    }

    @Test
    void fetchesWithAKeyFileFromAHostListedInKnownHosts() throws Exception {
        Path key = GitSshServer.writePrivateKey(clientKey, temp.resolve("deploy-key"));
        Files.writeString(ssh.resolve("known_hosts"), server.knownHostsLine(server.hostKey));

        Either<RepositoryProblem, SpecFile> result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> source().sshKey(key).build().fetchSpec(new Repository(server.url("acme/connector.git"), "1.0.0")));

        assertTrue(result.isRight(), () -> result.getLeft().toString());
        assertEquals(SPEC, result.get().contentAsUtf8());
    }

    @Test
    void capsTheBytesReceivedOverSshToo() throws Exception {
        byte[] noise = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(noise);
        fixture.write("big.bin", noise).commit("big");
        fixture.lightweightTag("2.0.0");
        Path key = GitSshServer.writePrivateKey(clientKey, temp.resolve("deploy-key"));
        Files.writeString(ssh.resolve("known_hosts"), server.knownHostsLine(server.hostKey));

        RepositoryProblem problem = problem(source().sshKey(key).maxDownloadSize(1024 * 1024).build()
                .fetchSpec(new Repository(server.url("acme/connector.git"), "2.0.0")));

        assertEquals("the server sent more than the limit of 1048576 bytes; the fetch was stopped", problem.detail());
    }

    @Test
    void usesTheKeysOfTheSshDirectory() throws Exception {
        GitSshServer.writePrivateKey(clientKey, ssh.resolve("id_ecdsa"));
        Files.writeString(ssh.resolve("known_hosts"), server.knownHostsLine(server.hostKey));

        Either<RepositoryProblem, SpecFile> result = source().build()
                .fetchSpec(new Repository(server.url("acme/connector.git"), "1.0.0"));

        assertTrue(result.isRight(), () -> result.getLeft().toString());
    }

    @Test
    void refusesAHostMissingFromKnownHostsWithoutAskingOrAddingIt() throws Exception {
        Path key = GitSshServer.writePrivateKey(clientKey, temp.resolve("deploy-key"));
        Files.writeString(ssh.resolve("config"), "Host *\n  StrictHostKeyChecking no\n");

        RepositoryProblem problem = problem(source().sshKey(key).build()
                .fetchSpec(new Repository(server.url("acme/connector.git"), "1.0.0")));

        assertEquals(RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE, problem.kind());
        assertEquals(0, server.uploads.get(), "no git command may run on an unverified host");
        assertTrue(!Files.exists(ssh.resolve("known_hosts")) || Files.readString(ssh.resolve("known_hosts")).isEmpty());
    }

    @Test
    void refusesAHostWhoseKeyChanged() throws Exception {
        Path key = GitSshServer.writePrivateKey(clientKey, temp.resolve("deploy-key"));
        Path knownHosts = Files.writeString(temp.resolve("other_known_hosts"), server.knownHostsLine(GitSshServer.newKey()));

        RepositoryProblem problem = problem(source().sshKey(key).knownHosts(knownHosts).build()
                .fetchSpec(new Repository(server.url("acme/connector.git"), "1.0.0")));

        assertEquals(RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE, problem.kind());
        assertEquals(0, server.uploads.get());
    }

    @Test
    void aKeyTheServerDoesNotKnowIsNotReachable() throws Exception {
        Path key = GitSshServer.writePrivateKey(GitSshServer.newKey(), temp.resolve("other-key"));
        Files.writeString(ssh.resolve("known_hosts"), server.knownHostsLine(server.hostKey));

        RepositoryProblem problem = problem(source().sshKey(key).build()
                .fetchSpec(new Repository(server.url("acme/connector.git"), "1.0.0")));

        assertEquals(RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE, problem.kind());
        assertEquals(0, server.uploads.get());
    }
}
