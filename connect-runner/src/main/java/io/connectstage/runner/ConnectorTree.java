package io.connectstage.runner;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.Repository;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.repository.RepositoryProblem;
import io.connectstage.repository.RepositorySource;
import io.connectstage.spec.ApplicationScripts;
import io.connectstage.spec.ApplicationSpecification;
import io.connectstage.spec.ConnectYamlParser;
import io.connectstage.spec.ConnectorSpecification;
import io.connectstage.spec.SpecLimits;
import io.connectstage.spec.SpecProblem;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connector's files at the deployed tag, checked out into the Deployment's folder, with its
 * {@code connect.yaml} read by the analyzer's parser: where each application's folder is and what
 * the file says about it (its type, endpoint, schedule and scripts).
 */
final class ConnectorTree {
    /** One application: its folder (named as the application, at the root of the repository) and its declaration. */
    record Application(Path folder, ApplicationType type, String endpoint, String schedule, ApplicationScripts scripts) {
    }

    private final Path root;
    private final ConnectorSpecification spec;

    private ConnectorTree(Path root, ConnectorSpecification spec) {
        this.root = root;
        this.spec = spec;
    }

    /** Checks {@code repository} out into {@code folder} and reads its {@code connect.yaml}; why not, otherwise. */
    static Either<String, ConnectorTree> checkout(GitRepositorySource source, Repository repository, Path folder) {
        Either<RepositoryProblem, Path> tree = source.checkout(repository, folder);
        if (tree.isLeft()) {
            RepositoryProblem problem = tree.getLeft();
            // the detail says what happened (unreachable, no such tag, a symbolic link, too many files)
            return Either.left("The repository " + problem.url() + " at the tag " + problem.tag()
                    + " could not be checked out: " + problem.detail());
        }
        Path file = tree.get().resolve(RepositorySource.SPEC_FILE);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > SpecLimits.DEFAULT_MAX_BYTES) {
                return Either.left("The tag has no " + RepositorySource.SPEC_FILE + " that can be read at its root");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Either.left(RepositorySource.SPEC_FILE + " could not be read: " + e.getMessage());
        }
        Either<Seq<SpecProblem>, ConnectorSpecification> parsed = ConnectYamlParser.parse(bytes);
        if (parsed.isLeft()) {
            return Either.left(RepositorySource.SPEC_FILE + " at the tag is not valid: "
                    + parsed.getLeft().take(10).map(SpecProblem::toString).mkString("; "));
        }
        return Either.right(new ConnectorTree(tree.get(), parsed.get()));
    }

    Either<String, Application> application(String name) {
        for (ApplicationSpecification app : spec.applications()) {
            if (app.name().equals(name)) {
                return Either.right(new Application(root.resolve(name), app.applicationType(), app.endpoint(),
                        app.schedule(), app.scripts()));
            }
        }
        return Either.left("The " + RepositorySource.SPEC_FILE + " of the deployed tag declares no application " + name);
    }
}
