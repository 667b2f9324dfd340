package io.connectstage.repository;

import io.connectstage.connector.Repository;
import java.nio.file.Path;
import java.time.Duration;

/** Run in a child JVM by {@link GitRepositorySourceShutdownTest}: one long fetch, until the parent stops it. */
public final class InterruptedFetchMain {

    private InterruptedFetchMain() {
    }

    public static void main(String[] args) {
        GitRepositorySource source = GitRepositorySource.builder()
                .workDirectory(Path.of(args[0]))
                .sshDirectory(Path.of(args[1])).sshAgent(false)
                .reach(RepositoryReach.anywhere())
                .cloneTimeout(Duration.ofMinutes(5))
                .maxObjectSize(4L * 1024 * 1024 * 1024).maxDownloadSize(4L * 1024 * 1024 * 1024)
                .build();
        System.out.println(source.fetchSpec(new Repository(args[2], HostileGitServer.TAG)));
    }
}
