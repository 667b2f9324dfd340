package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.store.Lease;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.testkit.SampleDeployments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("The settlement of a claimed Deployment step, without I/O")
class DeploymentSettlementTest {
    private static final String P = SampleDeployments.PROJECT_KEY;
    private static final Instant AT = SampleDeployments.NOW.plusSeconds(5);

    private static Work claimed(WorkKind kind, Deployment d) {
        return Work.deploymentStep(kind, P, d).claimedBy("processor-a", AT.plusSeconds(30));
    }

    @Test
    @DisplayName("starts a queued Deployment, enqueueing its build and logging one line per application, in the write that completes the deploy")
    void startsAQueuedDeployment() {
        Deployment queued = SampleDeployments.inStatus(DeploymentStatus.QUEUED);
        Work claim = claimed(WorkKind.DEPLOY, queued);
        DeploymentSettle.Replace settle = assertInstanceOf(DeploymentSettle.Replace.class,
                DeploymentSettlement.settle(claim, queued, new DeploymentSettlement.Started(AT)));
        assertEquals(DeploymentStatus.DEPLOYING, settle.next().status());
        assertEquals(queued.version(), settle.expectedVersion());
        assertSame(claim, settle.write().completes());
        assertEquals(List.of(Work.deploymentStep(WorkKind.BUILD, P, settle.next())), settle.write().enqueue());
        assertEquals(queued.applications().size(), settle.write().logs().size());
        assertEquals("Build of application " + queued.applications().get(0).applicationName() + " started (build "
                + queued.details().build().id() + ")", settle.write().logs().get(0).details().get("message").asText());
    }

    @Test
    @DisplayName("settles a build that succeeded as Deployed with the runner's URLs, and one that failed as Failed without them")
    void settlesABuild() {
        Deployment deploying = SampleDeployments.inStatus(DeploymentStatus.DEPLOYING);
        Work claim = claimed(WorkKind.BUILD, deploying);
        String app = deploying.applications().get(0).applicationName();
        String url = "http://127.0.0.1:8080/.connectstage/apps/" + deploying.id() + "/" + app;
        ConnectorReportEntry entry = new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "built", null, AT, app);
        DeploymentLog line = DeploymentLog.text(deploying.id(), app, DeploymentLogSeverity.NOTICE, AT, "deployed");

        DeploymentSettle.Replace deployed = assertInstanceOf(DeploymentSettle.Replace.class, DeploymentSettlement.settle(
                claim, deploying, new DeploymentSettlement.Built(true, List.of(entry), List.of(line), Map.of(app, url), AT)));
        assertEquals(DeploymentStatus.DEPLOYED, deployed.next().status());
        assertEquals(url, deployed.next().applications().get(0).url());
        assertEquals(List.of(line), deployed.write().logs());
        assertEquals(List.of(), deployed.write().enqueue());

        DeploymentSettle.Replace failed = assertInstanceOf(DeploymentSettle.Replace.class, DeploymentSettlement.settle(
                claim, deploying, new DeploymentSettlement.Built(false, List.of(entry), List.of(), Map.of(app, url), AT)));
        assertEquals(DeploymentStatus.FAILED, failed.next().status());
        assertEquals(deploying.applications().get(0).url(), failed.next().applications().get(0).url());
    }

    @Test
    @DisplayName("a build whose applications run settles Deployed with the Deployment's run held by their processor; a failed one enqueues none")
    void aRunningBuildEnqueuesItsRunClaimed() {
        Deployment deploying = SampleDeployments.inStatus(DeploymentStatus.DEPLOYING);
        Work claim = claimed(WorkKind.BUILD, deploying);
        Lease lease = new Lease("processor-a", AT.plusSeconds(30));

        DeploymentSettle deployed = DeploymentSettlement.settle(claim, deploying,
                new DeploymentSettlement.Built(true, List.of(), List.of(), Map.of(), AT, lease));
        Deployment next = assertInstanceOf(DeploymentSettle.Replace.class, deployed).next();
        Work run = Work.running(P, next).claimedBy("processor-a", AT.plusSeconds(30));
        assertEquals(List.of(run), ((DeploymentSettle.Replace) deployed).write().enqueue());
        assertEquals(io.vavr.control.Option.of(run), deployed.running());
        assertEquals(deploying.id() + "/run", run.id());
        assertEquals(next.version(), run.connectorVersion());

        DeploymentSettle failed = DeploymentSettlement.settle(claim, deploying,
                new DeploymentSettlement.Built(false, List.of(), List.of(), Map.of(), AT, lease));
        assertEquals(List.of(), ((DeploymentSettle.Replace) failed).write().enqueue());
        assertTrue(failed.running().isEmpty());
    }

    @Test
    @DisplayName("a run goes on while its Deployment is Deployed at its version or redeploying; not when gone, Failed, "
            + "undeploying or Deployed at another version")
    void aRunGoesOnWhileItsDeploymentWantsIt() {
        Deployment deployed = SampleDeployments.inStatus(DeploymentStatus.DEPLOYED);
        Work run = Work.running(P, deployed).claimedBy("processor-a", AT);
        assertTrue(DeploymentSettlement.stillRuns(run, deployed));
        assertTrue(!DeploymentSettlement.stillRuns(run, deployed.withVersion(deployed.version() + 3)));
        assertTrue(!DeploymentSettlement.stillRuns(run, null));
        for (DeploymentStatus status : DeploymentStatus.values()) {
            boolean runs = status == DeploymentStatus.DEPLOYED || status == DeploymentStatus.QUEUED
                    || status == DeploymentStatus.DEPLOYING;
            Deployment d = SampleDeployments.inStatus(status).withVersion(deployed.version());
            assertEquals(runs, DeploymentSettlement.stillRuns(run, d), status::toString);
        }
        assertTrue(DeploymentSettlement.stale(run, deployed.withVersion(deployed.version() + 1)),
                "taken over: only the version it ran starts again");
        assertTrue(!DeploymentSettlement.stale(run, deployed));
    }

    @Test
    @DisplayName("removes an undeployed Deployment at the version found, completing the claim in that write")
    void deletesWhenUndeployed() {
        Deployment undeploying = SampleDeployments.inStatus(DeploymentStatus.UNDEPLOYING);
        Work claim = claimed(WorkKind.UNDEPLOY, undeploying);
        assertEquals(new DeploymentSettle.Delete(undeploying.id(), undeploying.version(), claim),
                DeploymentSettlement.settle(claim, undeploying, new DeploymentSettlement.Undeployed()));
    }

    @Test
    @DisplayName("gives up a step with an entry and log lines that say how often it was started")
    void abandons() {
        Deployment deploying = SampleDeployments.inStatus(DeploymentStatus.DEPLOYING);
        DeploymentSettle.Replace settle = assertInstanceOf(DeploymentSettle.Replace.class, DeploymentSettlement.settle(
                claimed(WorkKind.BUILD, deploying), deploying, new DeploymentSettlement.Abandoned(5, AT)));
        assertEquals(DeploymentStatus.FAILED, settle.next().status());
        assertEquals("Build abandoned: The build step was started 5 times and never finished.",
                settle.write().logs().get(0).details().get("message").asText());
    }

    @Test
    @DisplayName("only completes the claim of a Deployment that is gone, at another version or in another status")
    void onlyCompletesAStaleClaim() {
        Deployment queued = SampleDeployments.inStatus(DeploymentStatus.QUEUED);
        Work claim = claimed(WorkKind.DEPLOY, queued);
        DeploymentSettlement.Started started = new DeploymentSettlement.Started(AT);
        assertEquals(new DeploymentSettle.Complete(claim), DeploymentSettlement.settle(claim, null, started));
        assertEquals(new DeploymentSettle.Complete(claim),
                DeploymentSettlement.settle(claim, queued.withVersion(queued.version() + 1), started));
        assertEquals(new DeploymentSettle.Complete(claim),
                DeploymentSettlement.settle(claim, SampleDeployments.inStatus(DeploymentStatus.DEPLOYED), started));
    }

    /** A step, the Deployment as found (its status, at the claim's version or not, or gone) and a result. */
    record Case(WorkKind kind, DeploymentStatus status, boolean sameVersion, boolean gone, int result) {
    }

    private static final WorkKind[] STEPS = {WorkKind.DEPLOY, WorkKind.BUILD, WorkKind.UNDEPLOY};

    private static Gen<Case> cases() {
        return integers().between(0, 2).zip(integers().between(0, DeploymentStatus.values().length - 1),
                booleans().all(), integers().between(0, 9),
                (k, s, same, roll) -> new Case(STEPS[k], DeploymentStatus.values()[s], same || roll < 5, roll == 9, roll % 5));
    }

    private static DeploymentSettlement.StepResult result(int n, Deployment d) {
        String app = d.applications().get(0).applicationName();
        switch (n) {
            case 0:
                return new DeploymentSettlement.Started(AT);
            case 1:
                return new DeploymentSettlement.Built(true, List.of(), List.of(), Map.of(app, "http://127.0.0.1/" + app), AT);
            case 2:
                return new DeploymentSettlement.Built(false, List.of(), List.of(), Map.of(), AT);
            case 3:
                return new DeploymentSettlement.UndeployFailed(AT);
            default:
                return new DeploymentSettlement.Abandoned(3, AT);
        }
    }

    @Test
    @DisplayName("every settlement completes exactly its own claim, at the version found; a stale one only completes")
    void completesItsOwnClaim() {
        qt().withExamples(400).forAll(cases()).checkAssert(c -> {
            Deployment asClaimed = SampleDeployments.inStatus(c.status());
            Work claim = claimed(c.kind(), asClaimed);
            Deployment found = c.gone() ? null : c.sameVersion() ? asClaimed : asClaimed.withVersion(asClaimed.version() + 1);
            DeploymentSettlement.StepResult result = c.kind() == WorkKind.UNDEPLOY && c.result() == 1
                    ? new DeploymentSettlement.Undeployed() : result(c.result(), asClaimed);

            DeploymentSettle settle = DeploymentSettlement.settle(claim, found, result);

            assertSame(claim, settle.claim());
            if (DeploymentSettlement.stale(claim, found)) {
                assertEquals(new DeploymentSettle.Complete(claim), settle);
                return;
            }
            if (settle instanceof DeploymentSettle.Replace replace) {
                assertEquals(found.version(), replace.expectedVersion());
                assertEquals(found.id(), replace.next().id());
                assertTrue(replace.next().version() > found.version(), "a move bumps the version");
                replace.write().enqueue().forEach(w -> assertEquals(Work.deploymentStep(WorkKind.BUILD, P, replace.next()), w));
                replace.write().logs().forEach(l -> assertEquals(found.id(), l.deploymentId()));
            } else if (settle instanceof DeploymentSettle.Delete delete) {
                assertEquals(WorkKind.UNDEPLOY, c.kind());
                assertEquals(found.version(), delete.expectedVersion());
            }
        });
    }
}
