package io.connectstage.bench;

import io.connectstage.action.ConnectorAddCertificationCommentAction;
import io.connectstage.action.ConnectorSetCreatorEmailAction;
import io.connectstage.action.ConnectorSetCreatorNameAction;
import io.connectstage.action.ConnectorSetCreatorNoOfContributorsAction;
import io.connectstage.action.ConnectorSetCreatorSupportUrlAction;
import io.connectstage.action.ConnectorSetDescriptionAction;
import io.connectstage.action.ConnectorSetDocumentationUrlAction;
import io.connectstage.action.ConnectorSetIntegrationTypesAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorSetSupportedRegionsAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.UpdateContext;
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
 * The inputs of the benchmarks, built once per trial: a ConnectorStaged with every optional field
 * set, so that a copy costs what it costs on a real connector, and requests that are valid for it.
 */
final class StagedFixture {
    static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123Z");
    static final UpdateContext CONTEXT = new UpdateContext(NOW, "certifier-project");

    private StagedFixture() {
    }

    /**
     * A published, listed and certified connector (so a change of its data sets
     * {@code hasChanges}), with every optional field of the record present.
     */
    static ConnectorStaged fullyPopulated() {
        Instant t = Instant.parse("2024-01-02T03:04:05.678Z");
        List<ConnectorConfigurationApplication> configurations = List.of(
                new ConnectorConfigurationApplication("service-app", ApplicationType.SERVICE,
                        List.of(new StandardConfigurationKey("CTP_REGION", "Region of the project", true, "europe-west1.gcp"),
                                new StandardConfigurationKey("LOG_LEVEL", "Log level", false, "info"),
                                new StandardConfigurationKey("TIMEOUT_MS", "Upstream timeout", null, "5000")),
                        List.of(new SecuredConfigurationKey("CTP_CLIENT_SECRET", "API client secret", true),
                                new SecuredConfigurationKey("PSP_API_KEY", "Key of the payment provider", true))),
                new ConnectorConfigurationApplication("event-app", ApplicationType.EVENT,
                        List.of(new StandardConfigurationKey("TOPIC", "Subscription topic", true, null)),
                        List.of(new SecuredConfigurationKey("WEBHOOK_SECRET", "Signing secret", false))),
                new ConnectorConfigurationApplication("nightly-job", ApplicationType.JOB,
                        List.of(new StandardConfigurationKey("SCHEDULE", "Cron expression", true, "0 3 * * *")),
                        List.of()),
                new ConnectorConfigurationApplication("mc-app", ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION,
                        List.of(new StandardConfigurationKey("ENTRY_POINT", "Entry point URI path", true, "psp-settings")),
                        List.of(new SecuredConfigurationKey("CLOUD_IDENTIFIER", "MC cloud identifier", true))));
        ConnectorGlobalConfiguration global = new ConnectorGlobalConfiguration(
                List.of(new StandardConfigurationKey("CTP_PROJECT_KEY", "Project key", true, null)),
                List.of(new SecuredConfigurationKey("CTP_CLIENT_ID", "API client id", true)));
        CertificationInfo certification = new CertificationInfo(List.of(
                new CertificationInfoComment("certifier-project", t, "Please add a README to every application."),
                new CertificationInfoComment("vendor-project", t.plusSeconds(3600), "Added, see tag 1.2.1."),
                new CertificationInfoComment("certifier-project", t.plusSeconds(7200), "Certified.")));
        ConnectorReport publishing = new ConnectorReport(List.of(
                new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "Publishing started",
                        "The repository was cloned.", t, null),
                new ConnectorReportEntry(ConnectorReportEntryType.WARNING, "Deprecated runtime",
                        "node 16 is deprecated", t.plusSeconds(10), "service-app"),
                new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "Published",
                        "The connector was published.", t.plusSeconds(20), null)));
        ConnectorReport previewable = new ConnectorReport(List.of(
                new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "Preview requested",
                        "The connector can be previewed.", t.plusSeconds(30), null),
                new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Lint failed",
                        "An earlier run failed on a missing README.", t.plusSeconds(40), "event-app")));
        return new ConnectorStaged(
                "7a5e1c8e-3b0f-4a7e-9c1d-2f6b8e4d9a01",
                "psp-connector",
                42,
                "PSP connector",
                "Payments through an external service provider.",
                List.of(IntegrationType.PSP, IntegrationType.OMS),
                new Creator("Mr", "John Doe", "john.doe@example.com", "commercetools", 12,
                        "https://example.com/logo.png", "https://example.com/support"),
                new Repository("git@github.com:commercetools/connect-payment-integration.git", "1.2.1"),
                configurations,
                global,
                new ConnectorApiClient(List.of("manage_payments", "view_orders", "manage_checkout_payment_intents")),
                true,
                List.of("europe-west1.gcp:shop-eu", "us-central1.gcp:shop-us", "europe-west1.gcp:shop-staging"),
                List.of(Region.EUROPE_WEST1_GCP, Region.US_CENTRAL1_GCP),
                certification,
                ConnectorStatus.PUBLISHED,
                publishing,
                true,
                false,
                IsPreviewable.TRUE,
                previewable,
                "https://docs.example.com/psp-connector",
                true,
                Instant.parse("2024-01-10T09:00:00.000Z"),
                Instant.parse("2024-02-01T12:30:00.000Z"));
    }

    /** A request with one {@code setName}, against the fixture's version. */
    static ConnectorUpdate setName(ConnectorStaged staged, String name) {
        return ConnectorUpdate.of(staged.version(), new ConnectorSetNameAction(name));
    }

    /** The values of one ten-action request; two variants so that consecutive operations differ. */
    record MixedValues(String name, String description, List<Region> regions, List<IntegrationType> integrationTypes,
            String creatorName, String creatorEmail, int contributors, String documentationUrl, String comment,
            String supportUrl) {

        static MixedValues variant(int i) {
            return i == 0
                    ? new MixedValues("PSP connector A", "Description A",
                            List.of(Region.EUROPE_WEST1_GCP, Region.US_CENTRAL1_GCP, Region.EU_CENTRAL_1_AWS),
                            List.of(IntegrationType.PSP, IntegrationType.TAX), "Jane Roe", "jane.roe@example.com", 7,
                            "https://docs.example.com/a", "Re-certification requested (A).", "https://example.com/help-a")
                    : new MixedValues("PSP connector B", "Description B",
                            List.of(Region.US_EAST_2_AWS, Region.AUSTRALIA_SOUTHEAST1_GCP),
                            List.of(IntegrationType.PSP, IntegrationType.ERP, IntegrationType.OMS), "Max Mustermann",
                            "max@example.com", 9, "https://docs.example.com/b", "Re-certification requested (B).",
                            "https://example.com/help-b");
        }

        /** These values as ten update actions in one request. */
        ConnectorUpdate request(long version) {
            return ConnectorUpdate.of(version,
                    new ConnectorSetNameAction(name),
                    new ConnectorSetDescriptionAction(description),
                    new ConnectorSetSupportedRegionsAction(regions),
                    new ConnectorSetIntegrationTypesAction(integrationTypes),
                    new ConnectorSetCreatorNameAction(creatorName),
                    new ConnectorSetCreatorEmailAction(creatorEmail),
                    new ConnectorSetCreatorNoOfContributorsAction(contributors),
                    new ConnectorSetDocumentationUrlAction(documentationUrl),
                    new ConnectorAddCertificationCommentAction(comment),
                    new ConnectorSetCreatorSupportUrlAction(supportUrl));
        }
    }
}
