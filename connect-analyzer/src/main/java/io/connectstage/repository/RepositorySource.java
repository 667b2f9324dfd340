package io.connectstage.repository;

import io.connectstage.connector.Repository;
import io.vavr.control.Either;

/**
 * Reads the Connect specification file of a connector's repository at its tag. This is the I/O
 * side of the spec analyzer: the bytes it answers go to the parser, which needs no repository.
 * An implementation never throws for a repository it is given, whatever the URL or tag holds:
 * every failure is a {@link RepositoryProblem}.
 *
 * <pre>{@code
 * RepositorySource source = GitRepositorySource.builder().build();
 * Either<RepositoryProblem, SpecFile> spec =
 *         source.fetchSpec(new Repository("https://github.com/acme/connector.git", "1.0.0"));
 * }</pre>
 */
public interface RepositorySource {

    /** The name of the specification file, at the root of the repository. */
    String SPEC_FILE = "connect.yaml";

    /**
     * The file {@value #SPEC_FILE} at the root of {@code repository.tag()} in
     * {@code repository.url()}, or the one problem that prevented reading it.
     *
     * @throws NullPointerException if {@code repository} itself is null (its fields may be anything)
     */
    Either<RepositoryProblem, SpecFile> fetchSpec(Repository repository);
}
