package io.connectstage.lifecycle;

import static io.connectstage.connector.ConnectorStatus.DRAFT;
import static io.connectstage.connector.ConnectorStatus.FAILED;
import static io.connectstage.connector.ConnectorStatus.IN_CERTIFICATION;
import static io.connectstage.connector.ConnectorStatus.PROCESSING;
import static io.connectstage.connector.ConnectorStatus.PUBLISHED;
import static io.connectstage.connector.ConnectorStatus.READY_FOR_CERTIFICATION;

import io.connectstage.action.Resources;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of a ConnectorStaged: which {@code status} and {@code isPreviewable} moves
 * exist, written down once as tables, and the functions that make them.
 *
 * <pre>
 * status                                              isPreviewable
 * DRAFT                 -> Processing (publish)        none    -> pending (updatePreviewable)
 * PUBLISHED             -> Processing (publish)        true    -> pending (updatePreviewable)
 * FAILED                -> Processing (publish)        false   -> pending (updatePreviewable)
 * PROCESSING            -> Published  (analysis ok, no certification)
 * PROCESSING            -> ReadyForCertification (analysis ok, certification)
 * PROCESSING            -> Failed     (analysis failed)   pending -> true  (preview granted)
 * READY_FOR_CERTIFICATION -> InCertification (desk starts)  pending -> false (preview rejected)
 * IN_CERTIFICATION       -> Published  (desk approves)
 * IN_CERTIFICATION       -> Failed     (desk rejects)
 * </pre>
 *
 * <p>The request moves ({@link #requestPublish}, {@link #requestPreview}, {@link #unlist}) are
 * made by update actions, which bump the version once per request. The outcome moves are made by
 * the processing of a request (the analyzer, the certification desk) and bump the version
 * themselves, since each is a change of its own, last modified at the {@code now} they are given; each settles one status only (an approval needs
 * {@code IN_CERTIFICATION}, even though the table also leads from {@code PROCESSING} to
 * {@code PUBLISHED}). A move the tables do not allow is an error value, never a silent no-op.
 */
public final class ConnectorLifecycle {

    /** Every allowed status move: from → the statuses it may go to. */
    public static final Map<ConnectorStatus, Set<ConnectorStatus>> STATUS_EDGES = statusEdges();

    /** Every allowed previewable move: from → the states it may go to. */
    public static final Map<IsPreviewable, Set<IsPreviewable>> PREVIEWABLE_EDGES = previewableEdges();

    private ConnectorLifecycle() {
    }

    private static Map<ConnectorStatus, Set<ConnectorStatus>> statusEdges() {
        Map<ConnectorStatus, Set<ConnectorStatus>> edges = new EnumMap<>(ConnectorStatus.class);
        edges.put(DRAFT, EnumSet.of(PROCESSING));
        edges.put(PUBLISHED, EnumSet.of(PROCESSING));
        edges.put(FAILED, EnumSet.of(PROCESSING));
        edges.put(PROCESSING, EnumSet.of(PUBLISHED, READY_FOR_CERTIFICATION, FAILED));
        edges.put(READY_FOR_CERTIFICATION, EnumSet.of(IN_CERTIFICATION));
        edges.put(IN_CERTIFICATION, EnumSet.of(PUBLISHED, FAILED));
        edges.replaceAll((from, to) -> Set.copyOf(to));
        return Map.copyOf(edges);
    }

    private static Map<IsPreviewable, Set<IsPreviewable>> previewableEdges() {
        return Map.of(
                IsPreviewable.NONE, Set.of(IsPreviewable.PENDING),
                IsPreviewable.TRUE, Set.of(IsPreviewable.PENDING),
                IsPreviewable.FALSE, Set.of(IsPreviewable.PENDING),
                IsPreviewable.PENDING, Set.of(IsPreviewable.TRUE, IsPreviewable.FALSE));
    }

    /** Whether the table has the status move {@code from → to}. */
    public static boolean allows(ConnectorStatus from, ConnectorStatus to) {
        return STATUS_EDGES.getOrDefault(from, Set.of()).contains(to);
    }

    /** Whether the table has the previewable move {@code from → to}. */
    public static boolean allows(IsPreviewable from, IsPreviewable to) {
        return PREVIEWABLE_EDGES.getOrDefault(from, Set.of()).contains(to);
    }

    // ---- request moves (update actions) ----

    /**
     * A publish request: status {@code PROCESSING}, and the last publishing report cleared. A
     * connector in certification answers {@code ConnectorStagedInCertification}; asking to certify
     * one that is certified and unchanged answers {@code ConnectorAlreadyCertified}.
     */
    public static Either<ConnectError, ConnectorStaged> requestPublish(ConnectorStaged c, boolean certification) {
        if (c.status() == READY_FOR_CERTIFICATION || c.status() == IN_CERTIFICATION) {
            return Either.left(ConnectError.inCertification());
        }
        if (certification && Boolean.TRUE.equals(c.certified()) && c.alreadyListed() && !c.hasChanges()) {
            return Either.left(ConnectError.alreadyCertified());
        }
        return move(c, PROCESSING).map(moved -> moved.withPublishingReport(null));
    }

    /**
     * A previewable request: {@code isPreviewable} becomes {@code pending} and the last report is
     * cleared. One already pending answers {@code ConnectorStagedPreviewRequestUnderProcess}.
     */
    public static Either<ConnectError, ConnectorStaged> requestPreview(ConnectorStaged c) {
        if (c.isPreviewable() == IsPreviewable.PENDING) {
            return Either.left(ConnectError.previewRequestUnderProcess());
        }
        return Either.right(c.withPreviewable(IsPreviewable.PENDING).withPreviewableReport(null));
    }

    /** Removes a listed Connector from listings; one that is not listed is a state conflict. */
    public static Either<ConnectError, ConnectorStaged> unlist(ConnectorStaged c) {
        if (!c.alreadyListed()) {
            return Either.left(ConnectError.stateConflict(
                    "The Connector with " + Resources.describe(c) + " is not listed, so it cannot be unlisted.",
                    c.version()));
        }
        return Either.right(c.withAlreadyListed(false));
    }

    // ---- outcome moves (processing and the certification desk); each bumps the version ----

    /**
     * The analysis of a publish request succeeded. Without certification the Connector is now
     * {@code PUBLISHED} for private use (private, not listed: "set to false to make the Connector private"), the staged
     * data equals the production data ({@code hasChanges} false), and {@code certified} is set
     * ({@code false} unless it was certified before), which records that a production Connector
     * exists; with certification it is {@code READY_FOR_CERTIFICATION}. Only a connector whose
     * publish is {@code PROCESSING} can settle so.
     */
    public static Either<ConnectError, ConnectorStaged> publishAnalysisSucceeded(
            ConnectorStaged c, boolean certification, ConnectorReport report, Instant now) {
        if (certification) {
            return settle(c, PROCESSING, READY_FOR_CERTIFICATION, now).map(s -> s.withPublishingReport(report));
        }
        return settle(c, PROCESSING, PUBLISHED, now).map(s -> s.withPublishingReport(report).withHasChanges(false)
                .withPrivate(true).withAlreadyListed(false).withCertified(Boolean.TRUE.equals(s.certified())));
    }

    /** The analysis of a publish request failed: {@code FAILED}, with the report that says why. */
    public static Either<ConnectError, ConnectorStaged> publishFailed(ConnectorStaged c, ConnectorReport report, Instant now) {
        return settle(c, PROCESSING, FAILED, now).map(s -> s.withPublishingReport(report));
    }

    /** The certification desk takes up a connector that is ready for certification. */
    public static Either<ConnectError, ConnectorStaged> startCertification(ConnectorStaged c, Instant now) {
        return settle(c, READY_FOR_CERTIFICATION, IN_CERTIFICATION, now);
    }

    /**
     * The certification desk approves: {@code PUBLISHED}, listed, certified, no longer private,
     * and equal to the production Connector.
     */
    public static Either<ConnectError, ConnectorStaged> approveCertification(ConnectorStaged c, Instant now) {
        return settle(c, IN_CERTIFICATION, PUBLISHED, now).map(s -> s.withAlreadyListed(true).withCertified(true).withPrivate(false)
                .withHasChanges(false));
    }

    /** The certification desk rejects: {@code FAILED}, with the report that says why. */
    public static Either<ConnectError, ConnectorStaged> rejectCertification(ConnectorStaged c, ConnectorReport report, Instant now) {
        return settle(c, IN_CERTIFICATION, FAILED, now).map(s -> s.withPublishingReport(report));
    }

    /** The preview analysis granted the previewable status. */
    public static Either<ConnectError, ConnectorStaged> previewGranted(ConnectorStaged c, ConnectorReport report, Instant now) {
        return settlePreview(c, IsPreviewable.TRUE, report, now);
    }

    /** The preview analysis rejected the previewable status; the report says why. */
    public static Either<ConnectError, ConnectorStaged> previewRejected(ConnectorStaged c, ConnectorReport report, Instant now) {
        return settlePreview(c, IsPreviewable.FALSE, report, now);
    }

    private static Either<ConnectError, ConnectorStaged> move(ConnectorStaged c, ConnectorStatus to) {
        if (!allows(c.status(), to)) {
            return Either.left(ConnectError.stateConflict("The ConnectorStaged with " + Resources.describe(c)
                    + " cannot move from status " + c.status() + " to " + to + ".", c.version()));
        }
        return Either.right(c.withStatus(to));
    }

    /**
     * An outcome move: only from the status whose process it settles ({@code from}), since an
     * edge of the table alone does not say which process ends (PROCESSING → FAILED is the
     * analysis, IN_CERTIFICATION → FAILED the desk).
     */
    private static Either<ConnectError, ConnectorStaged> settle(ConnectorStaged c, ConnectorStatus from, ConnectorStatus to,
            Instant now) {
        if (c.status() != from) {
            return Either.left(ConnectError.stateConflict("The ConnectorStaged with " + Resources.describe(c)
                    + " is in status " + c.status() + ", not " + from + ", so it cannot move to " + to + ".",
                    c.version()));
        }
        return move(c, to).map(s -> s.withVersion(c.version() + 1).withLastModifiedAt(now));
    }

    private static Either<ConnectError, ConnectorStaged> settlePreview(
            ConnectorStaged c, IsPreviewable to, ConnectorReport report, Instant now) {
        if (!allows(c.isPreviewable(), to)) {
            return Either.left(ConnectError.stateConflict("The ConnectorStaged with " + Resources.describe(c)
                    + " cannot move its previewable status from " + c.isPreviewable().wireValue() + " to " + to.wireValue()
                    + ".",
                    c.version()));
        }
        return Either.right(c.withPreviewable(to).withPreviewableReport(report).withVersion(c.version() + 1)
                .withLastModifiedAt(now));
    }
}
