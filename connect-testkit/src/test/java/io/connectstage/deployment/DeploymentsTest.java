package io.connectstage.deployment;

import static io.connectstage.testkit.SampleDeployments.API_SECRET;
import static io.connectstage.testkit.SampleDeployments.DB_PASSWORD;
import static io.connectstage.testkit.SampleDeployments.ID;
import static io.connectstage.testkit.SampleDeployments.NOW;
import static io.connectstage.testkit.SampleDeployments.OTHER_PROJECT_KEY;
import static io.connectstage.testkit.SampleDeployments.create;
import static io.connectstage.testkit.SampleDeployments.previewable;
import static io.connectstage.testkit.SampleDeployments.published;
import static io.connectstage.testkit.SampleDeployments.validDraft;
import static io.connectstage.testkit.SampleDeployments.validGlobal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorReference;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.rule.Schedules;
import io.connectstage.testkit.SampleDeployments;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Deployments")
class DeploymentsTest {

    /** The valid draft with this schedule for the job "nightly" (the second application given). */
    static DeploymentDraft withNightlySchedule(String schedule) {
        return bareDraft()
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", DB_PASSWORD).withSchedule(schedule)).build();
    }

    /** A draft without configurations. */
    static DeploymentDraft.Builder bareDraft() {
        return DeploymentDraft.builder().key("my-deployment").connectorKey("connector-key").region(Region.EUROPE_WEST1_GCP)
                .globalConfiguration(validGlobal());
    }

    static List<ErrorCode> codes(Either<Seq<ConnectError>, ?> result) {
        assertTrue(result.isLeft(), () -> "expected errors, got " + result);
        return result.getLeft().map(ConnectError::code).toJavaList();
    }

    static String details(Either<Seq<ConnectError>, ?> result) {
        return result.getLeft().map(e -> e.message() + " " + e.detailedErrorMessage()).collect(Collectors.joining("\n"));
    }

    @Nested
    @DisplayName("create a Deployment")
    class Create {

        @Test
        @DisplayName("of a published Connector makes a queued sandbox Deployment at version 1 with every application")
        void createsQueuedSandbox() {
            Deployment d = create(validDraft().build(), published()).get();
            assertEquals(ID, d.id());
            assertEquals("my-deployment", d.key());
            assertEquals(1, d.version());
            assertEquals(DeploymentType.SANDBOX, d.type());
            assertFalse(d.preview());
            assertEquals(DeploymentStatus.QUEUED, d.status());
            assertEquals(Region.EUROPE_WEST1_GCP, d.deployedRegion());
            assertEquals(List.of("service", "events", "nightly", "mc-app"),
                    d.applications().stream().map(ApplicationDeployment::applicationName).toList());
            assertEquals(1, d.details().build().report().entries().size());
            assertEquals(NOW, d.details().build().report().entries().get(0).createdAt());
        }

        @Test
        @DisplayName("fills the defaults of standard keys left out, and keeps the values given")
        void fillsDefaults() {
            Deployment d = create(validDraft().build(), published()).get();
            ApplicationDeployment service = d.application("service");
            assertEquals(List.of(new ConfigurationValue("API_URL", "https://api.example.com")), service.standardConfiguration());
            assertEquals(List.of(SecuredConfigurationValue.of("API_SECRET", API_SECRET)), service.securedConfiguration());
            assertEquals(List.of(new ConfigurationValue("TOPIC_PREFIX", "ct")), d.application("events").standardConfiguration());
            assertEquals(List.of(new ConfigurationValue("CTP_REGION", "europe-west1.gcp"), new ConfigurationValue("FEATURE_FLAG", "off")),
                    d.globalConfiguration().standardConfiguration());
        }

        @Test
        @DisplayName("lets a job's schedule be overridden")
        void overridesSchedule() {
            Deployment d = create(validDraft().build(), published()).get();
            assertEquals("0 0 * * *", d.application("nightly").schedule());
            assertNull(d.application("service").schedule());
        }

        @Test
        @DisplayName("refuses a schedule for an application that is not a job, and one that is not cron")
        void refusesBadSchedules() {
            DeploymentDraft draft = validDraft()
                    .configuration(DeploymentConfigurationApplication.of("events").withSchedule("@daily"))
                    .build();
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT), codes(create(draft, published())));
            DeploymentDraft notCron = DeploymentDraft.builder().connectorKey("k").region(Region.EUROPE_WEST1_GCP)
                    .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", "x"))
                    .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "1")
                            .withSchedule("every night"))
                    .globalConfiguration(validGlobal()).build();
            Either<Seq<ConnectError>, Deployment> result = create(notCron, published());
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT), codes(result));
            assertTrue(details(result).contains("configurations[1].schedule"), details(result));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1-5/2 * * * *", "0 9 * * 1-5,6", "*/15 0 1,15 * *", "0 0 * * * 2026", "@every 1h30m", "@weekly"})
        @DisplayName("accepts a job schedule by the one cron rule connect.yaml's schedule follows too")
        void acceptsCronSchedules(String schedule) {
            Deployment d = create(withNightlySchedule(schedule), published()).get();
            assertEquals(schedule, d.application("nightly").schedule());
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"12345", "run 0 0 * * *", "0 0 * * * ", "0  0 * * *", "0 0 * * * * * *", "", "every night"})
        @DisplayName("refuses a job schedule that is not a whole cron expression, naming the rule")
        void refusesNonCronSchedules(String schedule) {
            Either<Seq<ConnectError>, Deployment> result = create(withNightlySchedule(schedule), published());
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT), codes(result));
            assertTrue(details(result).contains("configurations[1].schedule: must be " + Schedules.RULE), details(result));
        }

        @Test
        @DisplayName("reports every bad schedule of a request, each by its field: a non-cron one and one of an application that is not a job")
        void reportsEveryBadSchedule() {
            DeploymentDraft draft = bareDraft()
                    .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", API_SECRET).withSchedule("@daily"))
                    .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "1").withSchedule("nightly"))
                    .configuration(DeploymentConfigurationApplication.of("events").withSchedule("0 0 * * *")).build();
            Either<Seq<ConnectError>, Deployment> result = create(draft, published());
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT, ErrorCode.INVALID_JSON_INPUT, ErrorCode.INVALID_JSON_INPUT),
                    codes(result), details(result));
            String details = details(result);
            assertTrue(details.contains("configurations[0].schedule: only a job application has a schedule, 'service' is of type service"),
                    details);
            assertTrue(details.contains("configurations[1].schedule: must be a cron expression"), details);
            assertTrue(details.contains("configurations[2].schedule: only a job application has a schedule, 'events' is of type event"),
                    details);
        }

        @Test
        @DisplayName("of a previewable ConnectorStaged makes a preview Deployment by default")
        void createsPreview() {
            Deployment d = create(validDraft().stagedConnectorKey("connector-key").build(), previewable()).get();
            assertEquals(DeploymentType.PREVIEW, d.type());
            assertTrue(d.preview());
        }

        @Test
        @DisplayName("answers every error of a request at once")
        void collectsEveryError() {
            DeploymentDraft draft = DeploymentDraft.builder()
                    .key("x")
                    .connectorKey("connector-key")
                    .region(Region.US_EAST_2_AWS)
                    .configuration(DeploymentConfigurationApplication.of("nope"))
                    .configuration(DeploymentConfigurationApplication.of("service").withStandard("UNKNOWN", "v"))
                    .globalConfiguration(DeploymentGlobalConfiguration.empty().withSecured("NOT_DECLARED", "v"))
                    .build();
            List<ErrorCode> codes = codes(create(draft, published()));
            assertTrue(codes.containsAll(List.of(ErrorCode.INVALID_JSON_INPUT, ErrorCode.DEPLOYMENT_UNSUPPORTED_REGION,
                    ErrorCode.DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION,
                    ErrorCode.DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION_KEY,
                    ErrorCode.DEPLOYMENT_UNKNOWN_GLOBAL_CONFIGURATION_KEY,
                    ErrorCode.DEPLOYMENT_MISSING_GLOBAL_CONFIGURATION_KEY)), codes.toString());
        }

        @Test
        @DisplayName("reports a missing draft field by its path")
        void reportsMissingFields() {
            DeploymentDraft draft = new DeploymentDraft(null, null, null, null, null, null);
            Either<Seq<ConnectError>, Deployment> result = create(draft, published());
            String details = details(result);
            assertTrue(details.contains("connector: is required"), details);
            assertTrue(details.contains("region: is required"), details);
            assertTrue(details.contains("configurations: is required"), details);
        }

        @Test
        @DisplayName("reports null elements, keys and values, and keys given twice")
        void reportsBadValues() {
            DeploymentDraft draft = new DeploymentDraft(null, null, new ConnectorReference(null, "k", null, null),
                    java.util.Arrays.asList(null, new DeploymentConfigurationApplication("service",
                            java.util.Arrays.asList(new ConfigurationValue(null, "v"), new ConfigurationValue("API_URL", null)),
                            List.of(SecuredConfigurationValue.of("API_SECRET", "a"), SecuredConfigurationValue.of("API_SECRET", "b")),
                            null)),
                    validGlobal(), Region.EUROPE_WEST1_GCP);
            String details = details(create(draft, published()));
            assertTrue(details.contains("configurations[0]: is required"), details);
            assertTrue(details.contains("configurations[1].standardConfiguration[0].key: is required"), details);
            assertTrue(details.contains("configurations[1].standardConfiguration[1].value: is required"), details);
            assertTrue(details.contains("A duplicate value 'API_SECRET' exists"), details);
        }
    }

    @Nested
    @DisplayName("create checks the connector and the project")
    class Access {

        @Test
        @DisplayName("refuses a preview of a ConnectorStaged that is not previewable")
        void refusesNotPreviewable() {
            DeployableConnector pending = DeployableConnector.staged(SampleDeployments.staged().withPreviewable(IsPreviewable.PENDING),
                    SampleDeployments.CREATOR_PROJECT_KEY);
            assertEquals(List.of(ErrorCode.CONNECTOR_STAGED_NOT_PREVIEWABLE), codes(create(validDraft().build(), pending)));
        }

        @Test
        @DisplayName("refuses a preview into a project that neither created it nor is among its private projects, saying so")
        void refusesPreviewOutsidePrivateProjects() {
            Either<Seq<ConnectError>, Deployment> refused = Deployments.create(validDraft().build(), previewable(), OTHER_PROJECT_KEY, ID, NOW);
            assertEquals(List.of(ErrorCode.AUTHORIZATION_ERROR), codes(refused));
            assertEquals("Access denied", refused.getLeft().head().message());
            assertEquals("A preview of the Connector id=" + SampleDeployments.staged().id() + " can be "
                    + "deployed only into the project that created it and its privateProjects: 'other-project' is not among "
                    + "its privateProjects. The project that created it can add 'other-project' with the addPrivateProject "
                    + "update action.", refused.getLeft().head().fields().get("detailedErrorMessage"));
        }

        @Test
        @DisplayName("accepts a preview and a private Connector into the project that created them, though not among its private projects")
        void acceptsTheCreatorsProject() {
            DeployableConnector ownOnly = DeployableConnector.staged(SampleDeployments.staged().withPrivateProjects(List.of()),
                    SampleDeployments.CREATOR_PROJECT_KEY);
            assertTrue(Deployments.create(validDraft().build(), ownOnly, SampleDeployments.CREATOR_PROJECT_KEY, ID, NOW).isRight());
            DeployableConnector publishedOwnOnly = DeployableConnector.published(
                    Connector.publishedFrom(SampleDeployments.staged().withPrivateProjects(List.of()), 1, false),
                    new ConnectorAccess(SampleDeployments.CREATOR_PROJECT_KEY, List.of()));
            assertTrue(Deployments.create(validDraft().build(), publishedOwnOnly, SampleDeployments.CREATOR_PROJECT_KEY, ID, NOW)
                    .isRight());
            assertEquals(List.of(ErrorCode.AUTHORIZATION_ERROR),
                    codes(Deployments.create(validDraft().build(), publishedOwnOnly, OTHER_PROJECT_KEY, ID, NOW)));
        }

        @Test
        @DisplayName("refuses sandbox or production for a ConnectorStaged, and preview for a Connector")
        void refusesWrongType() {
            assertEquals(List.of(ErrorCode.DEPLOYMENT_INVALID_TYPE),
                    codes(create(validDraft().type(DeploymentType.SANDBOX).build(), previewable())));
            assertEquals(List.of(ErrorCode.DEPLOYMENT_INVALID_TYPE),
                    codes(create(validDraft().type(DeploymentType.PREVIEW).build(), published())));
        }

        @Test
        @DisplayName("accepts production for a published Connector")
        void acceptsProduction() {
            assertEquals(DeploymentType.PRODUCTION, create(validDraft().type(DeploymentType.PRODUCTION).build(), published()).get().type());
        }

        @Test
        @DisplayName("refuses a private Connector in a project outside its private projects, but not a public one")
        void privateConnectorsOnlyInTheirProjects() {
            Either<Seq<ConnectError>, Deployment> refused = Deployments.create(validDraft().build(), published(), OTHER_PROJECT_KEY, ID, NOW);
            assertEquals(List.of(ErrorCode.AUTHORIZATION_ERROR), codes(refused));
            assertEquals("Access denied", refused.getLeft().head().message());
            assertEquals("The Connector id=" + SampleDeployments.staged().id() + " is private: project "
                    + "'other-project' did not create it and is not among its privateProjects. The project that created it "
                    + "can add 'other-project' with the addPrivateProject update action.",
                    refused.getLeft().head().fields().get("detailedErrorMessage"));
            DeployableConnector certified = DeployableConnector.published(
                    Connector.publishedFrom(SampleDeployments.staged(), 1, true), ConnectorAccess.sharedWith(List.of()));
            assertTrue(Deployments.create(validDraft().build(), certified, OTHER_PROJECT_KEY, ID, NOW).isRight());
        }

        @Test
        @DisplayName("refuses a reference to another version of the connector")
        void refusesOtherVersion() {
            DeploymentDraft draft = validDraft().connector(new ConnectorReference(null, "connector-key", 7L, null)).build();
            assertEquals(List.of(ErrorCode.CONNECTOR_REFERENCE_NOT_FOUND), codes(create(draft, published())));
        }

        @Test
        @DisplayName("refuses a region the connector does not support")
        void refusesRegion() {
            Either<Seq<ConnectError>, Deployment> result = create(validDraft().region(Region.AUSTRALIA_SOUTHEAST1_GCP).build(), published());
            assertEquals(List.of(ErrorCode.DEPLOYMENT_UNSUPPORTED_REGION), codes(result));
            assertEquals("Deployment unsupported region australia-southeast1.gcp", result.getLeft().head().message());
        }

        @Test
        @DisplayName("refuses a connector without applications")
        void refusesNoApplications() {
            DeployableConnector empty = DeployableConnector.staged(SampleDeployments.staged().withConfigurations(List.of())
                    .withGlobalConfiguration(null), SampleDeployments.CREATOR_PROJECT_KEY);
            DeploymentDraft draft = DeploymentDraft.builder().connectorKey("k").region(Region.EUROPE_WEST1_GCP).build();
            assertEquals(List.of(ErrorCode.DEPLOYMENT_APPLICATION_REQUIRED), codes(create(draft, empty)));
        }
    }

    @Nested
    @DisplayName("create checks required values")
    class RequiredValues {

        @Test
        @DisplayName("answers a missing required global key with DeploymentMissingGlobalConfigurationKey")
        void missingGlobal() {
            Either<Seq<ConnectError>, Deployment> result = create(validDraft().globalConfiguration(null).build(), published());
            assertEquals(List.of(ErrorCode.DEPLOYMENT_MISSING_GLOBAL_CONFIGURATION_KEY, ErrorCode.DEPLOYMENT_MISSING_GLOBAL_CONFIGURATION_KEY),
                    codes(result));
            assertEquals("Deployment global configuration requires standard with key CTP_REGION.", result.getLeft().get(0).message());
            assertEquals("Deployment global configuration requires secret with key CTP_CLIENT_SECRET.", result.getLeft().get(1).message());
        }

        @Test
        @DisplayName("answers an empty required global key with DeploymentEmptyRequiredGlobalConfigurationKey")
        void emptyGlobal() {
            DeploymentGlobalConfiguration blank = DeploymentGlobalConfiguration.empty().withStandard("CTP_REGION", " ")
                    .withSecured("CTP_CLIENT_SECRET", "");
            assertEquals(List.of(ErrorCode.DEPLOYMENT_EMPTY_REQUIRED_GLOBAL_CONFIGURATION_KEY,
                    ErrorCode.DEPLOYMENT_EMPTY_REQUIRED_GLOBAL_CONFIGURATION_KEY),
                    codes(create(validDraft().globalConfiguration(blank).build(), published())));
        }

        @Test
        @DisplayName("answers a required application key without value by naming it, and a default counts as a value")
        void missingApplicationKeys() {
            DeploymentDraft draft = DeploymentDraft.builder().connectorKey("k").region(Region.EUROPE_WEST1_GCP)
                    .globalConfiguration(validGlobal()).build();
            Either<Seq<ConnectError>, Deployment> result = create(draft, published());
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT, ErrorCode.INVALID_JSON_INPUT), codes(result));
            String details = details(result);
            assertTrue(details.contains("configurations[service].securedConfiguration.API_SECRET"), details);
            assertTrue(details.contains("configurations[nightly].standardConfiguration.BATCH_SIZE"), details);
            assertFalse(details.contains("API_URL"), details);
        }

        @Test
        @DisplayName("refuses a required application key given blank, standard or secured, as a global one is refused")
        void blankApplicationKeys() {
            DeploymentDraft draft = bareDraft()
                    .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", " "))
                    .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "")
                            .withSecured("DB_PASSWORD", DB_PASSWORD)).build();
            Either<Seq<ConnectError>, Deployment> result = create(draft, published());
            assertEquals(List.of(ErrorCode.INVALID_JSON_INPUT, ErrorCode.INVALID_JSON_INPUT), codes(result));
            String details = details(result);
            assertTrue(details.contains("configurations[service].securedConfiguration.API_SECRET"), details);
            assertTrue(details.contains("configurations[nightly].standardConfiguration.BATCH_SIZE"), details);
            assertTrue(details.contains("the required secret configuration key has an empty value"), details);
            assertTrue(details.contains("the required standard configuration key has an empty value"), details);
        }
    }
}
