package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * One update action of a ConnectorStaged: the 18 of the API reference and {@code setCreatorLogo}
 * from the RAML, one record each. The JSON discriminator is {@code action}; each record names its
 * value with {@code @JsonTypeName}.
 *
 * <p>An action checks its own fields and the state it is applied to, and answers with the changed
 * connector or with every error it found. It never bumps the version: a request does that once,
 * in {@link io.connectstage.staging.ConnectorStaging#apply}.
 *
 * <pre>{@code
 * Either<Seq<ConnectError>, ConnectorStaged> renamed =
 *     new ConnectorSetNameAction("New name").applyTo(staged, context);
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "action")
public sealed interface ConnectorUpdateAction permits
        ConnectorSetNameAction,
        ConnectorSetDescriptionAction,
        ConnectorSetRepositoryAction,
        ConnectorSetSupportedRegionsAction,
        ConnectorSetDocumentationUrlAction,
        ConnectorSetIntegrationTypesAction,
        ConnectorSetCreatorNameAction,
        ConnectorSetCreatorTitleAction,
        ConnectorSetCreatorEmailAction,
        ConnectorSetCreatorCompanyAction,
        ConnectorSetCreatorNoOfContributorsAction,
        ConnectorSetCreatorSupportUrlAction,
        ConnectorSetCreatorLogoAction,
        ConnectorAddPrivateProjectAction,
        ConnectorRemovePrivateProjectAction,
        ConnectorUpdatePreviewableAction,
        ConnectorPublishAction,
        ConnectorUnlistAction,
        ConnectorAddCertificationCommentAction {

    /** This action applied to {@code current}, or the errors that prevent it. */
    Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context);

    /**
     * Whether this action changes data that a publish copies to the production Connector, and so
     * can make {@code hasChanges} true. An application that answers {@code current} itself (the
     * same instance) changed nothing and leaves {@code hasChanges} as it was.
     */
    default boolean changesPublishedData() {
        return false;
    }
}
