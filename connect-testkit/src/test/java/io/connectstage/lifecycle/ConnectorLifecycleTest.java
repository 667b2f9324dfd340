package io.connectstage.lifecycle;

import static io.connectstage.connector.ConnectorStatus.DRAFT;
import static io.connectstage.connector.ConnectorStatus.FAILED;
import static io.connectstage.connector.ConnectorStatus.IN_CERTIFICATION;
import static io.connectstage.connector.ConnectorStatus.PROCESSING;
import static io.connectstage.connector.ConnectorStatus.PUBLISHED;
import static io.connectstage.connector.ConnectorStatus.READY_FOR_CERTIFICATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ConnectorLifecycle")
class ConnectorLifecycleTest {

    /** The status moves of the class documentation, written out independently of the code. */
    private static final Map<ConnectorStatus, Set<ConnectorStatus>> EXPECTED_STATUS_EDGES = Map.of(
            DRAFT, EnumSet.of(PROCESSING),
            PUBLISHED, EnumSet.of(PROCESSING),
            FAILED, EnumSet.of(PROCESSING),
            PROCESSING, EnumSet.of(PUBLISHED, READY_FOR_CERTIFICATION, FAILED),
            READY_FOR_CERTIFICATION, EnumSet.of(IN_CERTIFICATION),
            IN_CERTIFICATION, EnumSet.of(PUBLISHED, FAILED));

    private static final Map<IsPreviewable, Set<IsPreviewable>> EXPECTED_PREVIEWABLE_EDGES = Map.of(
            IsPreviewable.NONE, EnumSet.of(IsPreviewable.PENDING),
            IsPreviewable.TRUE, EnumSet.of(IsPreviewable.PENDING),
            IsPreviewable.FALSE, EnumSet.of(IsPreviewable.PENDING),
            IsPreviewable.PENDING, EnumSet.of(IsPreviewable.TRUE, IsPreviewable.FALSE));

    private static final ConnectorReport REPORT = SampleConnectors.successReport();
    private static final java.time.Instant NOW = SampleConnectors.NOW;

    private static ConnectorStaged in(ConnectorStatus status) {
        return SampleConnectors.inStatus(status);
    }

    private static ConnectorStaged previewable(IsPreviewable state) {
        return SampleConnectors.withPreviewable(SampleConnectors.created(), state);
    }

    /** The error of a move that must be refused: a ConcurrentModification at the current version. */
    private static ConnectError refused(ConnectorStaged c, Either<ConnectError, ConnectorStaged> result) {
        assertTrue(result.isLeft(), () -> "expected the move to be refused, got " + result);
        ConnectError error = result.getLeft();
        assertEquals(ErrorCode.CONCURRENT_MODIFICATION, error.code(), error::toString);
        assertEquals(c.version(), error.fields().get("currentVersion"));
        return error;
    }

    private static ConnectorStaged settled(ConnectorStaged before, Either<ConnectError, ConnectorStaged> result) {
        assertTrue(result.isRight(), () -> "expected the move to succeed, got " + result);
        assertEquals(before.version() + 1, result.get().version());
        return result.get();
    }

    @Nested
    @DisplayName("tables")
    class Tables {

        static Stream<ConnectorStatus[]> statusPairs() {
            return Arrays.stream(ConnectorStatus.values())
                    .flatMap(from -> Arrays.stream(ConnectorStatus.values()).map(to -> new ConnectorStatus[] {from, to}));
        }

        static Stream<IsPreviewable[]> previewablePairs() {
            return Arrays.stream(IsPreviewable.values())
                    .flatMap(from -> Arrays.stream(IsPreviewable.values()).map(to -> new IsPreviewable[] {from, to}));
        }

        @Test
        @DisplayName("allows exactly the documented status moves, for every (from, to) pair")
        void allowsExactlyDocumentedStatusMoves() {
            statusPairs().forEach(pair -> {
                ConnectorStatus from = pair[0];
                ConnectorStatus to = pair[1];
                boolean expected = EXPECTED_STATUS_EDGES.get(from).contains(to);
                assertEquals(expected, ConnectorLifecycle.allows(from, to), () -> from + " -> " + to);
                assertEquals(expected, ConnectorLifecycle.STATUS_EDGES.getOrDefault(from, Set.of()).contains(to),
                        () -> "STATUS_EDGES " + from + " -> " + to);
            });
        }

        @Test
        @DisplayName("allows exactly the documented previewable moves, for every (from, to) pair")
        void allowsExactlyDocumentedPreviewableMoves() {
            previewablePairs().forEach(pair -> {
                IsPreviewable from = pair[0];
                IsPreviewable to = pair[1];
                boolean expected = EXPECTED_PREVIEWABLE_EDGES.get(from).contains(to);
                assertEquals(expected, ConnectorLifecycle.allows(from, to), () -> from + " -> " + to);
                assertEquals(expected, ConnectorLifecycle.PREVIEWABLE_EDGES.getOrDefault(from, Set.of()).contains(to),
                        () -> "PREVIEWABLE_EDGES " + from + " -> " + to);
            });
        }

        @Test
        @DisplayName("no state stays where it is: there are no self-loops")
        void hasNoSelfLoops() {
            for (ConnectorStatus s : ConnectorStatus.values()) {
                assertFalse(ConnectorLifecycle.allows(s, s), s::toString);
            }
            for (IsPreviewable p : IsPreviewable.values()) {
                assertFalse(ConnectorLifecycle.allows(p, p), p::toString);
            }
        }

        @Test
        @DisplayName("the tables cannot be changed")
        void tablesAreUnmodifiable() {
            assertThrows(UnsupportedOperationException.class,
                    () -> ConnectorLifecycle.STATUS_EDGES.get(DRAFT).add(PUBLISHED));
            assertThrows(UnsupportedOperationException.class,
                    () -> ConnectorLifecycle.PREVIEWABLE_EDGES.put(IsPreviewable.NONE, Set.of()));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ConnectorStatus.class)
        @DisplayName("every status is reachable through the real lifecycle")
        void everyStatusIsReachable(ConnectorStatus status) {
            assertEquals(status, in(status).status());
        }
    }

    @Nested
    @DisplayName("publishAnalysisSucceeded without certification")
    class PublishAnalysisSucceeded {
        @Test
        @DisplayName("moves Processing to Published, stores the report and clears hasChanges")
        void publishesFromProcessing() {
            ConnectorStaged changed = SampleConnectors.applied(in(PUBLISHED), new ConnectorSetNameAction("v2"));
            ConnectorStaged processing = SampleConnectors.publishRequested(changed, false);
            assertTrue(processing.hasChanges());

            ConnectorStaged published = settled(processing,
                    ConnectorLifecycle.publishAnalysisSucceeded(processing, false, REPORT, NOW));

            assertEquals(PUBLISHED, published.status());
            assertEquals(REPORT, published.publishingReport());
            assertFalse(published.hasChanges());
            assertEquals("v2", published.name());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = ConnectorStatus.class, names = "PROCESSING", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every status but Processing")
        void refusedOutsideProcessing(ConnectorStatus from) {
            ConnectorStaged c = in(from);
            refused(c, ConnectorLifecycle.publishAnalysisSucceeded(c, false, REPORT, NOW));
        }
    }

    @Nested
    @DisplayName("publishAnalysisSucceeded with certification")
    class PublishAnalysisSucceededWithCertification {
        @Test
        @DisplayName("moves Processing to ReadyForCertification and stores the report")
        void readiesForCertification() {
            ConnectorStaged processing = SampleConnectors.publishRequested(SampleConnectors.created(), true);
            ConnectorStaged ready = settled(processing,
                    ConnectorLifecycle.publishAnalysisSucceeded(processing, true, REPORT, NOW));
            assertEquals(READY_FOR_CERTIFICATION, ready.status());
            assertEquals(REPORT, ready.publishingReport());
            assertFalse(ready.alreadyListed());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = ConnectorStatus.class, names = "PROCESSING", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every status but Processing")
        void refusedOutsideProcessing(ConnectorStatus from) {
            ConnectorStaged c = in(from);
            refused(c, ConnectorLifecycle.publishAnalysisSucceeded(c, true, REPORT, NOW));
        }
    }

    @Nested
    @DisplayName("publishFailed")
    class PublishFailed {
        @Test
        @DisplayName("moves Processing to Failed with the report that says why")
        void failsFromProcessing() {
            ConnectorStaged processing = in(PROCESSING);
            ConnectorReport why = SampleConnectors.failureReport();
            ConnectorStaged failed = settled(processing, ConnectorLifecycle.publishFailed(processing, why, NOW));
            assertEquals(FAILED, failed.status());
            assertEquals(why, failed.publishingReport());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = ConnectorStatus.class, names = "PROCESSING", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every status but Processing")
        void refusedOutsideProcessing(ConnectorStatus from) {
            ConnectorStaged c = in(from);
            refused(c, ConnectorLifecycle.publishFailed(c, REPORT, NOW));
        }
    }

    @Nested
    @DisplayName("startCertification")
    class StartCertification {
        @Test
        @DisplayName("moves ReadyForCertification to InCertification")
        void startsFromReady() {
            ConnectorStaged ready = in(READY_FOR_CERTIFICATION);
            ConnectorStaged started = settled(ready, ConnectorLifecycle.startCertification(ready, NOW));
            assertEquals(IN_CERTIFICATION, started.status());
            assertEquals(ready.publishingReport(), started.publishingReport());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = ConnectorStatus.class, names = "READY_FOR_CERTIFICATION", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every status but ReadyForCertification")
        void refusedOutsideReady(ConnectorStatus from) {
            ConnectorStaged c = in(from);
            refused(c, ConnectorLifecycle.startCertification(c, NOW));
        }
    }

    @Nested
    @DisplayName("approveCertification")
    class ApproveCertification {
        @Test
        @DisplayName("moves InCertification to Published: listed, certified, not private, without changes")
        void approvesFromInCertification() {
            ConnectorStaged inCertification = in(IN_CERTIFICATION);
            assertTrue(inCertification.isPrivate());

            ConnectorStaged approved = settled(inCertification, ConnectorLifecycle.approveCertification(inCertification, NOW));

            assertEquals(PUBLISHED, approved.status());
            assertTrue(approved.alreadyListed());
            assertEquals(Boolean.TRUE, approved.certified());
            assertFalse(approved.isPrivate());
            assertFalse(approved.hasChanges());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = ConnectorStatus.class, names = "IN_CERTIFICATION", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every status but InCertification")
        void refusedOutsideInCertification(ConnectorStatus from) {
            ConnectorStaged c = in(from);
            refused(c, ConnectorLifecycle.approveCertification(c, NOW));
        }
    }

    @Nested
    @DisplayName("rejectCertification")
    class RejectCertification {
        @Test
        @DisplayName("moves InCertification to Failed with the report that says why, still unlisted")
        void rejectsFromInCertification() {
            ConnectorStaged inCertification = in(IN_CERTIFICATION);
            ConnectorReport why = SampleConnectors.failureReport();
            ConnectorStaged rejected = settled(inCertification,
                    ConnectorLifecycle.rejectCertification(inCertification, why, NOW));
            assertEquals(FAILED, rejected.status());
            assertEquals(why, rejected.publishingReport());
            assertFalse(rejected.alreadyListed());
            assertNull(rejected.certified());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = ConnectorStatus.class, names = "IN_CERTIFICATION", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every status but InCertification")
        void refusedOutsideInCertification(ConnectorStatus from) {
            ConnectorStaged c = in(from);
            refused(c, ConnectorLifecycle.rejectCertification(c, REPORT, NOW));
        }
    }

    @Nested
    @DisplayName("previewGranted")
    class PreviewGranted {
        @Test
        @DisplayName("moves pending to true and stores the report")
        void grantsFromPending() {
            ConnectorStaged pending = previewable(IsPreviewable.PENDING);
            ConnectorStaged granted = settled(pending, ConnectorLifecycle.previewGranted(pending, REPORT, NOW));
            assertEquals(IsPreviewable.TRUE, granted.isPreviewable());
            assertEquals(REPORT, granted.previewableReport());
            assertEquals(pending.status(), granted.status());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = IsPreviewable.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every state but pending")
        void refusedOutsidePending(IsPreviewable from) {
            ConnectorStaged c = previewable(from);
            refused(c, ConnectorLifecycle.previewGranted(c, REPORT, NOW));
        }
    }

    @Nested
    @DisplayName("previewRejected")
    class PreviewRejected {
        @Test
        @DisplayName("moves pending to false and stores the report that says why")
        void rejectsFromPending() {
            ConnectorStaged pending = previewable(IsPreviewable.PENDING);
            ConnectorReport why = SampleConnectors.failureReport();
            ConnectorStaged rejected = settled(pending, ConnectorLifecycle.previewRejected(pending, why, NOW));
            assertEquals(IsPreviewable.FALSE, rejected.isPreviewable());
            assertEquals(why, rejected.previewableReport());
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = IsPreviewable.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
        @DisplayName("is refused from every state but pending")
        void refusedOutsidePending(IsPreviewable from) {
            ConnectorStaged c = previewable(from);
            refused(c, ConnectorLifecycle.previewRejected(c, REPORT, NOW));
        }
    }

    @Nested
    @DisplayName("request moves")
    class RequestMoves {
        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = ConnectorStatus.class, names = {"DRAFT", "PUBLISHED", "FAILED"})
        @DisplayName("requestPublish moves a publishable connector to Processing without bumping the version")
        void requestPublishFromPublishable(ConnectorStatus from) {
            ConnectorStaged c = in(from);
            ConnectorStaged next = ConnectorLifecycle.requestPublish(c, false).get();
            assertEquals(PROCESSING, next.status());
            assertNull(next.publishingReport());
            assertEquals(c.version(), next.version());
        }

        @Test
        @DisplayName("requestPublish refuses a connector already Processing")
        void requestPublishRefusedWhileProcessing() {
            ConnectorStaged c = in(PROCESSING);
            refused(c, ConnectorLifecycle.requestPublish(c, false));
        }

        @Test
        @DisplayName("requestPreview refuses a pending connector with ConnectorStagedPreviewRequestUnderProcess")
        void requestPreviewRefusedWhilePending() {
            assertEquals(ErrorCode.CONNECTOR_STAGED_PREVIEW_REQUEST_UNDER_PROCESS,
                    ConnectorLifecycle.requestPreview(previewable(IsPreviewable.PENDING)).getLeft().code());
        }

        @Test
        @DisplayName("the outcome moves never answer a silent no-op: each either changes the state or is an error")
        void outcomesNeverSilentNoOps() {
            List<Function<ConnectorStaged, Either<ConnectError, ConnectorStaged>>> outcomes = List.of(
                    c -> ConnectorLifecycle.publishAnalysisSucceeded(c, false, REPORT, NOW),
                    c -> ConnectorLifecycle.publishAnalysisSucceeded(c, true, REPORT, NOW),
                    c -> ConnectorLifecycle.publishFailed(c, REPORT, NOW),
                    c -> ConnectorLifecycle.startCertification(c, NOW),
                    c -> ConnectorLifecycle.approveCertification(c, NOW),
                    c -> ConnectorLifecycle.rejectCertification(c, REPORT, NOW),
                    c -> ConnectorLifecycle.previewGranted(c, REPORT, NOW),
                    c -> ConnectorLifecycle.previewRejected(c, REPORT, NOW));
            for (ConnectorStatus status : ConnectorStatus.values()) {
                for (IsPreviewable previewable : IsPreviewable.values()) {
                    if (status != DRAFT && previewable == IsPreviewable.NONE) {
                        continue;
                    }
                    ConnectorStaged c = SampleConnectors.inStatus(
                            SampleConnectors.withPreviewable(SampleConnectors.created(), previewable), status);
                    for (Function<ConnectorStaged, Either<ConnectError, ConnectorStaged>> outcome : outcomes) {
                        Either<ConnectError, ConnectorStaged> result = outcome.apply(c);
                        if (result.isRight()) {
                            ConnectorStaged next = result.get();
                            assertTrue(next.status() != c.status() || next.isPreviewable() != c.isPreviewable(),
                                    () -> "no-op from " + status + "/" + previewable);
                            assertTrue(ConnectorLifecycle.allows(c.status(), next.status())
                                    || ConnectorLifecycle.allows(c.isPreviewable(), next.isPreviewable()));
                        }
                    }
                }
            }
        }
    }
}
