package io.connectstage.testkit;

import io.connectstage.action.ConnectorAddCertificationCommentAction;
import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorRemovePrivateProjectAction;
import io.connectstage.action.ConnectorSetCreatorCompanyAction;
import io.connectstage.action.ConnectorSetCreatorEmailAction;
import io.connectstage.action.ConnectorSetCreatorLogoAction;
import io.connectstage.action.ConnectorSetCreatorNameAction;
import io.connectstage.action.ConnectorSetCreatorNoOfContributorsAction;
import io.connectstage.action.ConnectorSetCreatorSupportUrlAction;
import io.connectstage.action.ConnectorSetCreatorTitleAction;
import io.connectstage.action.ConnectorSetDescriptionAction;
import io.connectstage.action.ConnectorSetDocumentationUrlAction;
import io.connectstage.action.ConnectorSetIntegrationTypesAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorSetRepositoryAction;
import io.connectstage.action.ConnectorSetSupportedRegionsAction;
import io.connectstage.action.ConnectorUnlistAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
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
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.staging.ConnectorStaging;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;

/**
 * Sample ConnectorStaged values for tests: one with every field set, the smallest valid draft,
 * and connectors brought into a given status or previewable state through the real update
 * actions and lifecycle functions, so that a test never starts from a state the code cannot
 * reach.
 *
 * <pre>{@code
 * ConnectorStaged listed = SampleConnectors.certifiedAndListed();
 * ConnectorStaged pending = SampleConnectors.withPreviewable(SampleConnectors.created(), IsPreviewable.PENDING);
 * }</pre>
 */
public final class SampleConnectors {
    /** The id of the sample connectors, from the reference's examples. */
    public static final String ID = "5ab3edcd-9d23-4934-8f48-256805253119";
    public static final String KEY = "connector-key";
    /** A project identifier that matches the reference's pattern. */
    public static final String PROJECT = "europe-west1.gcp:example-project-key";
    public static final String OTHER_PROJECT = "us-central1.gcp:other-project";
    /** The time of every sample request. */
    public static final Instant NOW = Instant.parse("2024-02-15T10:12:12.069Z");
    /** The project key that signs sample requests. */
    public static final String USER_ID = "project-key";
    public static final UpdateContext CONTEXT = new UpdateContext(NOW, USER_ID);

    private SampleConnectors() {
    }

    /** The reference's example creator, with the two optional URLs as well. */
    public static Creator fullCreator() {
        return new Creator("Mr", "John Doe", "john.doe@example.com", "commercetools", 200,
                "https://www.example.com/logo.png", "https://www.example.com/support");
    }

    public static Repository repository() {
        return new Repository("git@github.com:commercetools/connect-application-kit.git", "0.0.0");
    }

    /** The smallest draft the API accepts: name, creator email and repository. */
    public static ConnectorStagedDraft minimalDraft() {
        return ConnectorStagedDraft.of("Connector's name", Creator.ofEmail("john.doe@example.com"), repository());
    }

    /** A draft with every field of ConnectorStagedDraft set. */
    public static ConnectorStagedDraft fullDraft() {
        return new ConnectorStagedDraft(KEY, "Connector's name", "Connector's description",
                List.of(IntegrationType.OTHER, IntegrationType.PSP), fullCreator(), repository(),
                List.of(Region.US_CENTRAL1_GCP, Region.EUROPE_WEST1_GCP), List.of(PROJECT),
                "https://www.example.com/my-connector/documentation");
    }

    /**
     * A ConnectorStaged with every field set, optional ones included: private with one project,
     * status {@code Draft} (never published, so {@code certified} is absent), previewable {@code true},
     * with reports, certification comments,
     * configurations, a global configuration and an API client. Version 7, so that tests do not
     * lean on version 1.
     */
    public static ConnectorStaged fullyPopulated() {
        return new ConnectorStaged(ID, KEY, 7, "Connector's name", "Connector's description",
                List.of(IntegrationType.OTHER, IntegrationType.PSP), fullCreator(), repository(),
                List.of(configuration()), globalConfiguration(), new ConnectorApiClient(List.of("manage_orders")),
                true, List.of(PROJECT), List.of(Region.US_CENTRAL1_GCP, Region.EUROPE_WEST1_GCP),
                new CertificationInfo(List.of(new CertificationInfoComment(USER_ID,
                        Instant.parse("2023-03-17T14:00:00.000Z"), "An example comment."))),
                ConnectorStatus.DRAFT,
                report(ConnectorReportEntryType.ERROR, "Connector specification file not found"),
                false, false, IsPreviewable.TRUE,
                report(ConnectorReportEntryType.INFORMATION, "Image security analysis check succeeded"),
                "https://www.example.com/my-connector/documentation", null, null, null);
    }

    public static ConnectorConfigurationApplication configuration() {
        return new ConnectorConfigurationApplication("app-1", ApplicationType.SERVICE,
                List.of(new StandardConfigurationKey("CONFIG_KEY", "config key description", true,
                        "config default value")),
                List.of(new SecuredConfigurationKey("CONFIG_SECRET_KEY", "config secret description", true)));
    }

    public static ConnectorGlobalConfiguration globalConfiguration() {
        return new ConnectorGlobalConfiguration(
                List.of(new StandardConfigurationKey("GLOBAL_KEY", "global key description", false, "value")),
                List.of(new SecuredConfigurationKey("GLOBAL_SECRET", "global secret description", true)));
    }

    /** A report with one entry of this type and title, made at {@link #NOW}. */
    public static ConnectorReport report(ConnectorReportEntryType type, String title) {
        return new ConnectorReport(List.of(new ConnectorReportEntry(type, title, null, NOW, null)));
    }

    /** A report of a check that succeeded. */
    public static ConnectorReport successReport() {
        return report(ConnectorReportEntryType.INFORMATION, "Connector specification file validation check succeeded");
    }

    /** A report of a check that failed. */
    public static ConnectorReport failureReport() {
        return report(ConnectorReportEntryType.ERROR, "Connector specification file not found");
    }

    /** {@link #minimalDraft()} created with {@link #ID}: version 1, status {@code Draft}. */
    public static ConnectorStaged created() {
        return ok(ConnectorStaging.create(minimalDraft(), ID, NOW));
    }

    /** {@link #fullDraft()} created with {@link #ID}. */
    public static ConnectorStaged createdFromFullDraft() {
        return ok(ConnectorStaging.create(fullDraft(), ID, NOW));
    }

    /** One valid instance of every update action, in the order of the sealed interface. */
    public static List<ConnectorUpdateAction> oneOfEachAction() {
        return List.of(
                new ConnectorSetNameAction("New Connector name"),
                new ConnectorSetDescriptionAction("New description of the Connector."),
                new ConnectorSetRepositoryAction("git@github.com:commercetools/other.git", "1.0.0"),
                new ConnectorSetSupportedRegionsAction(List.of(Region.AUSTRALIA_SOUTHEAST1_GCP)),
                new ConnectorSetDocumentationUrlAction("https://www.example.com/other/documentation"),
                new ConnectorSetIntegrationTypesAction(List.of(IntegrationType.PROMOTION)),
                new ConnectorSetCreatorNameAction("Jane Doe"),
                new ConnectorSetCreatorTitleAction("Ms"),
                new ConnectorSetCreatorEmailAction("new-email-address@example.com"),
                new ConnectorSetCreatorCompanyAction("New name of company"),
                new ConnectorSetCreatorNoOfContributorsAction(123),
                new ConnectorSetCreatorSupportUrlAction("https://www.example.com/other-support"),
                new ConnectorSetCreatorLogoAction("https://www.example.com/other-logo.png"),
                new ConnectorAddPrivateProjectAction(OTHER_PROJECT),
                new ConnectorRemovePrivateProjectAction(PROJECT),
                new ConnectorUpdatePreviewableAction(),
                new ConnectorPublishAction(false),
                new ConnectorUnlistAction(),
                new ConnectorAddCertificationCommentAction("The comment to add."));
    }

    // ---- requests ----

    /** The update request of these actions against the current version of {@code c}. */
    public static ConnectorUpdate update(ConnectorStaged c, ConnectorUpdateAction... actions) {
        return ConnectorUpdate.of(c.version(), actions);
    }

    /** These actions applied to {@code c} in one request at its current version; they must succeed. */
    public static ConnectorStaged applied(ConnectorStaged c, ConnectorUpdateAction... actions) {
        return ok(ConnectorStaging.apply(c, update(c, actions), CONTEXT));
    }

    /** The errors of applying these actions to {@code c} at its current version; they must fail. */
    public static Seq<ConnectError> rejected(ConnectorStaged c, ConnectorUpdateAction... actions) {
        Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.apply(c, update(c, actions), CONTEXT);
        if (result.isRight()) {
            throw new AssertionError("expected the request to be rejected, but it gave " + result.get());
        }
        return result.getLeft();
    }

    // ---- states, reached through the real lifecycle ----

    /** {@link #created()} brought into this status. */
    public static ConnectorStaged inStatus(ConnectorStatus status) {
        return inStatus(created(), status);
    }

    /**
     * {@code base} brought into this status by publish requests and their outcomes. For
     * {@code Draft}, {@code base} must be a draft already (nothing leads back to it); for any
     * other status it must be one a publish may start from ({@code Draft}, {@code Published} or
     * {@code Failed}).
     */
    public static ConnectorStaged inStatus(ConnectorStaged base, ConnectorStatus status) {
        switch (status) {
            case DRAFT:
                if (base.status() != ConnectorStatus.DRAFT) {
                    throw new IllegalArgumentException("no move leads back to Draft from " + base.status());
                }
                return base;
            case PROCESSING:
                return publishRequested(base, false);
            case PUBLISHED:
                return ok(ConnectorLifecycle.publishAnalysisSucceeded(publishRequested(base, false), false,
                        successReport(), NOW));
            case FAILED:
                return ok(ConnectorLifecycle.publishFailed(publishRequested(base, false), failureReport(), NOW));
            case READY_FOR_CERTIFICATION:
                return ok(ConnectorLifecycle.publishAnalysisSucceeded(publishRequested(base, true), true,
                        successReport(), NOW));
            case IN_CERTIFICATION:
                return ok(ConnectorLifecycle.startCertification(inStatus(base, ConnectorStatus.READY_FOR_CERTIFICATION), NOW));
            default:
                throw new IllegalArgumentException("unknown status " + status);
        }
    }

    /** {@code base} with a publish request applied: status {@code Processing}. */
    public static ConnectorStaged publishRequested(ConnectorStaged base, boolean certification) {
        return applied(base, new ConnectorPublishAction(certification));
    }

    /** {@link #created()} published with certification and approved: Published, listed, certified, public. */
    public static ConnectorStaged certifiedAndListed() {
        return certifiedAndListed(created());
    }

    /** {@code base} published with certification and approved by the certification desk. */
    public static ConnectorStaged certifiedAndListed(ConnectorStaged base) {
        return ok(ConnectorLifecycle.approveCertification(inStatus(base, ConnectorStatus.IN_CERTIFICATION), NOW));
    }

    /**
     * {@code base} brought into this previewable state by a preview request and its outcome. For
     * {@code none}, {@code base} must not have asked for a preview yet (nothing leads back to it).
     */
    public static ConnectorStaged withPreviewable(ConnectorStaged base, IsPreviewable previewable) {
        switch (previewable) {
            case NONE:
                if (base.isPreviewable() != IsPreviewable.NONE) {
                    throw new IllegalArgumentException("no move leads back to none from " + base.isPreviewable());
                }
                return base;
            case PENDING:
                return applied(base, new ConnectorUpdatePreviewableAction());
            case TRUE:
                return ok(ConnectorLifecycle.previewGranted(withPreviewable(base, IsPreviewable.PENDING),
                        successReport(), NOW));
            case FALSE:
                return ok(ConnectorLifecycle.previewRejected(withPreviewable(base, IsPreviewable.PENDING),
                        failureReport(), NOW));
            default:
                throw new IllegalArgumentException("unknown previewable state " + previewable);
        }
    }

    private static <L> ConnectorStaged ok(Either<L, ConnectorStaged> result) {
        if (result.isLeft()) {
            throw new AssertionError("expected success, got " + result.getLeft());
        }
        return result.get();
    }
}
