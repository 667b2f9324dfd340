package io.connectstage.http;

import io.connectstage.processing.DeploymentFaults;
import java.util.Optional;

/**
 * Project key to the services of that project: how the server keeps one project's connectors
 * from another's. A connector belongs to the project of the token that created it; other projects
 * neither see nor touch it.
 *
 * <p>{@link PerProjectSpaces} keeps one staged store per project and one published store for all. A shared database, where the store
 * itself knows the owning project, is another implementation of this one method.
 *
 * <pre>{@code
 * ProjectSpaces spaces = PerProjectSpaces.builder().build();
 * spaces.of("my-project").connectors().create(draft);
 * }</pre>
 */
@FunctionalInterface
public interface ProjectSpaces {

    /** The services of this project, created on first use; the same ones each time. */
    ProjectSpace of(String projectKey);

    /**
     * The faults the processing of every project obeys, which the server's fault endpoint sets and
     * clears ({@code POST} and {@code DELETE /.connectstage/projects/{projectKey}/faults}); empty
     * when none are wired.
     */
    default Optional<DeploymentFaults> faults() {
        return Optional.empty();
    }

    /**
     * Forgets the projects' data and pending work, and clears the faults, so that the next test
     * starts from nothing; clients and tokens stay. {@link PerProjectSpaces#reset()} does it; other
     * spaces cannot by default.
     *
     * @throws UnsupportedOperationException when these spaces cannot forget their data
     */
    default void reset() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot be reset; give PerProjectSpaces,"
                + " or turn resets between tests off");
    }
}
