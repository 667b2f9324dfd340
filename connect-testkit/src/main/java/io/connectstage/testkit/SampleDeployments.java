package io.connectstage.testkit;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.deployment.ConnectorAccess;
import io.connectstage.deployment.DeployableConnector;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentGlobalConfiguration;
import io.connectstage.deployment.DeploymentLifecycle;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.Deployments;
import io.connectstage.error.ConnectError;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;

/** A connector with four applications and global keys, and drafts and deployments of it. */
public final class SampleDeployments {
    public static final String PROJECT_KEY = "example-project-key";
    public static final String PRIVATE_PROJECT = "europe-west1.gcp:" + PROJECT_KEY;
    public static final String OTHER_PROJECT_KEY = "other-project";
    /** The project that created {@link #staged()}: not among its private projects, yet always allowed. */
    public static final String CREATOR_PROJECT_KEY = "creator-project";
    public static final String ID = "13c72c44-7a8e-44f2-a570-b5e991f7021a";
    public static final Instant NOW = Instant.parse("2024-02-15T10:12:12.069Z");
    /** Secured values used in the samples: none of them may ever show in written JSON or an error. */
    public static final String API_SECRET = "s3cr3t-api-value-7f1c";
    public static final String CLIENT_SECRET = "s3cr3t-client-value-93ab";
    public static final String DB_PASSWORD = "s3cr3t-db-value-55e0";
    public static final List<String> SECRETS = List.of(API_SECRET, CLIENT_SECRET, DB_PASSWORD);

    private SampleDeployments() {
    }

    public static List<ConnectorConfigurationApplication> configurations() {
        return List.of(
                new ConnectorConfigurationApplication("service", ApplicationType.SERVICE,
                        List.of(new StandardConfigurationKey("API_URL", "the API", true, "https://api.example.com"),
                                new StandardConfigurationKey("LOG_LEVEL", "log level", null, null)),
                        List.of(new SecuredConfigurationKey("API_SECRET", "the API secret", true))),
                new ConnectorConfigurationApplication("events", ApplicationType.EVENT,
                        List.of(new StandardConfigurationKey("TOPIC_PREFIX", "prefix", false, "ct")), List.of()),
                new ConnectorConfigurationApplication("nightly", ApplicationType.JOB,
                        List.of(new StandardConfigurationKey("BATCH_SIZE", "batch size", true, null)),
                        List.of(new SecuredConfigurationKey("DB_PASSWORD", "database password", false))),
                new ConnectorConfigurationApplication("mc-app", ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION,
                        List.of(new StandardConfigurationKey("ENTRY_POINT", "entry point", false, null)), List.of()));
    }

    public static ConnectorGlobalConfiguration globalConfiguration() {
        return new ConnectorGlobalConfiguration(
                List.of(new StandardConfigurationKey("CTP_REGION", "region", true, null),
                        new StandardConfigurationKey("FEATURE_FLAG", "flag", false, "off")),
                List.of(new SecuredConfigurationKey("CTP_CLIENT_SECRET", "client secret", true)));
    }

    /** A previewable staged connector with the sample configurations, private to {@link #PRIVATE_PROJECT}. */
    public static ConnectorStaged staged() {
        return SampleConnectors.created()
                .withConfigurations(configurations())
                .withGlobalConfiguration(globalConfiguration())
                .withPrivateProjects(List.of(PRIVATE_PROJECT))
                .withSupportedRegions(List.of(Region.EUROPE_WEST1_GCP, Region.US_CENTRAL1_GCP))
                .withPreviewable(IsPreviewable.TRUE);
    }

    /** The private published Connector of {@link #staged()}. */
    public static DeployableConnector published() {
        ConnectorStaged staged = staged();
        return DeployableConnector.published(Connector.publishedFrom(staged, 1, false),
                new ConnectorAccess(CREATOR_PROJECT_KEY, staged.privateProjects()));
    }

    public static DeployableConnector previewable() {
        return DeployableConnector.staged(staged(), CREATOR_PROJECT_KEY);
    }

    public static DeploymentGlobalConfiguration validGlobal() {
        return DeploymentGlobalConfiguration.empty().withStandard("CTP_REGION", "europe-west1.gcp")
                .withSecured("CTP_CLIENT_SECRET", CLIENT_SECRET);
    }

    /** A draft that gives every required value of the sample connector. */
    public static DeploymentDraft.Builder validDraft() {
        return DeploymentDraft.builder()
                .key("my-deployment")
                .connectorKey(SampleConnectors.KEY)
                .region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", DB_PASSWORD).withSchedule("0 0 * * *"))
                .globalConfiguration(validGlobal());
    }

    public static Either<Seq<ConnectError>, Deployment> create(DeploymentDraft draft, DeployableConnector connector) {
        return Deployments.create(draft, connector, PROJECT_KEY, ID, NOW);
    }

    /** A queued sandbox Deployment of the published connector. */
    public static Deployment queued() {
        return create(validDraft().build(), published()).get();
    }

    /** {@link #queued()} moved to {@code status} along the edges of the table. */
    public static Deployment inStatus(DeploymentStatus status) {
        Deployment d = queued();
        return switch (status) {
            case QUEUED -> d;
            case DRAFT -> d.withStatus(DeploymentStatus.DRAFT);
            case DEPLOYING -> DeploymentLifecycle.startDeploying(d, NOW).get();
            case DEPLOYED -> DeploymentLifecycle.deployed(inStatus(DeploymentStatus.DEPLOYING), List.of(), NOW).get();
            case FAILED -> DeploymentLifecycle.failed(inStatus(DeploymentStatus.DEPLOYING), List.of(), NOW).get();
            case UNDEPLOYING -> DeploymentLifecycle.requestUndeploy(inStatus(DeploymentStatus.DEPLOYED), NOW).get();
            case UNDEPLOY_FAILED -> DeploymentLifecycle.undeployFailed(inStatus(DeploymentStatus.UNDEPLOYING), List.of(), NOW).get();
        };
    }
}
