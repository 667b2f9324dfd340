package io.connectstage.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.testkit.SampleDeployments;
import io.connectstage.testkit.Seeds;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The model-based test of the Deployment status machine: random lists of commands (redeploy and
 * delete, with right or stale versions and good or bad values, and every outcome move, legal or
 * not) run against {@link Deployments#apply} / {@link DeploymentLifecycle} and against
 * {@link Model}, a few lines written from the RAML alone; after every step both agree on status,
 * version and error codes.
 */
@DisplayName("The Deployment lifecycle against a reference model")
class DeploymentLifecycleProperties {
    private static final Instant NOW = SampleDeployments.NOW;
    private static final Set<DeploymentStatus> SETTLED = EnumSet.of(DeploymentStatus.DRAFT, DeploymentStatus.DEPLOYED,
            DeploymentStatus.FAILED, DeploymentStatus.UNDEPLOY_FAILED);

    enum Kind { REDEPLOY, DELETE, START, DEPLOYED, FAILED, UNDEPLOY_FAILED, UNDEPLOYED }

    /** One step: what, with a stale version or not, with a bad value or not (for a redeploy). */
    record Command(Kind kind, boolean stale, boolean badValue) {
    }

    static Gen<Command> commands() {
        return integers().between(0, Kind.values().length - 1)
                .zip(booleans().all(), booleans().all(), (k, stale, bad) -> new Command(Kind.values()[k], stale && k < 2, bad && k == 0));
    }

    /** The RAML's machine in a few lines: a status (null once gone), a version, the codes a command answers. */
    static final class Model {
        DeploymentStatus status;
        long version;

        Model(DeploymentStatus status, long version) {
            this.status = status;
            this.version = version;
        }

        List<ErrorCode> run(Command c) {
            List<ErrorCode> errors = new ArrayList<>();
            switch (c.kind()) {
                case REDEPLOY, DELETE -> {
                    if (c.stale()) {
                        return List.of(ErrorCode.CONCURRENT_MODIFICATION);
                    }
                    if (!SETTLED.contains(status)) {
                        errors.add(ErrorCode.DEPLOYMENT_INVALID_STATUS_TRANSITION);
                    }
                    if (c.badValue()) {
                        errors.add(ErrorCode.DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION);
                    }
                    if (errors.isEmpty()) {
                        status = c.kind() == Kind.REDEPLOY ? DeploymentStatus.QUEUED : DeploymentStatus.UNDEPLOYING;
                        version++;
                    }
                }
                case START -> settle(errors, DeploymentStatus.QUEUED, DeploymentStatus.DEPLOYING);
                case DEPLOYED -> settle(errors, DeploymentStatus.DEPLOYING, DeploymentStatus.DEPLOYED);
                case FAILED -> settle(errors, DeploymentStatus.DEPLOYING, DeploymentStatus.FAILED);
                case UNDEPLOY_FAILED -> settle(errors, DeploymentStatus.UNDEPLOYING, DeploymentStatus.UNDEPLOY_FAILED);
                case UNDEPLOYED -> {
                    if (status == DeploymentStatus.UNDEPLOYING) {
                        status = null;
                    } else {
                        errors.add(ErrorCode.DEPLOYMENT_INVALID_STATUS_TRANSITION);
                    }
                }
            }
            return errors;
        }

        private void settle(List<ErrorCode> errors, DeploymentStatus from, DeploymentStatus to) {
            if (status == from) {
                status = to;
                version++;
            } else {
                errors.add(DeploymentErrors.invalidStatusTransition(status, to).code());
            }
        }
    }

    /** The real thing: the command run on the core; the Deployment ({@code null} once gone) and the codes. */
    static Either<List<ErrorCode>, Deployment> run(Deployment d, Command c) {
        long version = c.stale() ? d.version() - 1 : d.version();
        Either<Seq<ConnectError>, Deployment> many = null;
        Either<ConnectError, Deployment> one = null;
        switch (c.kind()) {
            case REDEPLOY -> {
                DeploymentRedeployAction action = c.badValue()
                        ? new DeploymentRedeployAction(null, List.of(DeploymentConfigurationApplication.of("ghost")), null, null)
                        : DeploymentRedeployAction.keepingValues();
                many = Deployments.apply(d, DeploymentUpdate.of(version, action), DeploymentUpdateContext.at(NOW));
            }
            case DELETE -> one = DeploymentLifecycle.requestUndeploy(d, version, NOW);
            case START -> one = DeploymentLifecycle.startDeploying(d, NOW);
            case DEPLOYED -> one = DeploymentLifecycle.deployed(d, List.of(), NOW);
            case FAILED -> one = DeploymentLifecycle.failed(d, List.of(), NOW);
            case UNDEPLOY_FAILED -> one = DeploymentLifecycle.undeployFailed(d, List.of(), NOW);
            case UNDEPLOYED -> {
                Either<ConnectError, Deployment> gone = DeploymentLifecycle.undeployed(d);
                return gone.isLeft() ? Either.left(List.of(gone.getLeft().code())) : Either.right(null);
            }
        }
        if (one != null) {
            return one.mapLeft(e -> List.of(e.code()));
        }
        return many.mapLeft(errors -> errors.map(ConnectError::code).toJavaList());
    }

    @Test
    @DisplayName("random command lists: status, version and error codes agree with the model after every step")
    void agreesWithModel() {
        Seeds.check("deployment lifecycle vs model", Seeds.examples(1_000),
                lists().of(commands()).ofSizeBetween(1, 60), booleans().all(), (commands, startAsDraft) -> {
                    Deployment d = SampleDeployments.queued();
                    if (startAsDraft) {
                        d = d.withStatus(DeploymentStatus.DRAFT);
                    }
                    Model model = new Model(d.status(), d.version());
                    for (int step = 0; step < commands.size(); step++) {
                        if (d == null) {
                            return; // gone: nothing more can happen to it
                        }
                        Command c = commands.get(step);
                        DeploymentStatus before = d.status();
                        int entriesBefore = d.details().build().report().entries().size();
                        List<ErrorCode> expected = model.run(c);
                        Either<List<ErrorCode>, Deployment> actual = run(d, c);
                        String where = "step " + step + " " + c + " from " + before;
                        if (expected.isEmpty()) {
                            assertTrue(actual.isRight(), () -> where + ": " + actual.getLeft());
                            d = actual.get();
                            if (d == null) {
                                assertEquals(null, model.status, where);
                                continue;
                            }
                            assertTrue(DeploymentLifecycle.allows(before, d.status()), where + " took an edge the table lacks");
                            assertTrue(d.details().build().report().entries().size() >= 1, where);
                            if (c.kind() != Kind.REDEPLOY) {
                                assertTrue(d.details().build().report().entries().size() > entriesBefore, where + " added no report entry");
                            }
                        } else {
                            assertEquals(expected, actual.isLeft() ? actual.getLeft() : List.of(), where);
                        }
                        assertEquals(model.status, d.status(), where);
                        assertEquals(model.version, d.version(), where);
                        assertEquals(List.of("service", "events", "nightly", "mc-app"),
                                d.applications().stream().map(ApplicationDeployment::applicationName).toList(), where);
                    }
                });
    }
}
