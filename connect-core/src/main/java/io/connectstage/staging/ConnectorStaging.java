package io.connectstage.staging;

import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.rule.FieldRules;
import io.connectstage.rule.Limits;
import io.connectstage.rule.Resources;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;

/**
 * The functional core: a ConnectorStaged made from a draft, and an update request applied to one.
 * Pure: no clock, no ids, no I/O; both come in as arguments. Every error of the input is reported,
 * not only the first.
 *
 * <pre>{@code
 * ConnectorStaged created = ConnectorStaging.create(draft, "5ab3edcd-…", now).get();
 * Either<Seq<ConnectError>, ConnectorStaged> updated = ConnectorStaging.apply(created,
 *     ConnectorUpdate.of(1, new ConnectorSetNameAction("New name")), new UpdateContext(now, "my-project"));
 * }</pre>
 */
public final class ConnectorStaging {
    private ConnectorStaging() {
    }

    /**
     * The new ConnectorStaged for this draft, with this id, at version 1, created and last
     * modified at {@code now} (the time of the request): status {@code Draft},
     * {@code isPreviewable} {@code none}, private, not listed, no configurations yet (the analyzer
     * of the repository fills them in). Or every rule the draft breaks.
     */
    public static Either<Seq<ConnectError>, ConnectorStaged> create(ConnectorStagedDraft draft, String id, Instant now) {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(now, "now is null");
        Seq<ConnectError> errors = draftErrors(draft);
        if (!errors.isEmpty()) {
            return Either.left(errors);
        }
        return Either.right(new ConnectorStaged(id, draft.key(), 1, draft.name(), draft.description(),
                draft.integrationTypes(), draft.creator(), draft.repository(), java.util.List.of(), null, null,
                true, draft.privateProjects(), draft.supportedRegions(), null, ConnectorStatus.DRAFT, null,
                false, false, IsPreviewable.NONE, null, draft.documentationUrl(), null, now, now));
    }

    /** Every rule of the reference that this draft breaks, each naming its field. */
    public static Seq<ConnectError> draftErrors(ConnectorStagedDraft draft) {
        if (draft == null) {
            return List.of(ConnectError.invalidJson("the request body must be a ConnectorStagedDraft"));
        }
        java.util.List<ConnectError> errors = new ArrayList<>();
        errors.addAll(FieldRules.key("key", draft.key()).asJava());
        errors.addAll(FieldRules.required("name", draft.name()).asJava());
        errors.addAll(creatorErrors(draft.creator()).asJava());
        errors.addAll(repositoryErrors(draft.repository()).asJava());
        if (draft.integrationTypes() != null) {
            errors.addAll(FieldRules.noNullElements("integrationTypes", draft.integrationTypes()).asJava());
        }
        if (draft.supportedRegions() != null) {
            errors.addAll(FieldRules.noNullElements("supportedRegions", draft.supportedRegions()).asJava());
        }
        if (draft.privateProjects() != null) {
            errors.addAll(FieldRules.projectIdentifiers("privateProjects", draft.privateProjects()).asJava());
            errors.addAll(FieldRules.noDuplicates("privateProjects", draft.privateProjects()).asJava());
        }
        return List.ofAll(errors);
    }

    private static Seq<ConnectError> creatorErrors(Creator creator) {
        if (creator == null) {
            return List.of(ConnectError.requiredField("creator"));
        }
        return FieldRules.required("creator.email", creator.email())
                .appendAll(FieldRules.contributors("creator.noOfContributors", creator.noOfContributors(), true));
    }

    private static Seq<ConnectError> repositoryErrors(Repository repository) {
        if (repository == null) {
            return List.of(ConnectError.requiredField("repository"));
        }
        return FieldRules.required("repository.url", repository.url())
                .appendAll(FieldRules.required("repository.tag", repository.tag()));
    }

    /**
     * The update request applied to {@code current}, all or nothing: the changed connector at
     * version + 1, or every error of the request. A version that is not the current one answers
     * only {@code ConcurrentModification} (the actions were written against another state); so
     * does a connector whose publish is being processed, which cannot be updated until it
     * completes. More than {@link Limits#MAX_UPDATE_ACTIONS} actions are refused before any is
     * applied. Otherwise the actions are applied in order, each to the result of the ones
     * before it, and each error names its action ({@code actions[2].regions: …}); when the
     * request has errors of several HTTP statuses, only the 400 ones are answered (see
     * {@link io.connectstage.error.ErrorResponse#of(java.util.List)}). The changed
     * connector is last modified at {@code context.now()}. Time and memory are linear in the
     * number of actions.
     */
    public static Either<Seq<ConnectError>, ConnectorStaged> apply(
            ConnectorStaged current, ConnectorUpdate update, UpdateContext context) {
        Objects.requireNonNull(current, "current is null");
        Objects.requireNonNull(context, "context is null");
        if (update == null) {
            return Either.left(List.of(ConnectError.invalidJson("the update request is required")));
        }
        if (update.version() != current.version()) {
            return Either.left(List.of(ConnectError.concurrentModification(
                    Resources.describe(current), update.version(), current.version())));
        }
        if (current.status() == ConnectorStatus.PROCESSING) {
            return Either.left(List.of(processingConflict(current.id(), current.key(), current.version())));
        }
        java.util.List<ConnectorUpdateAction> actions = update.actions();
        if (actions.isEmpty()) {
            return Either.left(List.of(ConnectError.invalidField("actions", "must contain at least one update action")));
        }
        if (actions.size() > Limits.MAX_UPDATE_ACTIONS) {
            return Either.left(List.of(ConnectError.invalidField("actions", "at most " + Limits.MAX_UPDATE_ACTIONS
                    + " update actions are allowed per request, got " + actions.size())));
        }
        // one Changes takes every action's change, so the request copies the connector once
        ConnectorStaged.Changes next = current.changes();
        boolean changesPublishedData = false;
        java.util.List<ConnectError> errors = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ConnectorUpdateAction action = actions.get(i);
            if (action == null) {
                errors.add(ConnectError.requiredField("actions[" + i + "]"));
                continue;
            }
            if (next.status() == ConnectorStatus.PROCESSING) {
                errors.add(processingConflict(next.id(), next.key(), next.version()));
                continue;
            }
            // an action that changes nothing (a setRepository to the current repository) cannot make hasChanges true
            boolean changes = action.changes(next);
            Seq<ConnectError> found = action.writeTo(next, context);
            if (found.isEmpty()) {
                changesPublishedData |= changes && action.changesPublishedData();
            } else {
                String at = "actions[" + i + "]";
                for (ConnectError error : found) {
                    errors.add(error.under(at));
                }
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(List.ofAll(ErrorResponse.ofOneStatus(errors)));
        }
        // hasChanges has this one owner: exact against the production Connector when it is given,
        // else sticky once published data changed after a production version existed.
        boolean hasChanges = context.production() != null
                ? !context.production().sameDataAs(next)
                : next.hasChanges() || changesPublishedData && hasProductionVersion(current);
        return Either.right(next.version(current.version() + 1).hasChanges(hasChanges)
                .lastModifiedAt(context.now()).build());
    }

    /**
     * Whether a production Connector exists for this staged one, so that a change of its data
     * makes the two differ. A publish that succeeds sets {@code certified}, so it stays known
     * through a later publish that fails or waits for certification.
     */
    private static boolean hasProductionVersion(ConnectorStaged c) {
        return c.status() == ConnectorStatus.PUBLISHED || c.alreadyListed() || c.certified() != null;
    }

    private static ConnectError processingConflict(String id, String key, long version) {
        return ConnectError.stateConflict("The ConnectorStaged with " + Resources.describe(id, key)
                + " is being published and cannot be updated until the process completes.", version);
    }
}
