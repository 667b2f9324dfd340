package io.connectstage.staging;

import static io.connectstage.testkit.SampleConnectors.ID;
import static io.connectstage.testkit.SampleConnectors.USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.connectstage.json.ConnectJson;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("createdAt and lastModifiedAt")
class ConnectorTimesTest {
    private static final Instant CREATED = Instant.parse("2024-01-01T08:00:00.000Z");
    private static final Instant LATER = Instant.parse("2024-01-02T09:30:00.000Z");
    private static final Instant LATEST = Instant.parse("2024-01-03T10:45:00.000Z");

    private static ConnectorStaged created() {
        return ConnectorStaging.create(SampleConnectors.minimalDraft(), ID, CREATED).get();
    }

    private static ConnectorStaged applied(ConnectorStaged c, Instant at, io.connectstage.action.ConnectorUpdateAction... actions) {
        Either<Seq<ConnectError>, ConnectorStaged> result =
                ConnectorStaging.apply(c, ConnectorUpdate.of(c.version(), actions), new UpdateContext(at, USER_ID));
        assertTrue(result.isRight(), () -> "expected success, got " + result);
        return result.get();
    }

    @Nested
    @DisplayName("in the core")
    class Core {

        @Test
        @DisplayName("create sets both times to the time of the request")
        void createSetsBothTimes() {
            ConnectorStaged c = created();
            assertEquals(CREATED, c.createdAt());
            assertEquals(CREATED, c.lastModifiedAt());
        }

        @Test
        @DisplayName("an applied update moves lastModifiedAt to the request time and keeps createdAt")
        void updateMovesLastModifiedAt() {
            ConnectorStaged renamed = applied(created(), LATER, new ConnectorSetNameAction("Renamed"));
            assertEquals(CREATED, renamed.createdAt());
            assertEquals(LATER, renamed.lastModifiedAt());
        }

        @Test
        @DisplayName("a refused update changes no time")
        void refusedUpdateChangesNothing() {
            ConnectorStaged c = created();
            Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.apply(c,
                    ConnectorUpdate.of(1, new ConnectorSetNameAction(null)), new UpdateContext(LATER, USER_ID));
            assertTrue(result.isLeft());
            assertEquals(CREATED, c.lastModifiedAt());
        }

        @Test
        @DisplayName("every outcome move sets lastModifiedAt to the time it is given and keeps createdAt")
        void outcomeMovesSetLastModifiedAt() {
            ConnectorStaged processing = applied(created(), LATER, new ConnectorPublishAction(false));
            ConnectorStaged processingCert = applied(created(), LATER, new ConnectorPublishAction(true));
            ConnectorStaged pending = applied(created(), LATER, new ConnectorUpdatePreviewableAction());
            ConnectorStaged ready = ConnectorLifecycle.publishAnalysisSucceeded(processingCert, true,
                    SampleConnectors.successReport(), LATER).get();
            ConnectorStaged inCertification = ConnectorLifecycle.startCertification(ready, LATER).get();
            List<Either<ConnectError, ConnectorStaged>> outcomes = List.of(
                    ConnectorLifecycle.publishAnalysisSucceeded(processing, false, SampleConnectors.successReport(), LATEST),
                    ConnectorLifecycle.publishAnalysisSucceeded(processingCert, true, SampleConnectors.successReport(), LATEST),
                    ConnectorLifecycle.publishFailed(processing, SampleConnectors.failureReport(), LATEST),
                    ConnectorLifecycle.startCertification(ready, LATEST),
                    ConnectorLifecycle.approveCertification(inCertification, LATEST),
                    ConnectorLifecycle.rejectCertification(inCertification, SampleConnectors.failureReport(), LATEST),
                    ConnectorLifecycle.previewGranted(pending, SampleConnectors.successReport(), LATEST),
                    ConnectorLifecycle.previewRejected(pending, SampleConnectors.failureReport(), LATEST));
            for (Either<ConnectError, ConnectorStaged> outcome : outcomes) {
                assertTrue(outcome.isRight(), () -> "expected a move, got " + outcome);
                assertEquals(LATEST, outcome.get().lastModifiedAt());
                assertEquals(CREATED, outcome.get().createdAt());
            }
        }

        @Test
        @DisplayName("a refused outcome move changes no time")
        void refusedOutcomeChangesNothing() {
            ConnectorStaged draft = created();
            assertTrue(ConnectorLifecycle.approveCertification(draft, LATEST).isLeft());
            assertEquals(CREATED, draft.lastModifiedAt());
            assertEquals(ConnectorStatus.DRAFT, draft.status());
            assertEquals(IsPreviewable.NONE, draft.isPreviewable());
        }
    }

    @Nested
    @DisplayName("on the wire")
    class Wire {

        @Test
        @DisplayName("both times are written as UTC date-times with milliseconds and read back")
        void writtenAndReadBack() {
            ConnectorStaged renamed = applied(created(), LATER, new ConnectorSetNameAction("Renamed"));
            JsonNode tree = ConnectJson.toTree(renamed);
            assertEquals("2024-01-01T08:00:00.000Z", tree.get("createdAt").asText());
            assertEquals("2024-01-02T09:30:00.000Z", tree.get("lastModifiedAt").asText());
            assertEquals(renamed, ConnectJson.readStaged(ConnectJson.write(renamed)).get());
        }

        @Test
        @DisplayName("a ConnectorStaged without them (the reference's examples) reads, and writes without them")
        void absentTimesStayAbsent() {
            ConnectorStaged old = created().withCreatedAt(null).withLastModifiedAt(null);
            String json = ConnectJson.write(old);
            assertFalse(json.contains("createdAt"));
            assertFalse(json.contains("lastModifiedAt"));
            ConnectorStaged read = ConnectJson.readStaged(json).get();
            assertNull(read.createdAt());
            assertNull(read.lastModifiedAt());
        }
    }

    @Nested
    @DisplayName("as sort fields")
    class Sorting {

        @Test
        @DisplayName("sort=createdAt desc and sort=lastModifiedAt asc are understood, as the official CLI sends them")
        void parsesTheCliSortParameters() {
            assertEquals(Sort.desc(SortField.CREATED_AT), Sort.parse("createdAt desc").get());
            assertEquals(Sort.asc(SortField.LAST_MODIFIED_AT), Sort.parse("lastModifiedAt asc").get());
            assertEquals("createdAt", SortField.CREATED_AT.wireValue());
            assertEquals("lastModifiedAt", SortField.LAST_MODIFIED_AT.wireValue());
        }

        @Test
        @DisplayName("a query orders by the times, newest first with desc, connectors without a time first going up")
        void queryOrdersByTimes() {
            BiFunction<String, Instant, ConnectorStaged> at = (id, time) ->
                    ConnectorStaging.create(SampleConnectors.minimalDraft(), id, time).get();
            ConnectorStaged a = at.apply("a", LATER);
            ConnectorStaged b = at.apply("b", CREATED);
            ConnectorStaged c = at.apply("c", LATEST);
            ConnectorStaged none = at.apply("d", LATEST).withCreatedAt(null);
            Comparator<ConnectorStaged> newestFirst = ConnectorQuery.defaults()
                    .withSort(List.of(Sort.desc(SortField.CREATED_AT))).order();
            Comparator<ConnectorStaged> oldestFirst = ConnectorQuery.defaults()
                    .withSort(List.of(Sort.asc(SortField.CREATED_AT))).order();
            assertEquals(List.of("c", "a", "b", "d"), ids(Stream.of(a, b, c, none).sorted(newestFirst)));
            assertEquals(List.of("d", "b", "a", "c"), ids(Stream.of(a, b, c, none).sorted(oldestFirst)));
        }

        @Test
        @DisplayName("a search of published Connectors, which have no times, refuses them as InvalidQueryParam")
        void searchRefusesTimes() {
            Seq<ConnectError> errors = io.connectstage.store.ConnectorSearch.defaults()
                    .withSort(List.of(Sort.desc(SortField.LAST_MODIFIED_AT))).errors();
            assertEquals(1, errors.size());
            assertEquals("InvalidQueryParam", errors.head().code().wireValue());
        }

        private List<String> ids(Stream<ConnectorStaged> sorted) {
            return sorted.map(ConnectorStaged::id).collect(Collectors.toList());
        }
    }
}
