package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectstage.connector.Repository;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("GitRepositorySource against hostile servers, URLs and repositories")
class GitRepositorySourceHostileTest {

    private static final String SPEC = "deployAs:\n  - name: service-app\n    applicationType: service\n";

    @TempDir
    Path temp;
    Path work;
    GitFixture fixture;

    @BeforeEach
    void createRepository() throws Exception {
        work = Files.createDirectory(temp.resolve("work"));
        fixture = GitFixture.init(temp.resolve("origin"));
        fixture.write("connect.yaml", SPEC).commit("release");
        fixture.lightweightTag("1.0.0");
    }

    private GitRepositorySourceBuilder source() {
        return GitRepositorySource.builder().workDirectory(work).cloneTimeout(Duration.ofSeconds(20))
                .reach(RepositoryReach.anywhere()).sshDirectory(temp.resolve("no-ssh")).sshAgent(false);
    }

    private static RepositoryProblem notReachable(Either<RepositoryProblem, SpecFile> result) {
        if (result.isRight()) {
            fail("expected a problem, got " + result.get());
        }
        assertEquals(GIT_REPOSITORY_NOT_REACHABLE, result.getLeft().kind(), result.getLeft().toString());
        return result.getLeft();
    }

    private java.util.Set<Thread> threadsBefore;

    @BeforeEach
    void rememberThreads() {
        threadsBefore = Thread.getAllStackTraces().keySet();
    }

    /** No file in the work directory, and no thread started by the fetch still alive (the shared timer aside). */
    private void assertNothingLeft() throws IOException {
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "files left in the work directory");
        }
        List<String> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(name -> !name.equals(DeadlineFetch.timerThreadName()) && !name.startsWith("hostile-git-server")
                        && !name.startsWith("HTTP-Dispatcher") && !name.startsWith("server-timer")
                        && !name.startsWith("Keep-Alive-") && !name.startsWith("idle-timeout-task")
                        && !name.startsWith("junit-timeout-thread"))
                .toList();
        assertEquals(List.of(), started, "threads left running");
    }

    private static void assertTransferStopped(HostileGitServer server) throws InterruptedException {
        Thread.sleep(700);
        long before = server.sent.get();
        Thread.sleep(1000);
        assertEquals(before, server.sent.get(), "the server could still send");
    }

    @Nested
    @DisplayName("a fetch that runs too long or too large")
    class Stopping {

        @Test
        void aTimedOutFetchStopsTheTransferAndLeavesNoThreadAndNoFile() throws Exception {
            try (HostileGitServer server = HostileGitServer.streamingBlobOf(400L * 1024 * 1024)) {
                GitRepositorySource source = source().cloneTimeout(Duration.ofMillis(3500))
                        .maxObjectSize(1024L * 1024 * 1024).maxDownloadSize(1024L * 1024 * 1024).build();

                RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> notReachable(source.fetchSpec(new Repository(server.url(), HostileGitServer.TAG))));

                assertEquals("the fetch did not finish within 3500 ms", problem.detail());
                assertTrue(server.sent.get() > 0, "the pack was being sent");
                assertNothingLeft();
                assertTransferStopped(server);
            }
        }

        @Test
        void aDownloadOverTheCapIsStoppedDuringTheFetch() throws Exception {
            try (HostileGitServer server = HostileGitServer.streamingBlobOf(60L * 1024 * 1024)) {
                GitRepositorySource source = source().maxDownloadSize(2 * 1024 * 1024).build();

                RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> notReachable(source.fetchSpec(new Repository(server.url(), HostileGitServer.TAG))));

                assertEquals("the server sent more than the limit of 2097152 bytes; the fetch was stopped", problem.detail());
                assertNothingLeft();
                assertTransferStopped(server);
                assertTrue(server.sent.get() < 16 * 1024 * 1024, "sent " + server.sent.get());
            }
        }

        @Test
        void aCommitDeclaringTwoGigabytesInATinyPackIsRefusedBeforeAnyAllocation() throws Exception {
            for (int type : new int[] {Constants.OBJ_COMMIT, Constants.OBJ_TREE, Constants.OBJ_BLOB}) {
                try (HostileGitServer server = HostileGitServer.declaringObjectOf(type, 2_000_000_000L)) {
                    GitRepositorySource source = source().build();

                    RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(10),
                            () -> notReachable(source.fetchSpec(new Repository(server.url(), HostileGitServer.TAG))));

                    assertEquals("the server sent an object larger than the limit of "
                            + GitRepositorySource.DEFAULT_MAX_OBJECT_SIZE + " bytes; the fetch was stopped", problem.detail());
                }
            }
            assertNothingLeft();
        }

        @Test
        void aDeltaDeclaringAHugeResultIsRefusedBeforeItIsApplied() throws Exception {
            try (HostileGitServer server = HostileGitServer.declaringDeltaResultOf(2_000_000_000L)) {
                RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> notReachable(source().build().fetchSpec(new Repository(server.url(), HostileGitServer.TAG))));

                assertTrue(problem.detail().startsWith("the server sent an object larger than the limit"), problem.detail());
            }
            assertNothingLeft();
        }

        @Test
        void theObjectCapCanBeLowered() throws Exception {
            fixture.write("big.bin", new byte[300_000]).commit("a big file");
            fixture.lightweightTag("2.0.0");
            try (GitHttpServer server = GitHttpServer.open(fixture.dir)) {
                RepositoryProblem problem = notReachable(source().maxObjectSize(100_000).build()
                        .fetchSpec(new Repository(server.url(), "2.0.0")));

                assertTrue(problem.detail().contains("larger than the limit of 100000 bytes"), problem.detail());
            }
        }
    }

    @Nested
    @DisplayName("what a tag points to")
    class TagTargets {

        @Test
        void aTagOfATreeOrABlobIsOneClearProblemWithNoStackTraceOnStderr() throws Exception {
            fixture.tagOfTree("tree-tag");
            org.eclipse.jgit.lib.Repository repo = fixture.git.getRepository();
            ObjectId blob;
            try (ObjectInserter inserter = repo.newObjectInserter()) {
                blob = inserter.insert(Constants.OBJ_BLOB, "just a blob".getBytes(StandardCharsets.UTF_8));
                inserter.flush();
            }
            RefUpdate update = repo.updateRef(Constants.R_TAGS + "blob-tag");
            update.setNewObjectId(blob);
            update.forceUpdate();
            GitRepositorySource source = source().build();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream original = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            RepositoryProblem tree;
            RepositoryProblem blobProblem;
            try {
                tree = notReachable(source.fetchSpec(new Repository(fixture.dir.toString(), "tree-tag")));
                blobProblem = notReachable(source.fetchSpec(new Repository(fixture.dir.toUri().toString(), "blob-tag")));
            } finally {
                System.setErr(original);
            }
            assertAll(
                    () -> assertEquals("the tag 'tree-tag' does not point to a commit (it names a tree)", tree.detail()),
                    () -> assertEquals("the tag 'blob-tag' does not point to a commit (it names a blob)", blobProblem.detail()),
                    () -> assertEquals("", err.toString(StandardCharsets.UTF_8)));
        }
    }

    @Nested
    @DisplayName("what the server may reach")
    class Reach {

        private RepositoryReach resolvingTo(String... addresses) {
            return RepositoryReach.publicOnly().resolver(host -> {
                InetAddress[] all = new InetAddress[addresses.length];
                for (int i = 0; i < addresses.length; i++) {
                    all[i] = InetAddress.getByName(addresses[i]);
                }
                return all;
            });
        }

        @Test
        void refusesLocalPathsAndFileUrlsByDefault() {
            GitRepositorySource source = GitRepositorySource.builder().workDirectory(work).build();

            for (String url : List.of(fixture.dir.toString(), fixture.dir.toUri().toString(), "relative/path", "/etc")) {
                assertEquals("local repositories are not allowed",
                        notReachable(source.fetchSpec(new Repository(url, "1.0.0"))).detail());
            }
        }

        @Test
        void refusesLoopbackLinkLocalAndPrivateAddressesByDefault() {
            GitRepositorySource source = GitRepositorySource.builder().workDirectory(work).build();

            for (String url : List.of("http://127.0.0.1:8080/r.git", "https://localhost/r.git", "http://[::1]/r.git",
                    "http://169.254.169.254/latest/meta-data.git", "https://10.0.0.8/r.git", "https://192.168.1.1/r.git",
                    "https://172.16.5.4/r.git", "https://100.64.0.1/r.git", "http://[fd00::1]/r.git",
                    "http://[::ffff:127.0.0.1]/r.git", "http://0.0.0.0/r.git", "ssh://git@127.0.0.1/r.git",
                    "git@127.0.0.1:r.git", "https://2130706433/r.git")) {
                String detail = notReachable(source.fetchSpec(new Repository(url, "1.0.0"))).detail();
                assertTrue(detail.contains("which is not a public address") || detail.contains("is unknown"), url + ": " + detail);
            }
        }

        @Test
        void checksEveryAddressAHostResolvesTo() {
            GitRepositorySource source = GitRepositorySource.builder().workDirectory(work)
                    .reach(resolvingTo("140.82.121.3", "10.1.2.3")).build();

            String detail = notReachable(source.fetchSpec(new Repository("https://git.example.com/r.git", "1.0.0"))).detail();

            assertEquals("the host git.example.com resolves to 10.1.2.3, which is not a public address", detail);
        }

        @Test
        void mirrorsAndExplicitlyAllowedAddressesStillWork() throws Exception {
            try (GitHttpServer server = GitHttpServer.open(fixture.dir)) {
                String github = "git@github.com:acme/connector.git";
                GitRepositorySource strict = GitRepositorySource.builder().workDirectory(work).mirror(github, fixture.dir).build();
                assertTrue(strict.fetchSpec(new Repository(github, "1.0.0")).isRight());
                notReachable(strict.fetchSpec(new Repository(server.url(), "1.0.0")));

                GitRepositorySource allowed = GitRepositorySource.builder().workDirectory(work)
                        .reach(RepositoryReach.publicOnly().allowPrivateAddresses()).build();
                assertTrue(allowed.fetchSpec(new Repository(server.url(), "1.0.0")).isRight());

                GitRepositorySource byHost = GitRepositorySource.builder().workDirectory(work)
                        .reach(RepositoryReach.publicOnly().allowHost("127.0.0.1")).build();
                assertTrue(byHost.fetchSpec(new Repository(server.url(), "1.0.0")).isRight());
            }
        }

        @Test
        void aRedirectToAPrivateAddressIsRefusedBeforeConnecting() throws Exception {
            com.sun.net.httpserver.HttpServer redirecting = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            redirecting.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Location", "http://10.255.255.1/latest/meta-data.git/info/refs?service=git-upload-pack");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            redirecting.start();
            try {
                String url = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/r.git";
                GitRepositorySource source = GitRepositorySource.builder().workDirectory(work)
                        .reach(RepositoryReach.publicOnly().allowHost("127.0.0.1")).build();

                RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> notReachable(source.fetchSpec(new Repository(url, "1.0.0"))));

                assertEquals("a redirect was refused: the host 10.255.255.1 resolves to 10.255.255.1, which is not a public address",
                        problem.detail());
            } finally {
                redirecting.stop(0);
            }
        }

        @Test
        void aPublicAddressIsAllowed() {
            assertAll(
                    () -> assertTrue(RepositoryReach.isPublic(InetAddress.getByName("140.82.121.3"))),
                    () -> assertTrue(RepositoryReach.isPublic(InetAddress.getByName("2606:50c0:8000::153"))),
                    () -> assertFalse(RepositoryReach.isPublic(InetAddress.getByName("fe80::1"))),
                    () -> assertFalse(RepositoryReach.isPublic(InetAddress.getByName("224.0.0.1"))));
        }
    }

    @Nested
    @DisplayName("URLs")
    class Urls {

        @Test
        void aHugeUrlIsRefusedAtOnce() {
            GitRepositorySource source = source().build();
            String url = "https://" + "a:".repeat(60_000) + "@host/r.git";

            RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> notReachable(source.fetchSpec(new Repository(url, "1.0.0"))));

            assertTrue(problem.detail().contains("more than the limit of 2048"), problem.detail());
            assertTrue(problem.url().length() < 2100);
        }

        @Test
        void aPasswordWithARawSlashNeverReachesAProblem() {
            String url = "https://alice:S3c/ret-pw@127.0.0.1:1/r.git";

            RepositoryProblem problem = notReachable(source().build().fetchSpec(new Repository(url, "1.0.0")));

            assertAll(
                    () -> assertFalse(problem.toString().contains("S3c"), problem.toString()),
                    () -> assertFalse(problem.toString().contains("ret-pw"), problem.toString()),
                    () -> assertEquals("https://127.0.0.1:1/r.git", problem.url()));
        }
    }
}
