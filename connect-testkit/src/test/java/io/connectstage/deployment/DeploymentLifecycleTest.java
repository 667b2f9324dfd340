package io.connectstage.deployment;

import static io.connectstage.testkit.SampleDeployments.API_SECRET;
import static io.connectstage.testkit.SampleDeployments.DB_PASSWORD;
import static io.connectstage.testkit.SampleDeployments.NOW;
import static io.connectstage.testkit.SampleDeployments.inStatus;
import static io.connectstage.testkit.SampleDeployments.queued;
import static io.connectstage.deployment.DeploymentsTest.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.testkit.SampleDeployments;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The Deployment lifecycle")
class DeploymentLifecycleTest {
    private static final Instant LATER = NOW.plusSeconds(60);

    @Nested
    @DisplayName("the edge table")
    class Table {

        @Test
        @DisplayName("has a row for every status")
        void everyStatusHasARow() {
            assertEquals(EnumSet.allOf(DeploymentStatus.class), EnumSet.copyOf(DeploymentLifecycle.STATUS_EDGES.keySet()));
        }

        @Test
        @DisplayName("leads to Queued exactly from the statuses redeploy is allowed from")
        void redeployEdges() {
            for (DeploymentStatus from : DeploymentStatus.values()) {
                assertEquals(DeploymentLifecycle.REDEPLOYABLE.contains(from), DeploymentLifecycle.allows(from, DeploymentStatus.QUEUED), from.name());
            }
            assertEquals(Set.of(DeploymentStatus.DRAFT, DeploymentStatus.DEPLOYED, DeploymentStatus.FAILED,
                    DeploymentStatus.UNDEPLOY_FAILED), DeploymentLifecycle.REDEPLOYABLE);
        }

        @Test
        @DisplayName("is Queued -> Deploying -> Deployed | Failed, and Undeploying -> UndeployFailed | gone")
        void buildEdges() {
            assertEquals(Set.of(DeploymentStatus.DEPLOYING), DeploymentLifecycle.STATUS_EDGES.get(DeploymentStatus.QUEUED));
            assertEquals(Set.of(DeploymentStatus.DEPLOYED, DeploymentStatus.FAILED), DeploymentLifecycle.STATUS_EDGES.get(DeploymentStatus.DEPLOYING));
            assertEquals(Set.of(DeploymentStatus.UNDEPLOY_FAILED), DeploymentLifecycle.STATUS_EDGES.get(DeploymentStatus.UNDEPLOYING));
            assertEquals(Set.of(DeploymentStatus.UNDEPLOYING), DeploymentLifecycle.REMOVABLE_FROM);
        }
    }

    @Nested
    @DisplayName("outcome moves")
    class Outcomes {

        @Test
        @DisplayName("each bump the version and add report entries to the build")
        void bumpAndReport() {
            Deployment q = queued();
            Deployment deploying = DeploymentLifecycle.startDeploying(q, LATER).get();
            assertEquals(q.version() + 1, deploying.version());
            assertEquals(DeploymentStatus.DEPLOYING, deploying.status());
            assertEquals(q.details().build().id(), deploying.details().build().id());
            assertEquals(2, deploying.details().build().report().entries().size());
            Deployment deployed = DeploymentLifecycle.deployed(deploying, List.of(), LATER).get();
            assertEquals(q.version() + 2, deployed.version());
            assertEquals(DeploymentStatus.DEPLOYED, deployed.status());
        }

        @Test
        @DisplayName("give services and Merchant Center apps a url, events a topic, and jobs keep their schedule")
        void deployedApplications() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            assertNotNull(d.application("service").url());
            assertNull(d.application("service").topic());
            assertNotNull(d.application("mc-app").url());
            assertNotNull(d.application("events").topic());
            assertNull(d.application("events").url());
            assertEquals("0 0 * * *", d.application("nightly").schedule());
            assertNull(d.application("nightly").url());
        }

        @ParameterizedTest
        @EnumSource(value = DeploymentStatus.class, names = {"DRAFT", "DEPLOYING", "DEPLOYED", "FAILED", "UNDEPLOYING", "UNDEPLOY_FAILED"})
        @DisplayName("refuse to start a build that is not queued")
        void startOnlyWhenQueued(DeploymentStatus status) {
            Either<ConnectError, Deployment> result = DeploymentLifecycle.startDeploying(inStatus(status), LATER);
            assertEquals(ErrorCode.DEPLOYMENT_INVALID_STATUS_TRANSITION, result.getLeft().code());
        }

        @Test
        @DisplayName("remove a Deployment only when it is undeploying")
        void goneOnlyFromUndeploying() {
            assertTrue(DeploymentLifecycle.undeployed(inStatus(DeploymentStatus.UNDEPLOYING)).isRight());
            assertTrue(DeploymentLifecycle.undeployed(inStatus(DeploymentStatus.DEPLOYED)).isLeft());
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {

        @ParameterizedTest
        @EnumSource(value = DeploymentStatus.class, names = {"DRAFT", "DEPLOYED", "FAILED", "UNDEPLOY_FAILED"})
        @DisplayName("starts undeploying from a settled status")
        void undeploys(DeploymentStatus status) {
            Deployment d = inStatus(status);
            Deployment undeploying = DeploymentLifecycle.requestUndeploy(d, LATER).get();
            assertEquals(DeploymentStatus.UNDEPLOYING, undeploying.status());
            assertEquals(d.version() + 1, undeploying.version());
        }

        @Test
        @DisplayName("while undeploying answers 'Invalid status change: Already undeploying'")
        void alreadyUndeploying() {
            ConnectError e = DeploymentLifecycle.requestUndeploy(inStatus(DeploymentStatus.UNDEPLOYING), LATER).getLeft();
            assertEquals(ErrorCode.DEPLOYMENT_INVALID_STATUS_TRANSITION, e.code());
            assertEquals("Invalid status change: Already undeploying", e.message());
        }

        @Test
        @DisplayName("with a stale version answers ConcurrentModification")
        void staleVersion() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            ConnectError e = DeploymentLifecycle.requestUndeploy(d, d.version() - 1, LATER).getLeft();
            assertEquals(ErrorCode.CONCURRENT_MODIFICATION, e.code());
            assertEquals(d.version(), e.fields().get("currentVersion"));
        }
    }

    @Nested
    @DisplayName("redeploy")
    class Redeploy {

        private Either<Seq<ConnectError>, Deployment> redeploy(Deployment d, DeploymentRedeployAction action) {
            return Deployments.apply(d, DeploymentUpdate.of(d.version(), action), DeploymentUpdateContext.at(LATER));
        }

        @ParameterizedTest
        @EnumSource(value = DeploymentStatus.class, names = {"DRAFT", "DEPLOYED", "FAILED", "UNDEPLOY_FAILED"})
        @DisplayName("queues a new build from Draft, Deployed, Failed and UndeployFailed, at version + 1")
        void queues(DeploymentStatus status) {
            Deployment d = inStatus(status);
            Deployment next = redeploy(d, DeploymentRedeployAction.keepingValues()).get();
            assertEquals(DeploymentStatus.QUEUED, next.status());
            assertEquals(d.version() + 1, next.version());
            assertNotEquals(d.details().build().id(), next.details().build().id());
            assertEquals(d.applications().stream().map(ApplicationDeployment::standardConfiguration).toList(),
                    next.applications().stream().map(ApplicationDeployment::standardConfiguration).toList());
        }

        @ParameterizedTest
        @EnumSource(value = DeploymentStatus.class, names = {"QUEUED", "DEPLOYING", "UNDEPLOYING"})
        @DisplayName("while a process runs answers DeploymentInvalidStatusTransition with the RAML's message")
        void refusedWhileBusy(DeploymentStatus status) {
            Either<Seq<ConnectError>, Deployment> result = redeploy(inStatus(status), DeploymentRedeployAction.keepingValues());
            assertEquals(List.of(ErrorCode.DEPLOYMENT_INVALID_STATUS_TRANSITION), codes(result));
            assertTrue(result.getLeft().head().message().startsWith("Invalid status change: Already "));
        }

        @Test
        @DisplayName("with a stale version answers only ConcurrentModification")
        void staleVersion() {
            Deployment d = inStatus(DeploymentStatus.FAILED);
            Either<Seq<ConnectError>, Deployment> result = Deployments.apply(d,
                    DeploymentUpdate.of(d.version() - 1, DeploymentRedeployAction.keepingValues()), DeploymentUpdateContext.at(LATER));
            assertEquals(List.of(ErrorCode.CONCURRENT_MODIFICATION), codes(result));
        }

        @Test
        @DisplayName("changes the values given and keeps the others")
        void changesGivenValues() {
            Deployment d = inStatus(DeploymentStatus.FAILED);
            Deployment next = redeploy(d, new DeploymentRedeployAction(true,
                    List.of(DeploymentConfigurationApplication.of("service").withStandard("LOG_LEVEL", "debug")), null, null)).get();
            assertEquals(List.of(new ConfigurationValue("API_URL", "https://api.example.com"), new ConfigurationValue("LOG_LEVEL", "debug")),
                    next.application("service").standardConfiguration());
            assertEquals(List.of(SecuredConfigurationValue.of("API_SECRET", API_SECRET)), next.application("service").securedConfiguration());
            assertEquals(List.of(SecuredConfigurationValue.of("DB_PASSWORD", DB_PASSWORD)), next.application("nightly").securedConfiguration());
            assertEquals(d.globalConfiguration(), next.globalConfiguration());
        }

        @Test
        @DisplayName("keeps a job's schedule unless it is given, and then takes the new one")
        void keepsScheduleUnlessChanged() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            assertEquals("0 0 * * *", d.application("nightly").schedule());
            Deployment kept = redeploy(d, new DeploymentRedeployAction(null,
                    List.of(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "5")), null, null)).get();
            assertEquals("0 0 * * *", kept.application("nightly").schedule());
            assertEquals("0 0 * * *", redeploy(d, DeploymentRedeployAction.keepingValues()).get().application("nightly").schedule());
            Deployment changed = redeploy(d, new DeploymentRedeployAction(null,
                    List.of(DeploymentConfigurationApplication.of("nightly").withSchedule("30 2 * * 1-5")), null, null)).get();
            assertEquals("30 2 * * 1-5", changed.application("nightly").schedule());
            assertEquals(List.of(new ConfigurationValue("BATCH_SIZE", "100")), changed.application("nightly").standardConfiguration());
        }

        @Test
        @DisplayName("refuses a schedule that is not cron, and one for an application that is not a job, under configurationValues")
        void refusesBadSchedules() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            Either<Seq<ConnectError>, Deployment> result = redeploy(d, new DeploymentRedeployAction(null, List.of(
                    DeploymentConfigurationApplication.of("nightly").withSchedule("at midnight"),
                    DeploymentConfigurationApplication.of("service").withSchedule("@daily")), null, null));
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT, ErrorCode.INVALID_JSON_INPUT), codes(result));
            String details = result.getLeft().map(e -> String.valueOf(e.fields().get("detailedErrorMessage"))).mkString("\n");
            assertTrue(details.contains("actions[0].configurationValues[0].schedule: must be a cron expression"), details);
            assertTrue(details.contains("actions[0].configurationValues[1].schedule: only a job application has a schedule"), details);
        }

        @Test
        @DisplayName("with updateConnector drops the schedule of an application that is no longer a job")
        void dropsScheduleOfFormerJob() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            List<ConnectorConfigurationApplication> apps = new ArrayList<>(SampleDeployments.configurations());
            ConnectorConfigurationApplication nightly = apps.get(2);
            apps.set(2, new ConnectorConfigurationApplication("nightly", ApplicationType.SERVICE,
                    nightly.standardConfiguration(), nightly.securedConfiguration()));
            ConnectorStaged latest = SampleDeployments.staged().withConfigurations(apps).withVersion(2);
            DeployableConnector view = DeployableConnector.published(io.connectstage.connector.Connector.publishedFrom(latest, 2, false),
                    new ConnectorAccess(SampleDeployments.CREATOR_PROJECT_KEY, latest.privateProjects()));
            Deployment next = Deployments.apply(d, DeploymentUpdate.of(d.version(), new DeploymentRedeployAction(null, null, null, true)),
                    new DeploymentUpdateContext(LATER, view)).get();
            assertNull(next.application("nightly").schedule());
        }

        @Test
        @DisplayName("refuses an empty list of applications, unknown applications and keys, and empty required values")
        void refusesBadValues() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            assertEquals(List.of(ErrorCode.DEPLOYMENT_APPLICATION_REQUIRED),
                    codes(redeploy(d, new DeploymentRedeployAction(null, List.of(), null, null))));
            assertEquals(List.of(ErrorCode.DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION, ErrorCode.DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION_KEY,
                    ErrorCode.DEPLOYMENT_EMPTY_REQUIRED_GLOBAL_CONFIGURATION_KEY),
                    codes(redeploy(d, new DeploymentRedeployAction(null, List.of(DeploymentConfigurationApplication.of("ghost"),
                            DeploymentConfigurationApplication.of("events").withSecured("NOPE", "x")),
                            DeploymentGlobalConfiguration.empty().withStandard("CTP_REGION", ""), null))));
        }

        @Test
        @DisplayName("refuses a required application key given blank over a kept value, as it refuses a blank global one")
        void refusesBlankApplicationValue() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            var result = redeploy(d, new DeploymentRedeployAction(null,
                    List.of(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", "")), null, null));
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT), codes(result));
            assertEquals("actions[0].configurations[service].securedConfiguration.API_SECRET: the required secret configuration key has an empty value",
                    result.getLeft().head().fields().get("detailedErrorMessage"));
        }

        @Test
        @DisplayName("with updateConnector takes the latest Connector: new applications get defaults, removed ones go")
        void updatesConnector() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            List<ConnectorConfigurationApplication> apps = new ArrayList<>(SampleDeployments.configurations().subList(0, 3));
            apps.add(new ConnectorConfigurationApplication("audit", ApplicationType.SERVICE,
                    List.of(new StandardConfigurationKey("AUDIT_LEVEL", "level", true, "all")), List.of(new SecuredConfigurationKey("AUDIT_TOKEN", "t", false))));
            ConnectorStaged latest = SampleDeployments.staged().withConfigurations(apps).withVersion(2);
            DeployableConnector view = DeployableConnector.published(io.connectstage.connector.Connector.publishedFrom(latest, 2, false),
                    new ConnectorAccess(SampleDeployments.CREATOR_PROJECT_KEY, latest.privateProjects()));
            Deployment next = Deployments.apply(d, DeploymentUpdate.of(d.version(), new DeploymentRedeployAction(null, null, null, true)),
                    new DeploymentUpdateContext(LATER, view)).get();
            assertEquals(2, next.connector().version());
            assertEquals(List.of("service", "events", "nightly", "audit"), next.applications().stream().map(ApplicationDeployment::applicationName).toList());
            assertEquals(List.of(new ConfigurationValue("AUDIT_LEVEL", "all")), next.application("audit").standardConfiguration());
            assertEquals(d.application("service").url(), next.application("service").url());
        }

        @Test
        @DisplayName("with updateConnector but no Connector answers DeploymentConnectorUpdateFailure")
        void updateConnectorWithoutConnector() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            assertEquals(List.of(ErrorCode.DEPLOYMENT_CONNECTOR_UPDATE_FAILURE),
                    codes(redeploy(d, new DeploymentRedeployAction(null, null, null, true))));
        }

        @Test
        @DisplayName("refuses an application of the Connector that the Deployment does not include")
        void doNotBelong() {
            Deployment d = inStatus(DeploymentStatus.DEPLOYED);
            Deployment withoutEvents = d.withApplications(d.applications().stream().filter(a -> !a.applicationName().equals("events")).toList());
            assertEquals(List.of(ErrorCode.DEPLOYMENT_APPLICATION_DO_NOT_BELONG),
                    codes(redeploy(withoutEvents, new DeploymentRedeployAction(null,
                            List.of(DeploymentConfigurationApplication.of("events").withStandard("TOPIC_PREFIX", "x")), null, null))));
        }
    }
}
