package io.connectstage.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectstage.connector.Repository;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("GitRepositorySource.checkout")
class GitRepositorySourceCheckoutTest {
    private static final String URL = "https://github.com/acme/connector.git";

    @TempDir
    Path temp;
    Path work;
    GitFixture fixture;

    @BeforeEach
    void createRepository() throws Exception {
        work = Files.createDirectory(temp.resolve("work"));
        fixture = GitFixture.init(temp.resolve("origin"));
        fixture.write("connect.yaml", "deployAs: []\n").write("service/index.js", "console.log('v1');\n")
                .write("service/package.json", "{}\n");
        fixture.commit("release 1.0.0");
        fixture.lightweightTag("1.0.0");
        fixture.write("service/index.js", "console.log('head');\n").commit("after the release");
    }

    private GitRepositorySourceBuilder source() {
        return GitRepositorySource.builder().workDirectory(work).cloneTimeout(Duration.ofSeconds(20))
                .mirror(URL, fixture.dir).sshDirectory(temp.resolve("no-ssh")).sshAgent(false);
    }

    private static RepositoryProblem problem(Either<RepositoryProblem, Path> result) {
        if (result.isRight()) {
            fail("expected a problem, got " + result.get());
        }
        return result.getLeft();
    }

    @Test
    void writesTheFilesOfTheTagNotOfTheBranch() throws Exception {
        Path target = temp.resolve("checkouts/d1");
        Either<RepositoryProblem, Path> result = source().build().checkout(new Repository(URL, "1.0.0"), target);
        assertTrue(result.isRight(), () -> result.getLeft().toString());
        assertEquals("console.log('v1');\n", Files.readString(target.resolve("service/index.js")));
        assertEquals("deployAs: []\n", Files.readString(target.resolve("connect.yaml")));
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the fetched clone is removed");
        }
    }

    @Test
    void refusesASymbolicLinkAndRemovesWhatItWrote() throws Exception {
        fixture.stage("service/secrets", FileMode.SYMLINK, "/etc/passwd".getBytes(StandardCharsets.UTF_8));
        fixture.commit("a link");
        fixture.lightweightTag("2.0.0");
        Path target = temp.resolve("d2");
        RepositoryProblem problem = problem(source().build().checkout(new Repository(URL, "2.0.0"), target));
        assertTrue(problem.detail().contains("'service/secrets' is a symbolic link"), problem.detail());
        assertFalse(Files.exists(target));
    }

    @Test
    void refusesMoreFilesThanTheLimit() {
        RepositoryProblem problem = problem(source().maxCheckoutFiles(2).build()
                .checkout(new Repository(URL, "1.0.0"), temp.resolve("d3")));
        assertEquals("the tag holds more than the limit of 2 files", problem.detail());
        assertFalse(Files.exists(temp.resolve("d3")));
    }

    @Test
    void refusesMoreBytesThanTheLimit() {
        RepositoryProblem problem = problem(source().maxCheckoutSize(20).build()
                .checkout(new Repository(URL, "1.0.0"), temp.resolve("d4")));
        assertEquals("the files of the tag add up to more than the limit of 20 bytes", problem.detail());
    }

    @Test
    void refusesATargetThatExistsAlready() throws Exception {
        Path target = Files.createDirectory(temp.resolve("taken"));
        Files.writeString(target.resolve("keep"), "mine");
        assertEquals("the checkout folder exists already",
                problem(source().build().checkout(new Repository(URL, "1.0.0"), target)).detail());
        assertEquals("mine", Files.readString(target.resolve("keep")));
    }

    @Test
    void refusesAnUnmirroredUrlThatTheReachPolicyRefuses() {
        RepositoryProblem problem = problem(source().build()
                .checkout(new Repository("http://127.0.0.1:1/acme.git", "1.0.0"), temp.resolve("d5")));
        assertEquals(RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE, problem.kind());
        assertFalse(Files.exists(temp.resolve("d5")));
    }
}
