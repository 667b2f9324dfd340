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
 * <p>An action checks its own fields and the state it is applied to, and writes its change into
 * the connector's {@link ConnectorStaged.Changes} or answers every error it found. It never bumps
 * the version: a request does that once, in {@link io.connectstage.staging.ConnectorStaging#apply},
 * which writes all its actions into one {@code Changes} and builds the connector once.
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

    /**
     * This action's checks against the connector as {@code next} holds it, and, when they find
     * nothing, its change written into {@code next}; or every error found, and then {@code next}
     * is left as it was. A request writes all its actions into one {@code next}, so that it
     * copies the connector once.
     */
    Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context);

    /** This action applied to {@code current}, or the errors that prevent it. */
    default Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        ConnectorStaged.Changes next = current.changes();
        Seq<ConnectError> errors = writeTo(next, context);
        return errors.isEmpty() ? Either.right(next.build()) : Either.left(errors);
    }

    /**
     * Whether this action changes data that a publish copies to the production Connector, and so
     * can make {@code hasChanges} true (when {@link #changes} says it changes anything at all).
     */
    default boolean changesPublishedData() {
        return false;
    }

    /**
     * Whether applying this action to {@code current} changes anything; an action that changes
     * nothing (a {@code setRepository} to the current repository) leaves {@code hasChanges} as it was.
     */
    default boolean changes(ConnectorStaged.Changes current) {
        return true;
    }
}
