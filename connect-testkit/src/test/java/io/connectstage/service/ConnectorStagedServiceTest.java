package io.connectstage.service;

import static io.connectstage.testkit.ConnectAssertions.fieldOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorAddCertificationCommentAction;
import io.connectstage.action.ConnectorSetIntegrationTypesAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import io.connectstage.resource.ResourceRef;
import io.connectstage.staging.ConnectorStaging;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.Sort;
import io.connectstage.testkit.SampleConnectors;
import io.connectstage.testkit.SimpleConnectorStore;
import io.connectstage.testkit.SimplePublishedConnectorStore;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ConnectorStagedService over connect-core's test store")
class ConnectorStagedServiceTest {
    private static final Instant NOW = Instant.parse("2024-02-15T10:12:12.069Z");

    private ConnectorStore store;
    private ConnectorStagedService service;

    @BeforeEach
    void setUp() {
        store = new SimpleConnectorStore();
        AtomicInteger counter = new AtomicInteger();
        service = ConnectorStagedService.builder(store)
                .clock(Clock.fixed(NOW.plusNanos(123_456), ZoneOffset.UTC))
                .ids(() -> String.format("id-%03d", counter.incrementAndGet()))
                .projectKey("my-project")
                .build();
    }

    private static <T> T ok(Either<ErrorResponse, T> result) {
        assertTrue(result.isRight(), () -> "expected success, got " + result);
        return result.get();
    }

    private static ErrorResponse failed(Either<ErrorResponse, ?> result) {
        assertTrue(result.isLeft(), () -> "expected an error, got " + result);
        return result.getLeft();
    }

    private static ConnectError onlyError(ErrorResponse response, ErrorCode code, int status) {
        assertEquals(1, response.errors().size(), response::toString);
        ConnectError error = response.errors().get(0);
        assertEquals(code, error.code(), response::toString);
        assertEquals(status, response.statusCode());
        assertEquals(error.message(), response.message());
        return error;
    }

    private static ConnectorStagedDraft draft(String key, String name) {
        ConnectorStagedDraft minimal = SampleConnectors.minimalDraft();
        return ConnectorStagedDraft.of(name, minimal.creator(), minimal.repository()).withKey(key);
    }

    private ConnectorStaged create(String key, String name) {
        return ok(service.create(draft(key, name)));
    }

    @Nested
    @DisplayName("create and get")
    class CreateAndGet {
        @Test
        @DisplayName("a created connector has the supplied id and is found by id and by key")
        void createsAndFindsByIdAndKey() {
            ConnectorStaged created = ok(service.create(SampleConnectors.fullDraft()));

            assertEquals("id-001", created.id());
            assertEquals(1, created.version());
            assertEquals(created, ok(service.get(ResourceRef.id("id-001"))));
            assertEquals(created, ok(service.get(ResourceRef.key(SampleConnectors.KEY))));
        }

        @Test
        @DisplayName("a connector without a key is found by id")
        void createsWithoutKey() {
            ConnectorStaged created = ok(service.create(SampleConnectors.minimalDraft()));
            assertEquals(created, ok(service.get(ResourceRef.id(created.id()))));
        }

        @Test
        @DisplayName("a duplicate key answers DuplicateField (400) and stores nothing")
        void rejectsDuplicateKey() {
            ConnectorStaged first = ok(service.create(SampleConnectors.fullDraft()));

            ConnectError error = onlyError(failed(service.create(SampleConnectors.fullDraft().withDescription("other"))),
                    ErrorCode.DUPLICATE_FIELD, 400);

            assertEquals("key", error.fields().get("field"));
            assertEquals(SampleConnectors.KEY, error.fields().get("duplicateValue"));
            assertEquals(first, ok(service.get(ResourceRef.key(SampleConnectors.KEY))));
            assertEquals(1, ok(service.query(ConnectorQuery.defaults())).total());
            assertTrue(store.findById("id-002").isEmpty());
        }

        @Test
        @DisplayName("an invalid draft answers every broken rule (400) and stores nothing")
        void rejectsInvalidDraft() {
            ConnectorStagedDraft bad = SampleConnectors.minimalDraft().withKey("x")
                    .withPrivateProjects(List.of("nope"));
            ErrorResponse response = failed(service.create(bad));
            assertEquals(400, response.statusCode());
            assertEquals(List.of("key", "privateProjects[0]"), response.errors().stream().map(e -> fieldOf(e)).toList());
            assertEquals(0, ok(service.query(ConnectorQuery.defaults())).total());
        }

        @Test
        @DisplayName("an unknown id or key answers ResourceNotFound (404)")
        void answersNotFoundForUnknown() {
            onlyError(failed(service.get(ResourceRef.id("nope"))), ErrorCode.RESOURCE_NOT_FOUND, 404);
            onlyError(failed(service.get(ResourceRef.key("nope"))), ErrorCode.RESOURCE_NOT_FOUND, 404);
        }
    }

    @Nested
    @DisplayName("update")
    class Update {
        @Test
        @DisplayName("by id applies the actions, bumps the version and stores the result")
        void updatesById() {
            ConnectorStaged created = create("k-1", "before");
            ConnectorStaged updated = ok(service.update(ResourceRef.id(created.id()),
                    ConnectorUpdate.of(1, new ConnectorSetNameAction("after"))));
            assertEquals("after", updated.name());
            assertEquals(2, updated.version());
            assertEquals(updated, ok(service.get(ResourceRef.id(created.id()))));
        }

        @Test
        @DisplayName("by key applies the actions and stores the result")
        void updatesByKey() {
            ConnectorStaged created = create("k-1", "before");
            ConnectorStaged updated = ok(service.update(ResourceRef.key("k-1"),
                    ConnectorUpdate.of(1, new ConnectorSetNameAction("after"))));
            assertEquals(2, updated.version());
            assertEquals(updated, ok(service.get(ResourceRef.key("k-1"))));
            assertEquals(created.id(), updated.id());
        }

        @Test
        @DisplayName("signs certification comments with the clock (to the millisecond) and the project key")
        void signsCommentsWithClockAndProjectKey() {
            ConnectorStaged created = create("k-1", "n");
            ConnectorStaged updated = ok(service.update(ResourceRef.id(created.id()),
                    ConnectorUpdate.of(1, new ConnectorAddCertificationCommentAction("hello"))));
            assertEquals(new CertificationInfoComment("my-project", NOW, "hello"),
                    updated.certificationInfo().comments().get(0));
        }

        @Test
        @DisplayName("a stale version answers ConcurrentModification (409) and changes nothing")
        void rejectsStaleVersion() {
            ConnectorStaged created = create("k-1", "before");
            ConnectorStaged v2 = ok(service.update(ResourceRef.id(created.id()), ConnectorUpdate.of(1, new ConnectorSetNameAction("v2"))));

            ConnectError error = onlyError(failed(service.update(ResourceRef.id(created.id()),
                    ConnectorUpdate.of(1, new ConnectorSetNameAction("stale")))), ErrorCode.CONCURRENT_MODIFICATION, 409);

            assertEquals(1L, error.fields().get("expectedVersion"));
            assertEquals(2L, error.fields().get("currentVersion"));
            assertEquals(v2, ok(service.get(ResourceRef.id(created.id()))));
        }

        @Test
        @DisplayName("a rejected action answers 400 and changes nothing")
        void rejectsInvalidActionAndChangesNothing() {
            ConnectorStaged created = create("k-1", "before");
            ErrorResponse response = failed(service.update(ResourceRef.key("k-1"),
                    ConnectorUpdate.of(1, new ConnectorSetNameAction("fine"), new ConnectorSetNameAction(null))));
            assertEquals(400, response.statusCode());
            assertEquals(created, ok(service.get(ResourceRef.key("k-1"))));
        }

        @Test
        @DisplayName("an unknown id or key answers ResourceNotFound (404)")
        void answersNotFoundForUnknown() {
            ConnectorUpdate update = ConnectorUpdate.of(1, new ConnectorSetNameAction("x"));
            onlyError(failed(service.update(ResourceRef.id("nope"), update)), ErrorCode.RESOURCE_NOT_FOUND, 404);
            onlyError(failed(service.update(ResourceRef.key("nope"), update)), ErrorCode.RESOURCE_NOT_FOUND, 404);
        }
    }

    @Nested
    @DisplayName("null input")
    class NullInput {
        @Test
        @DisplayName("every entry point answers an ErrorResponse for null, and changes nothing")
        void answersErrorsForNull() {
            ConnectorStaged created = create("k-1", "Name");
            onlyError(failed(service.create(null)), ErrorCode.INVALID_JSON_INPUT, 400);
            onlyError(failed(service.update(ResourceRef.id(created.id()), null)), ErrorCode.INVALID_JSON_INPUT, 400);
            onlyError(failed(service.update(ResourceRef.key("k-1"), null)), ErrorCode.INVALID_JSON_INPUT, 400);
            assertEquals(400, failed(service.query(null)).statusCode());
            onlyError(failed(service.get(null)), ErrorCode.INVALID_PATH_PARAM, 400);
            onlyError(failed(service.update(null, ConnectorUpdate.of(1, new ConnectorSetNameAction("x")))),
                    ErrorCode.INVALID_PATH_PARAM, 400);
            onlyError(failed(service.delete(null, null)), ErrorCode.INVALID_PATH_PARAM, 400);
            onlyError(failed(new PublishedConnectorService(new SimplePublishedConnectorStore()).get(null)),
                    ErrorCode.INVALID_PATH_PARAM, 400);
            assertEquals(400, failed(new PublishedConnectorService(new SimplePublishedConnectorStore()).search(null))
                    .statusCode());
            assertEquals(created, ok(service.get(ResourceRef.id(created.id()))));
        }
    }

    @Nested
    @DisplayName("query")
    class Query {
        private ConnectorStaged alpha;
        private ConnectorStaged bravo;
        private ConnectorStaged charlie;
        private ConnectorStaged delta;
        private ConnectorStaged publicEcho;

        @BeforeEach
        void fill() {
            alpha = tagged(create("alpha", "Alpha"), IntegrationType.PSP);
            bravo = tagged(create("bravo", "Bravo"), IntegrationType.TAX, IntegrationType.OTHER);
            charlie = create("charlie", "Charlie");
            delta = tagged(create("delta", "Delta"), IntegrationType.OTHER);
            // Only the certification desk makes a connector public; the service has no endpoint for
            // it, so this one goes through the real lifecycle and straight into the store.
            ConnectorStaged draft = ConnectorStaging.create(
                    draft("echo", "Echo").withIntegrationTypes(List.of(IntegrationType.PSP)), "id-000", NOW).get();
            publicEcho = store.insert(SampleConnectors.certifiedAndListed(draft))
                    .getOrElseThrow(e -> new AssertionError(e.toString()));
        }

        private ConnectorStaged tagged(ConnectorStaged c, IntegrationType... types) {
            return ok(service.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(),
                    new ConnectorSetIntegrationTypesAction(List.of(types)))));
        }

        private PagedQueryResponse<ConnectorStaged> query(ConnectorQuery q) {
            return ok(service.query(q));
        }

        private List<String> keys(PagedQueryResponse<ConnectorStaged> page) {
            return page.results().stream().map(ConnectorStaged::key).toList();
        }

        @Test
        @DisplayName("defaults to limit 20, offset 0, ordered by id")
        void answersDefaultPage() {
            PagedQueryResponse<ConnectorStaged> page = query(ConnectorQuery.defaults());
            assertEquals(20, page.limit());
            assertEquals(0, page.offset());
            assertEquals(5, page.total());
            assertEquals(5, page.count());
            assertEquals(List.of("echo", "alpha", "bravo", "charlie", "delta"), keys(page));
        }

        @Test
        @DisplayName("pages with limit and offset; count is the page size, total all matches")
        void pagesWithLimitAndOffset() {
            ConnectorQuery byName = ConnectorQuery.defaults().withSort(List.of(Sort.parse("name asc").get()));
            PagedQueryResponse<ConnectorStaged> second = query(byName.withLimit(2).withOffset(2));
            assertEquals(2, second.limit());
            assertEquals(2, second.offset());
            assertEquals(2, second.count());
            assertEquals(5, second.total());
            assertEquals(List.of("charlie", "delta"), keys(second));

            PagedQueryResponse<ConnectorStaged> last = query(byName.withLimit(2).withOffset(4));
            assertEquals(1, last.count());
            assertEquals(List.of("echo"), keys(last));

            PagedQueryResponse<ConnectorStaged> beyond = query(byName.withLimit(2).withOffset(10));
            assertEquals(0, beyond.count());
            assertEquals(5, beyond.total());

            PagedQueryResponse<ConnectorStaged> none = query(byName.withLimit(0));
            assertEquals(0, none.count());
            assertEquals(5, none.total());
        }

        @Test
        @DisplayName("sorts with Sort.parse(\"name desc\")")
        void sortsByNameDescending() {
            ConnectorQuery q = ConnectorQuery.defaults().withSort(List.of(Sort.parse("name desc").get()));
            assertEquals(List.of("echo", "delta", "charlie", "bravo", "alpha"), keys(query(q)));
        }

        @Test
        @DisplayName("filters on isPrivate")
        void filtersOnIsPrivate() {
            PagedQueryResponse<ConnectorStaged> publicOnes = query(ConnectorQuery.defaults().withIsPrivate(false));
            assertEquals(List.of(publicEcho), publicOnes.results());
            assertEquals(1, publicOnes.total());
            PagedQueryResponse<ConnectorStaged> privateOnes = query(ConnectorQuery.defaults().withIsPrivate(true));
            assertEquals(List.of("alpha", "bravo", "charlie", "delta"), keys(privateOnes));
            assertEquals(4, privateOnes.total());
        }

        @Test
        @DisplayName("filters on integrationTypes: a connector with any of them matches")
        void filtersOnIntegrationTypes() {
            assertEquals(List.of("echo", "alpha"),
                    keys(query(ConnectorQuery.defaults().withIntegrationTypes(Set.of(IntegrationType.PSP)))));
            assertEquals(List.of("bravo", "delta"),
                    keys(query(ConnectorQuery.defaults().withIntegrationTypes(Set.of(IntegrationType.OTHER)))));
            PagedQueryResponse<ConnectorStaged> either = query(ConnectorQuery.defaults()
                    .withIntegrationTypes(Set.of(IntegrationType.TAX, IntegrationType.PSP)));
            assertEquals(List.of("echo", "alpha", "bravo"), keys(either));
            assertEquals(3, either.total());
            assertEquals(List.of(), keys(query(ConnectorQuery.defaults()
                    .withIntegrationTypes(Set.of(IntegrationType.CRM)))));
        }

        @Test
        @DisplayName("combines the filters")
        void combinesFilters() {
            assertEquals(List.of("alpha"), keys(query(ConnectorQuery.defaults().withIsPrivate(true)
                    .withIntegrationTypes(Set.of(IntegrationType.PSP)))));
        }

        @Test
        @DisplayName("accepts limit 500 and offset 10000")
        void acceptsLimitAndOffsetAtBounds() {
            PagedQueryResponse<ConnectorStaged> page = query(ConnectorQuery.defaults().withLimit(500).withOffset(10_000));
            assertEquals(0, page.count());
            assertEquals(5, page.total());
        }

        @ParameterizedTest(name = "limit {0}")
        @ValueSource(ints = {501, -1, Integer.MIN_VALUE})
        @DisplayName("a limit outside 0 to 500 answers InvalidQueryParam")
        void rejectsBadLimit(int limit) {
            ConnectError error = onlyError(failed(service.query(ConnectorQuery.defaults().withLimit(limit))),
                    ErrorCode.INVALID_QUERY_PARAM, 400);
            assertTrue(error.detailedErrorMessage().startsWith("limit: "), error.detailedErrorMessage());
        }

        @ParameterizedTest(name = "offset {0}")
        @ValueSource(ints = {10_001, -1})
        @DisplayName("an offset outside 0 to 10000 answers InvalidQueryParam")
        void rejectsBadOffset(int offset) {
            ConnectError error = onlyError(failed(service.query(ConnectorQuery.defaults().withOffset(offset))),
                    ErrorCode.INVALID_QUERY_PARAM, 400);
            assertTrue(error.detailedErrorMessage().startsWith("offset: "), error.detailedErrorMessage());
        }

        @Test
        @DisplayName("a bad limit and a bad offset are both reported")
        void reportsBothBadParams() {
            ErrorResponse response = failed(service.query(ConnectorQuery.defaults().withLimit(501).withOffset(10_001)));
            assertEquals(2, response.errors().size());
            assertTrue(response.errors().stream().allMatch(e -> e.code() == ErrorCode.INVALID_QUERY_PARAM));
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {
        @Test
        @DisplayName("by id without a version removes the connector and answers it")
        void deletesByIdWithoutVersion() {
            ConnectorStaged created = create("k-1", "n");
            assertEquals(created, ok(service.delete(ResourceRef.id(created.id()), null)));
            onlyError(failed(service.get(ResourceRef.id(created.id()))), ErrorCode.RESOURCE_NOT_FOUND, 404);
            onlyError(failed(service.get(ResourceRef.key("k-1"))), ErrorCode.RESOURCE_NOT_FOUND, 404);
        }

        @Test
        @DisplayName("by id with the current version removes the connector")
        void deletesByIdWithVersion() {
            ConnectorStaged created = create("k-1", "n");
            ok(service.delete(ResourceRef.id(created.id()), 1L));
            assertTrue(store.findById(created.id()).isEmpty());
        }

        @Test
        @DisplayName("by key with and without a version removes the connector and frees the key")
        void deletesByKey() {
            create("k-1", "n");
            create("k-2", "m");
            ok(service.delete(ResourceRef.key("k-1"), 1L));
            ok(service.delete(ResourceRef.key("k-2"), null));
            assertEquals(0, ok(service.query(ConnectorQuery.defaults())).total());
            assertEquals("k-1", create("k-1", "again").key());
        }

        @Test
        @DisplayName("a stale version is refused with ConcurrentModification (409) and nothing is removed")
        void refusesStaleVersion() {
            ConnectorStaged created = create("k-1", "n");
            ConnectorStaged v2 = ok(service.update(ResourceRef.id(created.id()), ConnectorUpdate.of(1, new ConnectorSetNameAction("v2"))));

            ConnectError byId = onlyError(failed(service.delete(ResourceRef.id(created.id()), 1L)), ErrorCode.CONCURRENT_MODIFICATION, 409);
            assertEquals(2L, byId.fields().get("currentVersion"));
            onlyError(failed(service.delete(ResourceRef.key("k-1"), 3L)), ErrorCode.CONCURRENT_MODIFICATION, 409);

            assertEquals(v2, ok(service.get(ResourceRef.id(created.id()))));
        }

        @Test
        @DisplayName("an unknown id or key answers ResourceNotFound (404)")
        void answersNotFoundForUnknown() {
            onlyError(failed(service.delete(ResourceRef.id("nope"), null)), ErrorCode.RESOURCE_NOT_FOUND, 404);
            onlyError(failed(service.delete(ResourceRef.key("nope"), 1L)), ErrorCode.RESOURCE_NOT_FOUND, 404);
            assertFalse(store.findByKey("nope").isDefined());
        }
    }
}
