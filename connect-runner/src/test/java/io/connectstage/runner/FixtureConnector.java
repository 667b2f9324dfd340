package io.connectstage.runner;

import io.connectstage.connector.Creator;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.ConfigurationValue;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConnector;
import io.connectstage.deployment.DeploymentDetails;
import io.connectstage.deployment.DeploymentDetailsBuild;
import io.connectstage.deployment.DeploymentGlobalConfiguration;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.deployment.SecuredConfigurationValue;
import io.connectstage.repository.GitFixture;
import io.connectstage.spec.ConnectYamlParser;
import io.connectstage.spec.ConnectorSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture connector of {@code connect-runner/src/test/fixture-connector} as a git repository
 * with two tags: {@code 1.0.0} as the folder holds it, and {@code 2.0.0} where the event
 * application's {@code npm run build} fails with a compiler-like error ({@link #BUILD_ERROR}).
 * Tests of other modules find the folder at {@code ../connect-runner/src/test/fixture-connector}.
 *
 * <pre>{@code
 * Path repo = FixtureConnector.repository(FixtureConnector.folder(), temp.resolve("repo"));
 * runner = ProcessDeploymentRunner.builder().mirrors(Map.of(FixtureConnector.URL, repo))...
 * }</pre>
 */
public final class FixtureConnector {
    /** The repository URL the tests give the connector; mirrored to the built repository. */
    public static final String URL = "https://github.com/connectstage/fixture-connector.git";
    /** The tag that builds and runs. */
    public static final String GOOD = "1.0.0";
    /** The tag whose event application fails to build. */
    public static final String BROKEN = "2.0.0";
    /** A line the failing build writes on its standard error. */
    public static final String BUILD_ERROR = "error TS2322: Type 'string' is not assignable to type 'number'.";

    private FixtureConnector() {
    }

    /** The fixture's folder, from the module directory of connect-runner or of a sibling module. */
    public static Path folder() {
        for (Path candidate : List.of(Path.of("src/test/fixture-connector"), Path.of("../connect-runner/src/test/fixture-connector"))) {
            if (Files.isRegularFile(candidate.resolve("connect.yaml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the fixture connector was not found from " + Path.of("").toAbsolutePath());
    }

    /** Builds the git repository (tags {@link #GOOD} and {@link #BROKEN}) from {@code fixture} in {@code target}. */
    public static Path repository(Path fixture, Path target) {
        try (GitFixture git = GitFixture.init(target); Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                git.write(fixture.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            git.commit("fixture connector " + GOOD);
            git.lightweightTag(GOOD);
            String eventPackage = Files.readString(fixture.resolve("event/package.json"));
            git.write("event/package.json", eventPackage.replace("\"start\": \"node index.js\"",
                    "\"build\": \"node broken-build.js\",\n    \"start\": \"node index.js\""));
            git.commit("fixture connector " + BROKEN + ": the event application's build fails");
            git.lightweightTag(BROKEN);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the fixture repository could not be built", e);
        }
    }

    /** The fixture's connect.yaml, read by the analyzer's parser. */
    public static ConnectorSpecification specification() {
        try {
            return ConnectYamlParser.parse(Files.readAllBytes(folder().resolve("connect.yaml")))
                    .getOrElseThrow(problems -> new IllegalStateException("the fixture's connect.yaml is not valid: " + problems));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@code Deploying} Deployment of the fixture at {@code tag}: the service gets {@code GREETING}
     * and the secured {@code SERVICE_SECRET}; every application gets the global {@code SHARED_NAME}.
     */
    public static Deployment deployment(String id, String tag, String greeting, String secret) {
        ConnectorSpecification spec = specification();
        DeploymentConnector connector = new DeploymentConnector("fixture-connector-id", "fixture-connector", 1,
                "Fixture connector", null, List.of(), new Creator(null, null, "fixture@example.com", null, null, null, null),
                new Repository(URL, tag), spec.configurations(), spec.globalConfiguration(), false, null, null);
        List<ApplicationDeployment> apps = List.of(
                ApplicationDeployment.of(id.substring(0, 8) + "-svc", "service", List.of(new ConfigurationValue("GREETING", greeting)),
                        List.of(SecuredConfigurationValue.of("SERVICE_SECRET", secret))),
                ApplicationDeployment.of(id.substring(0, 8) + "-evt", "event", List.of(), List.of()),
                ApplicationDeployment.of(id.substring(0, 8) + "-job", "job", List.of(), List.of()));
        return Deployment.builder().id(id).key("fixture-" + id.substring(0, 8)).type(DeploymentType.SANDBOX)
                .connector(connector).globalConfiguration(DeploymentGlobalConfiguration.empty().withStandard("SHARED_NAME", "shared"))
                .details(new DeploymentDetails(DeploymentDetailsBuild.of("build-" + id)))
                .deployedRegion(Region.EUROPE_WEST1_GCP).applications(apps).status(DeploymentStatus.DEPLOYING).build();
    }
}
