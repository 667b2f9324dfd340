package io.connectstage.testkit;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.CertificationInfo;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.time.Instant;
import java.util.List;

/**
 * Fixed ConnectorStaged values for tests: one with every field set, one with only the required
 * ones. Times have millisecond precision, as the wire keeps them.
 *
 * <pre>{@code
 * store.insert(Connectors.fullyPopulated("5ab3edcd-9d23-4934-8f48-256805253119", "my-connector"));
 * }</pre>
 */
public final class Connectors {
    private Connectors() {
    }

    /** A connector with only what a ConnectorStaged must have; every optional field absent. */
    public static ConnectorStaged minimal(String id, String key) {
        return new ConnectorStaged(id, key, 1, "Connector's name", null, List.of(), Creator.ofEmail("john.doe@example.com"),
                new Repository("git@github.com:commercetools/connect-application-kit.git", "0.0.0"), List.of(), null,
                null, true, List.of(), List.of(), null, ConnectorStatus.DRAFT, null, false, false, IsPreviewable.NONE,
                null, null, null, null, null);
    }

    /**
     * A connector with every field set: reports with all kinds of entries, certification
     * comments, two configured applications, a global configuration and an API client.
     */
    public static ConnectorStaged fullyPopulated(String id, String key) {
        Instant first = Instant.parse("2023-08-08T12:20:31.143Z");
        Instant second = Instant.parse("2024-02-15T10:12:12.069Z");
        ConnectorReport publishing = new ConnectorReport(List.of(
                new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "Image security analysis check succeeded",
                        null, first, null),
                new ConnectorReportEntry(ConnectorReportEntryType.WARNING, "Deprecated runtime",
                        "node 16 is deprecated", first.plusMillis(1), "app-1"),
                new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Connector specification file not found",
                        "connect.yaml is missing at tag 1.2.3", second, null)));
        ConnectorReport previewable = new ConnectorReport(List.of(
                new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "SAST and SCA analysis check succeeded",
                        null, second, "app-2")));
        List<ConnectorConfigurationApplication> configurations = List.of(
                new ConnectorConfigurationApplication("app-1", ApplicationType.SERVICE,
                        List.of(new StandardConfigurationKey("CONFIG_KEY", "config key description", true,
                                        "config key default value"),
                                new StandardConfigurationKey("OPTIONAL_KEY", "optional, no default", null, null)),
                        List.of(new SecuredConfigurationKey("CONFIG_SECRET_KEY", "config secret description", true))),
                new ConnectorConfigurationApplication("nightly_job", ApplicationType.JOB,
                        List.of(new StandardConfigurationKey("BATCH_SIZE", "rows per batch", false, "500")),
                        List.of()));
        ConnectorGlobalConfiguration global = new ConnectorGlobalConfiguration(
                List.of(new StandardConfigurationKey("CTP_REGION", "the region", true, "europe-west1.gcp")),
                List.of(new SecuredConfigurationKey("CTP_CLIENT_SECRET", "the client secret", true)));
        CertificationInfo certification = new CertificationInfo(List.of(
                new CertificationInfoComment("project-key", first, "An example comment."),
                new CertificationInfoComment("other-project", second, "Ünïcödé, \"quotes\" and\nnewlines")));
        return new ConnectorStaged(id, key, 7, "Connector's name", "Connector's description",
                List.of(IntegrationType.PSP, IntegrationType.TAX, IntegrationType.OTHER),
                new Creator("Mr", "John Doe", "john.doe@example.com", "commercetools", 200,
                        "https://www.example.com/logo.png", "https://www.example.com/support"),
                new Repository("git@github.com:commercetools/connect-application-kit.git", "1.2.3"),
                configurations, global, new ConnectorApiClient(List.of("manage_orders", "view_products")),
                true, List.of("europe-west1.gcp:example-project-key", "us-central1.gcp:shop_42"),
                List.of(Region.US_CENTRAL1_GCP, Region.EUROPE_WEST1_GCP), certification, ConnectorStatus.PUBLISHED,
                publishing, true, true, IsPreviewable.TRUE, previewable, "https://www.example.com/documentation", true,
                Instant.parse("2023-03-16T09:00:00.000Z"), Instant.parse("2023-03-17T14:00:00.000Z"));
    }
}
