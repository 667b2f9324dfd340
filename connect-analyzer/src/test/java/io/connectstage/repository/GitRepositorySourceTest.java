package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_FOUND;
import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_VALID;
import static io.connectstage.repository.RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectstage.connector.Repository;
import io.connectstage.spec.SpecLimits;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("GitRepositorySource")
class GitRepositorySourceTest {

    private static final String SPEC_V1 = "deployAs:\n  - name: service-app\n    applicationType: service\n";
    private static final String SPEC_HEAD = "deployAs: []\n";
    private static final String SSH_URL = "git@github.com:acme/connector.git";
    private static final String HTTPS_URL = "https://github.com/acme/connector.git";

    @TempDir
    Path temp;
    Path work;
    GitFixture fixture;
    RevCommit tagged;

    @BeforeEach
    void createRepository() throws Exception {
        work = Files.createDirectory(temp.resolve("work"));
        fixture = GitFixture.init(temp.resolve("origin"));
        fixture.write("connect.yaml", SPEC_V1).write("service-app/index.js", "console.log('hi');\n");
        tagged = fixture.commit("release 1.0.0");
        fixture.lightweightTag("1.0.0").annotatedTag("v1.0.0-annotated");
        fixture.write("connect.yaml", SPEC_HEAD).commit("work after the release");
    }

    private GitRepositorySourceBuilder source() {
        return GitRepositorySource.builder().workDirectory(work).cloneTimeout(Duration.ofSeconds(20))
                .reach(RepositoryReach.anywhere()).sshDirectory(temp.resolve("no-ssh")).sshAgent(false);
    }

    private static SpecFile spec(Either<RepositoryProblem, SpecFile> result) {
        if (result.isLeft()) {
            fail("expected connect.yaml, got " + result.getLeft());
        }
        return result.get();
    }

    private static RepositoryProblem problem(Either<RepositoryProblem, SpecFile> result, RepositoryProblem.Kind kind) {
        if (result.isRight()) {
            fail("expected " + kind + ", got " + result.get());
        }
        assertEquals(kind, result.getLeft().kind(), () -> result.getLeft().toString());
        return result.getLeft();
    }

    private void assertWorkDirectoryIsEmpty() throws IOException {
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Nested
    @DisplayName("fetching a tag")
    class FetchingATag {

        @Test
        void readsConnectYamlThroughAMirroredSshStyleUrlFromANonBareRepository() {
            GitRepositorySource source = source().mirror(SSH_URL, fixture.dir).build();

            SpecFile spec = spec(source.fetchSpec(new Repository(SSH_URL, "1.0.0")));

            assertEquals(SPEC_V1, spec.contentAsUtf8());
            assertEquals(tagged.name(), spec.commitId());
        }

        @Test
        void readsConnectYamlThroughAMirroredHttpsUrlFromABareRepository() throws Exception {
            Path bare = fixture.bareCopy(temp.resolve("mirror.git"));
            GitRepositorySource source = source().mirrors(Map.of(HTTPS_URL, bare)).build();

            SpecFile spec = spec(source.fetchSpec(new Repository(HTTPS_URL, "1.0.0")));

            assertEquals(SPEC_V1, spec.contentAsUtf8());
        }

        @Test
        void readsConnectYamlFromAFileUrlWithoutAMirror() {
            String url = fixture.dir.toUri().toString();

            SpecFile spec = spec(source().build().fetchSpec(new Repository(url, "1.0.0")));

            assertTrue(url.startsWith("file:"), url);
            assertEquals(SPEC_V1, spec.contentAsUtf8());
        }

        @Test
        void readsConnectYamlFromAPlainLocalPath() {
            SpecFile spec = spec(source().build().fetchSpec(new Repository(fixture.dir.toString(), "1.0.0")));

            assertEquals(SPEC_V1, spec.contentAsUtf8());
        }

        @Test
        void returnsTheVersionAtTheTagNotTheBranchHead() {
            GitRepositorySource source = source().mirror(SSH_URL, fixture.dir).build();

            SpecFile spec = spec(source.fetchSpec(new Repository(SSH_URL, "1.0.0")));

            assertFalse(spec.contentAsUtf8().equals(SPEC_HEAD));
            assertEquals(SPEC_V1, spec.contentAsUtf8());
        }

        @Test
        void peelsAnAnnotatedTagToTheCommitItNames() {
            GitRepositorySource source = source().mirror(SSH_URL, fixture.dir).build();

            SpecFile spec = spec(source.fetchSpec(new Repository(SSH_URL, "v1.0.0-annotated")));

            assertEquals(tagged.name(), spec.commitId());
            assertEquals(SPEC_V1, spec.contentAsUtf8());
        }

        @Test
        void readsAnExecutableConnectYamlLikeAnyRegularFile() throws Exception {
            fixture.stage("connect.yaml", FileMode.EXECUTABLE_FILE, SPEC_V1.getBytes(StandardCharsets.UTF_8));
            fixture.commit("chmod +x");
            fixture.lightweightTag("2.0.0");

            SpecFile spec = spec(source().mirror(SSH_URL, fixture.dir).build().fetchSpec(new Repository(SSH_URL, "2.0.0")));

            assertEquals(SPEC_V1, spec.contentAsUtf8());
        }

        @Test
        void fetchesShallowOverSmartHttp() throws Exception {
            try (GitHttpServer server = GitHttpServer.open(fixture.dir)) {
                SpecFile spec = spec(source().build().fetchSpec(new Repository(server.url(), "1.0.0")));

                assertEquals(SPEC_V1, spec.contentAsUtf8());
                assertEquals(1, server.uploadRequests.size());
                assertTrue(server.uploadRequests.get(0).contains("deepen 1"), server.uploadRequests.get(0));
            }
        }

        @Test
        void fetchesOnlyTheTagInFullWhenTheServerCannotFetchShallow() throws Exception {
            try (GitHttpServer server = GitHttpServer.withoutShallow(fixture.dir)) {
                SpecFile spec = spec(source().build().fetchSpec(new Repository(server.url(), "v1.0.0-annotated")));

                assertEquals(SPEC_V1, spec.contentAsUtf8());
                assertEquals(3, server.advertisements.get(), "one look for the tag, one refused shallow attempt, one full fetch");
                assertEquals(1, server.uploadRequests.size());
                String request = server.uploadRequests.get(0);
                assertFalse(request.contains("deepen"), request);
                assertEquals(1, request.split("want ").length - 1, request);
            }
        }
    }

    @Nested
    @DisplayName("a repository or tag that cannot be reached")
    class NotReachable {

        @Test
        void aMissingTagIsNotReachableEvenWhenTheDefaultBranchHasConnectYaml() throws Exception {
            fixture.branch("9.9.9");
            GitRepositorySource source = source().mirror(SSH_URL, fixture.dir).build();

            RepositoryProblem problem = problem(source.fetchSpec(new Repository(SSH_URL, "9.9.9")), GIT_REPOSITORY_NOT_REACHABLE);

            assertTrue(problem.detail().contains("no tag '9.9.9'"), problem.detail());
        }

        @Test
        void anUnreachableHttpsUrlIsNotReachableQuickly() {
            GitRepositorySource source = source().build();

            RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> problem(source.fetchSpec(new Repository("https://127.0.0.1:1/x.git", "1.0.0")),
                            GIT_REPOSITORY_NOT_REACHABLE));

            assertEquals("https://127.0.0.1:1/x.git", problem.url());
        }

        @Test
        void aFileUrlToNothingIsNotReachable() {
            String url = temp.resolve("nothing-here").toUri().toString();

            RepositoryProblem problem = problem(source().build().fetchSpec(new Repository(url, "1.0.0")),
                    GIT_REPOSITORY_NOT_REACHABLE);

            assertEquals("the repository was not found", problem.detail());
        }

        @Test
        void aMirrorThatIsNotARepositoryIsNotReachable() throws Exception {
            Path empty = Files.createDirectory(temp.resolve("empty"));

            RepositoryProblem problem = problem(source().mirror(SSH_URL, empty).build()
                    .fetchSpec(new Repository(SSH_URL, "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE);

            assertTrue(problem.detail().contains("is not a git repository"), problem.detail());
        }

        @Test
        void schemesOtherThanGitTransportsAreRefused() {
            GitRepositorySource source = source().build();

            for (String url : List.of("amazon-s3://bucket/repo.git", "sftp://host/repo.git", "ftp://host/repo.git", "git://host/repo.git")) {
                RepositoryProblem problem = problem(source.fetchSpec(new Repository(url, "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE);
                assertTrue(problem.detail().contains("is not supported"), problem.detail());
            }
        }

        @Test
        void localRepositoriesCanBeForbiddenWhileMirrorsStillWork() {
            GitRepositorySource source = source().allowLocalRepositories(false).mirror(SSH_URL, fixture.dir).build();

            for (String url : List.of(fixture.dir.toUri().toString(), fixture.dir.toString())) {
                RepositoryProblem problem = problem(source.fetchSpec(new Repository(url, "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE);
                assertEquals("local repositories are not allowed", problem.detail());
            }
            spec(source.fetchSpec(new Repository(SSH_URL, "1.0.0")));
        }

        @Test
        void emptyUrlsAndBadTagsAreProblemsNotExceptions() {
            GitRepositorySource source = source().mirror(SSH_URL, fixture.dir).build();

            for (Repository repository : List.of(new Repository(null, "1.0.0"), new Repository(" ", "1.0.0"),
                    new Repository(SSH_URL, null), new Repository(SSH_URL, ""), new Repository(SSH_URL, "a..b"),
                    new Repository(SSH_URL, "refs/heads/main:x"), new Repository(SSH_URL, "*"),
                    new Repository("::not a url::", "1.0.0"), new Repository("http://[bad", "1.0.0"))) {
                problem(source.fetchSpec(repository), GIT_REPOSITORY_NOT_REACHABLE);
            }
        }

        @Test
        void aTagOfATreeIsNotReachable() throws Exception {
            fixture.tagOfTree("tree-tag");
            // over HTTP without shallow: a shallow request for a tree fails in JGit's local
            // upload-pack, which prints its stack trace; the full fetch reaches our own check
            try (GitHttpServer server = GitHttpServer.withoutShallow(fixture.dir)) {
                RepositoryProblem problem = problem(source().build().fetchSpec(new Repository(server.url(), "tree-tag")),
                        GIT_REPOSITORY_NOT_REACHABLE);

                assertEquals("the tag 'tree-tag' does not point to a commit (it names a tree)", problem.detail());
            }
        }

        @Test
        void aServerThatNeverAnswersIsNotReachableAfterTheCloneTimeout() throws Exception {
            try (GitHttpServer.Stalling server = new GitHttpServer.Stalling(false)) {
                GitRepositorySource source = source().cloneTimeout(Duration.ofSeconds(1)).build();

                RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(8),
                        () -> problem(source.fetchSpec(new Repository(server.url(), "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE));

                assertEquals("the fetch did not finish within 1 s", problem.detail());
            }
            assertWorkDirectoryIsEmpty();
        }

        @Test
        void aServerThatAnswersByTheByteIsCutOffAtTheCloneTimeout() throws Exception {
            try (GitHttpServer.Stalling server = new GitHttpServer.Stalling(true)) {
                GitRepositorySource source = source().cloneTimeout(Duration.ofMillis(1500)).build();
                long start = System.nanoTime();

                RepositoryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(8),
                        () -> problem(source.fetchSpec(new Repository(server.url(), "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE));

                assertEquals("the fetch did not finish within 1500 ms", problem.detail());
                assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
            }
        }

        @Test
        void aServerThatAnswersByTheByteHoldsUpTheDeadlineOfNoOtherFetch() throws Exception {
            // the reads of a trickling fetch never time out: only the shared timer ends the second one
            try (GitHttpServer.Stalling server = new GitHttpServer.Stalling(true)) {
                GitRepositorySource source = source().cloneTimeout(Duration.ofMillis(1500)).build();
                ExecutorService other = Executors.newSingleThreadExecutor();
                try {
                    Future<RepositoryProblem> first = other.submit(() ->
                            problem(source.fetchSpec(new Repository(server.url(), "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE));

                    RepositoryProblem second = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> {
                        Thread.sleep(300); // the first fetch's deadline comes first on the timer
                        return problem(source.fetchSpec(new Repository(server.url(), "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE);
                    });

                    assertEquals("the fetch did not finish within 1500 ms", second.detail());
                    assertEquals("the fetch did not finish within 1500 ms", first.get(8, TimeUnit.SECONDS).detail());
                } finally {
                    other.shutdownNow();
                }
            }
            assertWorkDirectoryIsEmpty();
        }
    }

    @Nested
    @DisplayName("what is at connect.yaml")
    class TheSpecificationFile {

        private Either<RepositoryProblem, SpecFile> fetchNewTag() throws Exception {
            fixture.commit("change connect.yaml");
            fixture.lightweightTag("2.0.0");
            return source().mirror(SSH_URL, fixture.dir).build().fetchSpec(new Repository(SSH_URL, "2.0.0"));
        }

        @Test
        void noConnectYamlAtTheRootIsNotFoundEvenWithOneInAFolder() throws Exception {
            fixture.remove("connect.yaml").write("service-app/connect.yaml", SPEC_V1);

            RepositoryProblem problem = problem(fetchNewTag(), CONNECTOR_SPECIFICATION_FILE_NOT_FOUND);

            assertEquals("there is no connect.yaml at the root of the tag", problem.detail());
            assertEquals("The file connect.yaml at " + SSH_URL + " with the tag 2.0.0 was not found", problem.message());
        }

        @Test
        void otherSpellingsOfTheNameAreNotFound() throws Exception {
            fixture.remove("connect.yaml").write("Connect.yaml", SPEC_V1).write("connect.yml", SPEC_V1);

            problem(fetchNewTag(), CONNECTOR_SPECIFICATION_FILE_NOT_FOUND);
        }

        @Test
        void aDirectoryNamedConnectYamlIsNotFound() throws Exception {
            fixture.remove("connect.yaml").write("connect.yaml/deployAs.yaml", SPEC_V1);

            RepositoryProblem problem = problem(fetchNewTag(), CONNECTOR_SPECIFICATION_FILE_NOT_FOUND);

            assertTrue(problem.detail().contains("is a directory"), problem.detail());
        }

        @Test
        void aSymbolicLinkIsNotValid() throws Exception {
            fixture.write("spec/real.yaml", SPEC_V1)
                    .stage("connect.yaml", FileMode.SYMLINK, "spec/real.yaml".getBytes(StandardCharsets.UTF_8));

            RepositoryProblem problem = problem(fetchNewTag(), CONNECTOR_SPECIFICATION_FILE_NOT_VALID);

            assertTrue(problem.detail().contains("symbolic link"), problem.detail());
            assertEquals("The file connect.yaml at " + SSH_URL + " with the tag 2.0.0 is not valid", problem.message());
        }

        @Test
        void aSubmoduleIsNotValid() throws Exception {
            fixture.remove("connect.yaml").stageGitlink("connect.yaml", tagged);

            RepositoryProblem problem = problem(fetchNewTag(), CONNECTOR_SPECIFICATION_FILE_NOT_VALID);

            assertTrue(problem.detail().contains("submodule"), problem.detail());
        }

        @Test
        void aFileLargerThanTheDefaultLimitIsNotValid() throws Exception {
            fixture.write("connect.yaml", new byte[(int) SpecLimits.DEFAULT_MAX_BYTES + 1]);

            RepositoryProblem problem = problem(fetchNewTag(), CONNECTOR_SPECIFICATION_FILE_NOT_VALID);

            assertEquals("connect.yaml is 1048577 bytes, more than the limit of 1048576 bytes", problem.detail());
        }

        @Test
        void aFileOfExactlyTheLimitIsRead() throws Exception {
            byte[] content = new byte[64];
            Arrays.fill(content, (byte) '#');
            fixture.write("connect.yaml", content).commit("64 bytes");
            fixture.lightweightTag("2.0.0");
            GitRepositorySource source = source().maxSpecSize(64).mirror(SSH_URL, fixture.dir).build();

            assertEquals(64, spec(source.fetchSpec(new Repository(SSH_URL, "2.0.0"))).size());

            problem(source().maxSpecSize(63).mirror(SSH_URL, fixture.dir).build()
                    .fetchSpec(new Repository(SSH_URL, "2.0.0")), CONNECTOR_SPECIFICATION_FILE_NOT_VALID);
        }

        @Test
        void anEmptyFileIsReadAsIsForTheParserToJudge() throws Exception {
            fixture.write("connect.yaml", new byte[0]);

            assertEquals(0, spec(fetchNewTag()).size());
        }
    }

    @Nested
    @DisplayName("big repositories")
    class BigRepositories {

        @Test
        void answersQuicklyWithFiveThousandFilesInNestedFolders() throws Exception {
            Map<String, String> files = new LinkedHashMap<>();
            for (int i = 0; i < 5000; i++) {
                files.put("apps/app-" + (i % 50) + "/src/module-" + (i % 7) + "/file-" + i + ".js", "export const n = " + i + ";\n");
            }
            fixture.stageMany(files).commit("a big tree");
            fixture.lightweightTag("big");
            GitRepositorySource source = source().mirror(SSH_URL, fixture.dir).build();

            SpecFile spec = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> spec(source.fetchSpec(new Repository(SSH_URL, "big"))));

            assertEquals(SPEC_HEAD, spec.contentAsUtf8());
        }
    }

    @Nested
    @DisplayName("credentials")
    class Credentials {

        @Test
        void asksTheCredentialsProviderWhenTheServerWantsAuthentication() throws Exception {
            RecordingCredentials credentials = new RecordingCredentials("alice", "s3cr3t-pass");
            try (GitHttpServer server = GitHttpServer.withBasicAuth(fixture.dir, "alice", "s3cr3t-pass")) {
                GitRepositorySource source = source().credentialsProvider(credentials).build();

                SpecFile spec = spec(source.fetchSpec(new Repository(server.url(), "1.0.0")));

                assertEquals(SPEC_V1, spec.contentAsUtf8());
                assertFalse(credentials.askedFor.isEmpty());
                assertTrue(server.unauthorized.get() > 0, "the server asked for credentials");
            }
        }

        @Test
        void wrongOrMissingCredentialsAreNotReachable() throws Exception {
            try (GitHttpServer server = GitHttpServer.withBasicAuth(fixture.dir, "alice", "s3cr3t-pass")) {
                RecordingCredentials wrong = new RecordingCredentials("alice", "wrong-pass");

                problem(source().credentialsProvider(wrong).build().fetchSpec(new Repository(server.url(), "1.0.0")),
                        GIT_REPOSITORY_NOT_REACHABLE);
                problem(source().build().fetchSpec(new Repository(server.url(), "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE);

                assertFalse(wrong.askedFor.isEmpty());
            }
        }

        @Test
        void credentialsInTheUrlAreUsedButNeverShown() throws Exception {
            try (GitHttpServer server = GitHttpServer.withBasicAuth(fixture.dir, "alice", "s3cr3t-pass")) {
                spec(source().build().fetchSpec(new Repository(server.url("alice:s3cr3t-pass"), "1.0.0")));

                RepositoryProblem problem = problem(source().build()
                        .fetchSpec(new Repository(server.url("alice:s3cr3t-pass"), "no-such-tag")), GIT_REPOSITORY_NOT_REACHABLE);

                assertEquals(server.url(), problem.url());
                assertNoSecret(problem, "s3cr3t-pass");
            }
        }

        @Test
        void noMessageEverContainsThePasswordOrTokenOfTheUrl() throws Exception {
            fixture.remove("connect.yaml").commit("no spec");
            fixture.lightweightTag("no-spec");
            fixture.write("connect.yaml", new byte[2 * 1024 * 1024]).commit("too big");
            fixture.lightweightTag("too-big");
            String secretMirror = "https://bob:secret-42@github.com/acme/connector.git";
            String tokenMirror = "https://ghp_tokenvalue123@github.com/acme/connector.git";
            GitRepositorySource source = source().cloneTimeout(Duration.ofSeconds(5))
                    .mirror(secretMirror, fixture.dir).mirror(tokenMirror, fixture.dir).build();
            List<RepositoryProblem> problems = new ArrayList<>();
            try (GitHttpServer server = GitHttpServer.withBasicAuth(fixture.dir, "alice", "s3cr3t-pass")) {
                problems.add(source.fetchSpec(new Repository(server.url("alice:secret-42"), "1.0.0")).getLeft());
                problems.add(source.fetchSpec(new Repository(server.url("ghp_tokenvalue123"), "1.0.0")).getLeft());
            }
            for (String tag : List.of("no-such-tag", "no-spec", "too-big")) {
                problems.add(source.fetchSpec(new Repository(secretMirror, tag)).getLeft());
                problems.add(source.fetchSpec(new Repository(tokenMirror, tag)).getLeft());
            }
            problems.add(source.fetchSpec(new Repository("https://bob:secret-42@127.0.0.1:1/x.git", "1.0.0")).getLeft());
            problems.add(source.fetchSpec(new Repository("https://ghp_tokenvalue123@127.0.0.1:1/x.git", "1.0.0")).getLeft());
            problems.add(source.fetchSpec(new Repository("ssh://bob:secret-42@127.0.0.1:1/x.git", "1.0.0")).getLeft());
            problems.add(source.fetchSpec(new Repository("bob:secret-42@127.0.0.1:x.git", "1.0.0")).getLeft());
            problems.add(source.fetchSpec(new Repository("sftp://bob:secret-42@host/x.git", "1.0.0")).getLeft());
            problems.add(source.fetchSpec(new Repository("https://bob:secret-42@127.0.0.1:1/x.git", "a..b")).getLeft());

            assertEquals(14, problems.size());
            for (RepositoryProblem problem : problems) {
                assertNoSecret(problem, "secret-42");
                assertNoSecret(problem, "tokenvalue123");
            }
        }

        @Test
        void anSshUserIsPartOfTheAddressAndStays() {
            RepositoryProblem problem = problem(source().reach(RepositoryReach.publicOnly().resolver(host -> {
                throw new java.net.UnknownHostException(host);
            })).build().fetchSpec(new Repository(SSH_URL, "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE);

            assertEquals(SSH_URL, problem.url());
        }

        private void assertNoSecret(RepositoryProblem problem, String secret) {
            assertAll(problem.toString(),
                    () -> assertFalse(problem.url().contains(secret), problem.url()),
                    () -> assertFalse(problem.message().contains(secret), problem.message()),
                    () -> assertFalse(problem.detail().contains(secret), problem.detail()),
                    () -> assertFalse(problem.toString().contains(secret), problem.toString()));
        }
    }

    @Nested
    @DisplayName("the work directory")
    class WorkDirectory {

        @Test
        void isEmptyAfterASuccessfulFetch() throws Exception {
            spec(source().mirror(SSH_URL, fixture.dir).build().fetchSpec(new Repository(SSH_URL, "1.0.0")));

            assertWorkDirectoryIsEmpty();
        }

        @Test
        void isEmptyAfterEveryKindOfFailure() throws Exception {
            fixture.remove("connect.yaml").commit("no spec");
            fixture.lightweightTag("no-spec");
            fixture.write("connect.yaml", new byte[100]).commit("100 bytes");
            fixture.lightweightTag("big");
            GitRepositorySource source = source().maxSpecSize(10).mirror(SSH_URL, fixture.dir).build();

            problem(source.fetchSpec(new Repository(SSH_URL, "9.9.9")), GIT_REPOSITORY_NOT_REACHABLE);
            problem(source.fetchSpec(new Repository(SSH_URL, "no-spec")), CONNECTOR_SPECIFICATION_FILE_NOT_FOUND);
            problem(source.fetchSpec(new Repository(SSH_URL, "big")), CONNECTOR_SPECIFICATION_FILE_NOT_VALID);
            problem(source.fetchSpec(new Repository("https://127.0.0.1:1/x.git", "1.0.0")), GIT_REPOSITORY_NOT_REACHABLE);

            assertWorkDirectoryIsEmpty();
        }

        @Test
        void isCreatedWhenMissing() {
            Path missing = work.resolve("not/yet");

            spec(source().workDirectory(missing).mirror(SSH_URL, fixture.dir).build()
                    .fetchSpec(new Repository(SSH_URL, "1.0.0")));

            assertTrue(Files.isDirectory(missing));
        }

        @Test
        void defaultsToTheSystemTempFolder() {
            GitRepositorySource source = GitRepositorySource.builder().build();

            assertAll(
                    () -> assertEquals(Path.of(System.getProperty("java.io.tmpdir")), source.workDirectory()),
                    () -> assertEquals(Duration.ofSeconds(60), source.cloneTimeout()),
                    () -> assertEquals(1024 * 1024, source.maxSpecSize()));
        }
    }

    @Nested
    @DisplayName("URL redaction")
    class UrlRedaction {

        @Test
        void stripsUserInfoThatCanBeACredential() {
            assertAll(
                    () -> assertEquals("https://github.com/a/b.git", RepositoryUrl.redact("https://u:p@github.com/a/b.git")),
                    () -> assertEquals("https://github.com/a/b.git", RepositoryUrl.redact("https://token@github.com/a/b.git")),
                    () -> assertEquals("ssh://host/a/b.git", RepositoryUrl.redact("ssh://u:p@host/a/b.git")),
                    () -> assertEquals("host:a/b.git", RepositoryUrl.redact("u:p@host:a/b.git")),
                    () -> assertEquals("ssh://git@host/a/b.git", RepositoryUrl.redact("ssh://git@host/a/b.git")),
                    () -> assertEquals(SSH_URL, RepositoryUrl.redact(SSH_URL)),
                    () -> assertEquals("file:///tmp/a@b", RepositoryUrl.redact("file:///tmp/a@b")));
        }

        @Test
        void cleansUrlsThatJGitPrintsInItsOwnWay() {
            Redaction redaction = new Redaction("https://bob:pa%2Fss-word@host/x.git");

            assertEquals("https://host/x.git: not authorized; *** ***",
                    redaction.clean("https://bob@host/x.git: not authorized; pa%2Fss-word pa/ss-word"));
        }
    }

    /** Answers with fixed credentials and remembers every URL it was asked for. */
    private static final class RecordingCredentials extends CredentialsProvider {
        private final String user;
        private final String password;
        final List<URIish> askedFor = new ArrayList<>();

        RecordingCredentials(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            return Arrays.stream(items).allMatch(i -> i instanceof CredentialItem.Username || i instanceof CredentialItem.Password);
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
            askedFor.add(uri);
            for (CredentialItem item : items) {
                if (item instanceof CredentialItem.Username) {
                    ((CredentialItem.Username) item).setValue(user);
                } else if (item instanceof CredentialItem.Password) {
                    ((CredentialItem.Password) item).setValue(password.toCharArray());
                } else {
                    throw new UnsupportedCredentialItem(uri, item.getPromptText());
                }
            }
            return true;
        }
    }
}
