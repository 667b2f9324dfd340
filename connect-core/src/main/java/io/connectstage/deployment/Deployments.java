package io.connectstage.deployment;

import io.connectstage.connector.ConnectorReference;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;

/**
 * The functional core of Deployments: one made from a draft, and an update request applied to
 * one. Pure: no clock, no ids, no I/O; they come in as arguments. Every error of a request is
 * reported, not only the first.
 *
 * <pre>{@code
 * Either<Seq<ConnectError>, Deployment> created =
 *     Deployments.create(draft, DeployableConnector.published(connector, access), "my-project", id, now);
 * Either<Seq<ConnectError>, Deployment> queued =
 *     Deployments.apply(created.get(), DeploymentUpdate.of(1, DeploymentRedeployAction.keepingValues()),
 *         DeploymentUpdateContext.at(now));
 * }</pre>
 */
public final class Deployments {
    private Deployments() {
    }

    /**
     * The new Deployment of {@code draft} into project {@code projectKey}, with this id, at
     * version 1, {@code Queued} with its first build, created and last modified at {@code now}; or every rule the request breaks:
     * <ul>
     * <li>the draft's own fields ({@code InvalidJsonInput}, {@code DuplicateField});</li>
     * <li>the reference's {@code version}, when given, is the connector's
     *     ({@code ConnectorReferenceNotFound});</li>
     * <li>the type fits the connector: only {@code preview} for a staged one (the default),
     *     {@code sandbox} (the default) or {@code production} for a published one
     *     ({@code DeploymentInvalidType});</li>
     * <li>a {@code preview} needs {@code isPreviewable} {@code true}
     *     ({@code ConnectorStagedNotPreviewable}); a {@code preview}, and any Deployment of a
     *     private published Connector, needs a project the connector's {@link ConnectorAccess}
     *     allows: the project that created it or one of its {@code privateProjects}
     *     ({@code AuthorizationError} naming the reason);</li>
     * <li>the region is one the connector supports, when it names any ({@code DeploymentUnsupportedRegion});</li>
     * <li>the connector has an application ({@code DeploymentApplicationRequired}), every
     *     application and key named exists ({@code DeploymentUnknownApplicationConfiguration},
     *     {@code …Key}, {@code DeploymentUnknownGlobalConfigurationKey}), every required key has a
     *     non-empty value ({@code DeploymentMissingGlobalConfigurationKey},
     *     {@code DeploymentEmptyRequiredGlobalConfigurationKey}; for an application's key, which
     *     has no code of its own, {@code InvalidJsonInput} naming it), a {@code schedule} only for
     *     a job, as a cron expression.</li>
     * </ul>
     * Defaults fill the standard keys left out; every application of the connector is deployed.
     */
    public static Either<Seq<ConnectError>, Deployment> create(
            DeploymentDraft draft, DeployableConnector connector, String projectKey, String id, Instant now) {
        Objects.requireNonNull(connector, "connector is null");
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(now, "now is null");
        if (draft == null) {
            return Either.left(List.of(ConnectError.invalidJson("the request body must be a DeploymentDraft")));
        }
        java.util.List<ConnectError> errors = new ArrayList<>(FieldRules.key("key", draft.key()).toJavaList());
        ConnectorReference reference = draft.connector();
        if (reference == null) {
            errors.add(ConnectError.requiredField("connector"));
        } else if (reference.id() == null && reference.key() == null) {
            errors.add(ConnectError.invalidField("connector", "needs an id or a key"));
        }
        Region region = draft.region();
        if (region == null) {
            errors.add(ConnectError.requiredField("region"));
        }
        java.util.List<DeploymentConfigurationApplication> given = draft.configurations();
        if (given == null) {
            errors.add(ConnectError.requiredField("configurations"));
            given = java.util.List.of();
        }
        errors.addAll(Configurations.shapeErrors("configurations", given));
        DeploymentGlobalConfiguration givenGlobal = draft.globalConfiguration();
        if (givenGlobal != null) {
            errors.addAll(Configurations.valueShapeErrors("globalConfiguration",
                    givenGlobal.standardConfiguration(), givenGlobal.securedConfiguration()));
        }
        if (reference != null && reference.version() != null && reference.version() != connector.version()) {
            errors.add(DeploymentErrors.connectorReferenceNotFound(
                    reference.key() != null ? reference.key() : reference.id(), reference.version()));
        }
        DeploymentType type = draft.type() != null ? draft.type()
                : connector.isStaged() ? DeploymentType.PREVIEW : DeploymentType.SANDBOX;
        errors.addAll(accessErrors(connector, type, projectKey));
        if (region != null && !connector.supportedRegions().isEmpty() && !connector.supportedRegions().contains(region)) {
            errors.add(DeploymentErrors.unsupportedRegion(region));
        }
        if (connector.configurations().isEmpty()) {
            errors.add(DeploymentErrors.applicationRequired());
        }
        Configurations.Resolved resolved = Configurations.create(connector.configurations(), connector.globalConfiguration(),
                given, givenGlobal, id);
        errors.addAll(resolved.errors());
        if (!errors.isEmpty()) {
            return Either.left(List.ofAll(errors));
        }
        Deployment created = Deployment.builder()
                .id(id)
                .key(draft.key())
                .version(1)
                .type(type)
                .connector(DeploymentConnector.of(connector))
                .globalConfiguration(resolved.global())
                .details(new DeploymentDetails(DeploymentDetailsBuild.of(DeploymentLifecycle.buildId(id, 0))
                        .withEntry(DeploymentLifecycle.info(now, "Deployment queued"))))
                .deployedRegion(region)
                .applications(resolved.applications())
                .status(DeploymentStatus.QUEUED)
                .createdAt(now)
                .lastModifiedAt(now)
                .build();
        return Either.right(created);
    }

    private static java.util.List<ConnectError> accessErrors(DeployableConnector c, DeploymentType type, String projectKey) {
        java.util.List<ConnectError> errors = new ArrayList<>();
        boolean allowed = c.access().allows(projectKey);
        if (c.isStaged()) {
            if (type != DeploymentType.PREVIEW) {
                errors.add(DeploymentErrors.invalidType(c.describe(), type, "'preview'"));
                return errors;
            }
            if (c.isPreviewable() != IsPreviewable.TRUE) {
                errors.add(DeploymentErrors.notPreviewable(c.describe(), c.version()));
            }
            if (!allowed) {
                errors.add(DeploymentErrors.previewAccessDenied(c.describe(), projectKey));
            }
            return errors;
        }
        if (type == DeploymentType.PREVIEW) {
            errors.add(DeploymentErrors.invalidType(c.describe(), type, "'sandbox' or 'production'"));
        }
        if (c.isPrivate() && !allowed) {
            errors.add(DeploymentErrors.accessDenied(c.describe(), projectKey));
        }
        return errors;
    }

    /**
     * The update request applied to {@code current}, all or nothing: the changed Deployment at
     * version + 1, last modified at the context's time, or every error of the request. A version that is not the current one answers
     * only {@code ConcurrentModification}; otherwise the actions are applied in order, each to the
     * result of the ones before it, and each error names its action ({@code actions[0]…}).
     */
    public static Either<Seq<ConnectError>, Deployment> apply(
            Deployment current, DeploymentUpdate update, DeploymentUpdateContext context) {
        Objects.requireNonNull(current, "current is null");
        Objects.requireNonNull(context, "context is null");
        if (update == null) {
            return Either.left(List.of(ConnectError.invalidJson("the request body must be a DeploymentUpdate")));
        }
        if (update.version() != current.version()) {
            return Either.left(List.of(ConnectError.concurrentModification(
                    current.describe(), update.version(), current.version())));
        }
        if (update.actions().isEmpty()) {
            return Either.left(List.of(ConnectError.invalidField("actions", "must contain at least one update action")));
        }
        Deployment next = current;
        Seq<ConnectError> errors = List.empty();
        for (int i = 0; i < update.actions().size(); i++) {
            DeploymentUpdateAction action = update.actions().get(i);
            String at = "actions[" + i + "]";
            if (action == null) {
                errors = errors.append(ConnectError.requiredField(at));
                continue;
            }
            Either<Seq<ConnectError>, Deployment> result = action.applyTo(next, context);
            if (result.isRight()) {
                next = result.get();
            } else {
                errors = errors.appendAll(result.getLeft().map(e -> e.under(at)));
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(errors);
        }
        return Either.right(next.toBuilder().version(current.version() + 1).lastModifiedAt(context.now()).build());
    }
}
