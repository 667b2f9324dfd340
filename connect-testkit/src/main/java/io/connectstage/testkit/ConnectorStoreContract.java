package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ErrorCode;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.Lease;
import io.connectstage.store.QueryPage;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.Generators;
import io.connectstage.testkit.Seeds;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link ConnectorStore} keeps, written once: each store's test is a short
 * subclass that says how to make an empty store.
 *
 * <pre>{@code
 * class InMemoryConnectorStoreTest extends ConnectorStoreContract {
 *     protected ConnectorStore newStore() { return new InMemoryConnectorStore(); }
 * }
 * }</pre>
 */
@DisplayName("A ConnectorStore")
public abstract class ConnectorStoreContract {

    /** A new, empty store; called before each test. */
    protected abstract ConnectorStore newStore();

    /** The store of the running test. */
    protected ConnectorStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    // ---- helpers ----

    /** Id number {@code n}, UUID-shaped, so that ids sort as their numbers do. */
    protected static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    protected static ConnectorStaged connector(int n, String key) {
        return Connectors.minimal(id(n), key);
    }

    protected ConnectorStaged inserted(ConnectorStaged connector) {
        return accepted(store.insert(connector));
    }

    protected static <T> T accepted(Either<StoreRefusal, T> result) {
        assertTrue(result.isRight(), () -> "expected success, got " + result);
        return result.get();
    }

    protected static StoreRefusal refused(Either<StoreRefusal, ?> result) {
        assertTrue(result.isLeft(), () -> "expected a refusal, got " + result);
        return result.getLeft();
    }

    private List<ConnectorStaged> everything() {
        return store.query(ConnectorQuery.defaults().withLimit(ConnectorQuery.MAX_LIMIT)).results();
    }

    @Nested
    @DisplayName("finding by id or key")
    class Finding {

        @Test
        @DisplayName("finds nothing in an empty store")
        void findsNothingInAnEmptyStore() {
            assertEquals(Option.none(), store.findById(id(1)));
            assertEquals(Option.none(), store.findByKey("connector-key"));
        }

        @Test
        @DisplayName("finds an inserted connector by its id and by its key")
        void findsByIdAndKey() {
            ConnectorStaged c = inserted(connector(1, "connector-key"));
            assertEquals(Option.some(c), store.findById(id(1)));
            assertEquals(Option.some(c), store.findByKey("connector-key"));
        }

        @Test
        @DisplayName("finds nothing for an id or a key it does not hold")
        void findsNothingForAbsentIdOrKey() {
            inserted(connector(1, "connector-key"));
            assertEquals(Option.none(), store.findById(id(2)));
            assertEquals(Option.none(), store.findByKey("other-key"));
        }

        @Test
        @DisplayName("finds nothing for the null key, even when connectors without a key exist")
        void findsNothingForTheNullKey() {
            inserted(connector(1, null));
            assertEquals(Option.none(), store.findByKey(null));
        }

        @Test
        @DisplayName("tells keys apart by case")
        void keysAreCaseSensitive() {
            ConnectorStaged lower = inserted(connector(1, "connector-key"));
            assertEquals(Option.none(), store.findByKey("CONNECTOR-KEY"));
            ConnectorStaged upper = inserted(connector(2, "CONNECTOR-KEY"));
            assertEquals(Option.some(lower), store.findByKey("connector-key"));
            assertEquals(Option.some(upper), store.findByKey("CONNECTOR-KEY"));
        }
    }

    @Nested
    @DisplayName("inserting")
    class Inserting {

        @Test
        @DisplayName("answers the inserted connector")
        void answersTheInsertedConnector() {
            ConnectorStaged c = connector(1, "connector-key");
            assertEquals(Either.right(c), store.insert(c));
        }

        @Test
        @DisplayName("refuses a key that is taken (KeyTaken), and keeps the first connector")
        void refusesADuplicateKey() {
            ConnectorStaged first = inserted(connector(1, "connector-key"));
            assertEquals(new StoreRefusal.KeyTaken("connector-key"),
                    refused(store.insert(connector(2, "connector-key").withName("Second"))));
            assertEquals(Option.some(first), store.findByKey("connector-key"));
            assertEquals(Option.none(), store.findById(id(2)));
            assertEquals(List.of(first), everything());
        }

        @Test
        @DisplayName("refuses an id that is taken (IdTaken), keeps the first, and claims no key")
        void refusesADuplicateId() {
            ConnectorStaged first = inserted(connector(1, "first-key"));
            assertEquals(new StoreRefusal.IdTaken(id(1)),
                    refused(store.insert(connector(1, "second-key").withName("Second"))));
            assertEquals(Option.some(first), store.findById(id(1)));
            assertEquals(Option.none(), store.findByKey("second-key"));
            ConnectorStaged other = inserted(connector(2, "second-key"));
            assertEquals(Option.some(other), store.findByKey("second-key"));
        }

        @Test
        @DisplayName("takes any number of connectors without a key")
        void takesManyConnectorsWithoutAKey() {
            List<ConnectorStaged> keyless = IntStream.rangeClosed(1, 3).mapToObj(n -> inserted(connector(n, null))).toList();
            for (ConnectorStaged c : keyless) {
                assertEquals(Option.some(c), store.findById(c.id()));
            }
            assertEquals(keyless, everything());
        }
    }

    @Nested
    @DisplayName("replacing")
    class Replacing {

        @Test
        @DisplayName("replaces when the stored version is the expected one, and answers the new value")
        void replacesOnTheExpectedVersion() {
            ConnectorStaged stored = inserted(connector(1, "connector-key"));
            ConnectorStaged next = stored.withVersion(2).withName("New Connector name");
            assertEquals(Either.right(next), store.replace(next, 1));
            assertEquals(Option.some(next), store.findById(id(1)));
            assertEquals(Option.some(next), store.findByKey("connector-key"));
        }

        @Test
        @DisplayName("refuses an older expected version with a VersionMismatch carrying the current version")
        void refusesAStaleVersion() {
            ConnectorStaged stored = inserted(connector(1, "connector-key").withVersion(3));
            StoreRefusal refusal = refused(store.replace(stored.withVersion(4).withName("lost"), 2));
            assertEquals(new StoreRefusal.VersionMismatch(id(1), "connector-key", 2, 3), refusal);
            assertEquals(ErrorCode.CONCURRENT_MODIFICATION, refusal.toError().code());
            assertEquals(409, refusal.toError().httpStatus());
            assertEquals(Option.some(stored), store.findById(id(1)));
        }

        @Test
        @DisplayName("refuses a newer expected version the same way")
        void refusesAFutureVersion() {
            ConnectorStaged stored = inserted(connector(1, "connector-key").withVersion(3));
            assertEquals(new StoreRefusal.VersionMismatch(id(1), "connector-key", 4, 3),
                    refused(store.replace(stored.withVersion(5).withName("lost"), 4)));
            assertEquals(Option.some(stored), store.findById(id(1)));
        }

        @Test
        @DisplayName("lets only one of two writers that read the same version win")
        void oneOfTwoWritersWins() {
            ConnectorStaged stored = inserted(connector(1, "connector-key"));
            ConnectorStaged mine = stored.withVersion(2).withName("mine");
            accepted(store.replace(mine, 1));
            assertEquals(new StoreRefusal.VersionMismatch(id(1), "connector-key", 1, 2),
                    refused(store.replace(stored.withVersion(2).withName("theirs"), 1)));
            assertEquals(Option.some(mine), store.findById(id(1)));
        }

        @Test
        @DisplayName("refuses an id it does not hold (NotFound), and stores nothing")
        void refusesAnUnknownId() {
            assertEquals(new StoreRefusal.NotFound(id(1)),
                    refused(store.replace(connector(1, "connector-key").withVersion(2), 1)));
            assertEquals(Option.none(), store.findById(id(1)));
            assertEquals(Option.none(), store.findByKey("connector-key"));
        }

        @Test
        @DisplayName("never changes the key: not to another key, not away, not onto a connector without one")
        void keepsTheKey() {
            ConnectorStaged keyed = inserted(connector(1, "connector-key"));
            ConnectorStaged keyless = inserted(connector(2, null));
            assertEquals(new StoreRefusal.KeyChanged(id(1)), refused(store.replace(keyed.withVersion(2).withKey("other-key"), 1)));
            assertEquals(new StoreRefusal.KeyChanged(id(1)), refused(store.replace(keyed.withVersion(2).withKey(null), 1)));
            assertEquals(new StoreRefusal.KeyChanged(id(2)), refused(store.replace(keyless.withVersion(2).withKey("new-key"), 1)));
            assertEquals(Option.some(keyed), store.findById(id(1)));
            assertEquals(Option.some(keyless), store.findById(id(2)));
            assertEquals(Option.some(keyed), store.findByKey("connector-key"));
            assertEquals(Option.none(), store.findByKey("other-key"));
            assertEquals(Option.none(), store.findByKey("new-key"));
        }
    }

    @Nested
    @DisplayName("deleting")
    class Deleting {

        @Test
        @DisplayName("removes the connector when the version matches, and answers it")
        void deletesOnTheExpectedVersion() {
            ConnectorStaged stored = inserted(connector(1, "connector-key").withVersion(4));
            assertEquals(Either.right(stored), store.delete(id(1), 4));
            assertEquals(Option.none(), store.findById(id(1)));
            assertEquals(Option.none(), store.findByKey("connector-key"));
            assertEquals(List.of(), everything());
        }

        @Test
        @DisplayName("refuses another version with a VersionMismatch carrying the current version, and keeps it")
        void refusesAStaleVersion() {
            ConnectorStaged stored = inserted(connector(1, "connector-key").withVersion(4));
            assertEquals(new StoreRefusal.VersionMismatch(id(1), "connector-key", 3, 4), refused(store.delete(id(1), 3)));
            assertEquals(Option.some(stored), store.findById(id(1)));
            assertEquals(Option.some(stored), store.findByKey("connector-key"));
        }

        @Test
        @DisplayName("refuses an id it does not hold (NotFound)")
        void refusesAnUnknownId() {
            assertEquals(new StoreRefusal.NotFound(id(1)), refused(store.delete(id(1), 1)));
        }

        @Test
        @DisplayName("frees the key and the id for reuse")
        void freesTheKeyAndId() {
            inserted(connector(1, "connector-key"));
            accepted(store.delete(id(1), 1));
            ConnectorStaged sameKey = inserted(connector(2, "connector-key"));
            assertEquals(Option.some(sameKey), store.findByKey("connector-key"));
            ConnectorStaged sameId = inserted(connector(1, "another-key"));
            assertEquals(Option.some(sameId), store.findById(id(1)));
        }
    }

    @Nested
    @DisplayName("querying")
    class Querying {

        /**
         * Eight connectors inserted out of id order, with ties on name, version, status and key
         * (two have none), private and public ones, and overlapping integration types.
         */
        private List<ConnectorStaged> sample() {
            List<ConnectorStaged> sample = List.of(
                    shaped(5, "key-c", "beta", 2, ConnectorStatus.PUBLISHED, false, List.of(IntegrationType.TAX)),
                    shaped(2, null, "alpha", 1, ConnectorStatus.DRAFT, true, List.of()),
                    shaped(8, "key-a", "gamma", 3, ConnectorStatus.FAILED, true, List.of(IntegrationType.PSP, IntegrationType.TAX)),
                    shaped(1, "key-b", "beta", 2, ConnectorStatus.DRAFT, true, List.of(IntegrationType.OTHER)),
                    shaped(7, null, "alpha", 7, ConnectorStatus.PROCESSING, false, List.of(IntegrationType.PSP)),
                    shaped(3, "key-d", "beta", 1, ConnectorStatus.PUBLISHED, true, List.of(IntegrationType.SEARCH)),
                    shaped(6, "key-e", "gamma", 2, ConnectorStatus.IN_CERTIFICATION, false, List.of()),
                    shaped(4, "key-f", "alpha", 3, ConnectorStatus.READY_FOR_CERTIFICATION, true,
                            List.of(IntegrationType.TAX, IntegrationType.OTHER)));
            sample.forEach(ConnectorStoreContract.this::inserted);
            return sample;
        }

        private ConnectorStaged shaped(int n, String key, String name, long version, ConnectorStatus status,
                boolean isPrivate, List<IntegrationType> types) {
            // createdAt: ties (n % 3) and one connector without times (n = 2); lastModifiedAt by version.
            java.time.Instant base = java.time.Instant.parse("2024-01-01T00:00:00.000Z");
            return connector(n, key).withName(name).withVersion(version).withStatus(status).withPrivate(isPrivate)
                    .withIntegrationTypes(types)
                    .withCreatedAt(n == 2 ? null : base.plusSeconds(3600L * (n % 3)))
                    .withLastModifiedAt(n == 2 ? null : base.plusSeconds(86_400L + 60 * version));
        }

        private List<ConnectorStaged> byId(Stream<ConnectorStaged> connectors) {
            return connectors.sorted(Comparator.comparing(ConnectorStaged::id)).toList();
        }

        @Test
        @DisplayName("answers an empty page and a total of 0 for an empty store")
        void emptyStore() {
            QueryPage page = store.query(ConnectorQuery.defaults());
            assertEquals(List.of(), page.results());
            assertEquals(0, page.total());
        }

        @Test
        @DisplayName("orders by id when no sort is given")
        void ordersByIdByDefault() {
            List<ConnectorStaged> sample = sample();
            QueryPage page = store.query(ConnectorQuery.defaults());
            assertEquals(byId(sample.stream()), page.results());
            assertEquals(8, page.total());
        }

        @Test
        @DisplayName("pages with limit and offset, each page telling the total")
        void pages() {
            List<ConnectorStaged> all = byId(sample().stream());
            List<ConnectorStaged> concatenated = new ArrayList<>();
            for (int offset = 0; offset < 8; offset += 3) {
                QueryPage page = store.query(ConnectorQuery.defaults().withLimit(3).withOffset(offset));
                assertEquals(8, page.total());
                assertEquals(all.subList(offset, Math.min(offset + 3, 8)), page.results());
                concatenated.addAll(page.results());
            }
            assertEquals(all, concatenated);
        }

        @Test
        @DisplayName("answers only the total for limit 0")
        void limitZero() {
            sample();
            QueryPage page = store.query(ConnectorQuery.defaults().withLimit(0));
            assertEquals(List.of(), page.results());
            assertEquals(8, page.total());
        }

        @Test
        @DisplayName("answers an empty page, with the total, for an offset past the end")
        void offsetPastTheEnd() {
            sample();
            QueryPage page = store.query(ConnectorQuery.defaults().withOffset(8));
            assertEquals(List.of(), page.results());
            assertEquals(8, page.total());
            assertEquals(8, store.query(ConnectorQuery.defaults().withOffset(ConnectorQuery.MAX_OFFSET)).total());
        }

        @Test
        @DisplayName("answers at most 500 connectors, the largest limit")
        void largestLimit() {
            List<ConnectorStaged> all = IntStream.rangeClosed(1, 502).mapToObj(n -> inserted(connector(n, "key-" + n))).toList();
            QueryPage page = store.query(ConnectorQuery.defaults().withLimit(500));
            assertEquals(502, page.total());
            assertEquals(all.subList(0, 500), page.results());
            assertEquals(all.subList(500, 502), store.query(ConnectorQuery.defaults().withLimit(500).withOffset(500)).results());
        }

        static Stream<Arguments> sortCriteria() {
            return Stream.of(SortField.values()).flatMap(field -> Stream.of(
                    Arguments.of(field, true), Arguments.of(field, false)));
        }

        @ParameterizedTest(name = "by {0}, ascending {1}")
        @MethodSource("sortCriteria")
        @DisplayName("sorts by each field in both directions, ties broken by id")
        void sortsByEachField(SortField field, boolean ascending) {
            List<ConnectorStaged> sample = sample();
            Comparator<ConnectorStaged> order = expectedOrder(field);
            if (!ascending) {
                order = order.reversed();
            }
            List<ConnectorStaged> expected = sample.stream()
                    .sorted(order.thenComparing(ConnectorStaged::id)).toList();
            QueryPage page = store.query(ConnectorQuery.defaults().withSort(List.of(new Sort(field, ascending))));
            assertEquals(names(expected), names(page.results()));
            assertEquals(expected, page.results());
        }

        @Test
        @DisplayName("sorts by several criteria in order")
        void sortsBySeveralCriteria() {
            List<ConnectorStaged> sample = sample();
            List<ConnectorStaged> expected = sample.stream().sorted(Comparator.comparing(ConnectorStaged::name)
                    .thenComparing(Comparator.comparingLong(ConnectorStaged::version).reversed())
                    .thenComparing(ConnectorStaged::id)).toList();
            QueryPage page = store.query(ConnectorQuery.defaults()
                    .withSort(List.of(Sort.asc(SortField.NAME), Sort.desc(SortField.VERSION))));
            assertEquals(names(expected), names(page.results()));
        }

        /**
         * The order of a sort field, smallest first: text by its characters (the sample's text is
         * lower-case ASCII, so a database collation agrees), connectors without a key last, status
         * by its wire name, connectors without a time first.
         */
        private Comparator<ConnectorStaged> expectedOrder(SortField field) {
            switch (field) {
                case ID:
                    return Comparator.comparing(ConnectorStaged::id);
                case KEY:
                    return Comparator.comparing(ConnectorStaged::key, Comparator.nullsLast(Comparator.naturalOrder()));
                case NAME:
                    return Comparator.comparing(ConnectorStaged::name);
                case VERSION:
                    return Comparator.comparingLong(ConnectorStaged::version);
                case STATUS:
                    return Comparator.comparing(c -> c.status().wireValue());
                case CREATED_AT:
                    return Comparator.comparing(ConnectorStaged::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()));
                case LAST_MODIFIED_AT:
                    return Comparator.comparing(ConnectorStaged::lastModifiedAt,
                            Comparator.nullsFirst(Comparator.naturalOrder()));
                default:
                    throw new IllegalArgumentException("no expected order for " + field);
            }
        }

        private List<String> names(List<ConnectorStaged> connectors) {
            return connectors.stream().map(c -> c.id().substring(c.id().length() - 2) + ":" + c.key() + ":" + c.name()
                    + ":" + c.version() + ":" + c.status()).collect(Collectors.toList());
        }

        @Test
        @DisplayName("filters by isPrivate: true for private ones, false for public ones, absent for all")
        void filtersByPrivate() {
            List<ConnectorStaged> sample = sample();
            QueryPage privates = store.query(ConnectorQuery.defaults().withIsPrivate(true));
            assertEquals(byId(sample.stream().filter(ConnectorStaged::isPrivate)), privates.results());
            assertEquals(5, privates.total());
            QueryPage publics = store.query(ConnectorQuery.defaults().withIsPrivate(false));
            assertEquals(byId(sample.stream().filter(c -> !c.isPrivate())), publics.results());
            assertEquals(3, publics.total());
            assertEquals(8, store.query(ConnectorQuery.defaults().withIsPrivate(null)).total());
        }

        @Test
        @DisplayName("filters by integration types, a connector matching when it has any of them")
        void filtersByIntegrationTypes() {
            List<ConnectorStaged> sample = sample();
            Set<IntegrationType> wanted = Set.of(IntegrationType.TAX, IntegrationType.OTHER);
            QueryPage page = store.query(ConnectorQuery.defaults().withIntegrationTypes(wanted));
            List<ConnectorStaged> expected = byId(sample.stream()
                    .filter(c -> c.integrationTypes().stream().anyMatch(wanted::contains)));
            assertEquals(expected, page.results());
            assertEquals(4, page.total());
            assertEquals(List.of(), store.query(ConnectorQuery.defaults()
                    .withIntegrationTypes(Set.of(IntegrationType.GIFTCARD))).results());
            assertEquals(8, store.query(ConnectorQuery.defaults().withIntegrationTypes(Set.of())).total());
        }

        @Test
        @DisplayName("counts the total of the filtered connectors, not of the page nor of the store")
        void totalOfFilteredConnectors() {
            List<ConnectorStaged> sample = sample();
            QueryPage page = store.query(ConnectorQuery.defaults().withIsPrivate(true)
                    .withIntegrationTypes(Set.of(IntegrationType.TAX, IntegrationType.PSP))
                    .withSort(List.of(Sort.desc(SortField.VERSION))).withLimit(1).withOffset(1));
            List<ConnectorStaged> matching = sample.stream()
                    .filter(c -> c.isPrivate() && c.integrationTypes().stream()
                            .anyMatch(t -> t == IntegrationType.TAX || t == IntegrationType.PSP))
                    .sorted(Comparator.comparingLong(ConnectorStaged::version).reversed().thenComparing(ConnectorStaged::id))
                    .toList();
            assertEquals(2, matching.size());
            assertEquals(2, page.total());
            assertEquals(matching.subList(1, 2), page.results());
        }
    }

    @Nested
    @DisplayName("keeping work")
    class KeepingWork {
        private final Instant now = Instant.parse("2026-01-01T10:00:00Z");
        private final Instant later = now.plusSeconds(60);

        private ConnectorStaged requested(ConnectorStaged stored, Work... work) {
            ConnectorStaged next = stored.withVersion(stored.version() + 1).withPreviewable(IsPreviewable.PENDING);
            return accepted(store.replace(next, stored.version(), List.of(work), null));
        }

        @Test
        @DisplayName("has no work to claim when empty")
        void nothingToClaim() {
            assertEquals(Option.none(), store.claim("a", now, later));
            assertEquals(List.of(), store.work());
        }

        @Test
        @DisplayName("stores work with the write that asks for it, unleased, and not when the write is refused")
        void enqueuesWithTheWrite() {
            ConnectorStaged stored = inserted(connector(1, "k"));
            ConnectorStaged next = stored.withVersion(2).withPreviewable(IsPreviewable.PENDING);
            Work preview = Work.preview(next);
            refused(store.replace(next, 7, List.of(preview), null));
            assertEquals(List.of(), store.work());
            requested(stored, preview, Work.publish(next.withStatus(ConnectorStatus.PROCESSING), true));
            List<Work> work = store.work();
            assertEquals(List.of(id(1) + "/preview/2", id(1) + "/publish/2"), work.stream().map(Work::id).toList());
            assertEquals(preview, work.get(0));
            assertEquals("true", work.get(1).parameters().get(Work.CERTIFICATION));
            assertEquals(0, work.get(1).attempts());
            assertEquals(null, work.get(1).lease());
        }

        @Test
        @DisplayName("gives an item to one claimant until its lease ends, then to the next, counting attempts")
        void claimsWithALease() {
            ConnectorStaged stored = inserted(connector(1, "k"));
            Work preview = Work.preview(stored.withVersion(2));
            requested(stored, preview);
            Work first = store.claim("a", now, later).get();
            assertEquals(preview.claimedBy("a", later), first);
            assertEquals(Option.none(), store.claim("b", now, later));
            assertEquals(Option.none(), store.claim("b", later.minusMillis(1), later.plusSeconds(60)));
            Work second = store.claim("b", later, later.plusSeconds(60)).get();
            assertEquals(2, second.attempts());
            assertEquals(new Lease("b", later.plusSeconds(60)), second.lease());
            assertEquals(List.of(second), store.work());
        }

        @Test
        @DisplayName("claims among the kinds asked for only, leaving the others unclaimed and uncounted")
        void claimsAmongKinds() {
            ConnectorStaged stored = inserted(connector(1, "k"));
            Work preview = Work.preview(stored.withVersion(2));
            Work publish = Work.publish(stored.withVersion(2), false);
            requested(stored, preview, publish);
            assertEquals(Option.none(), store.claim("a", now, later, Set.of(WorkKind.DEPLOY, WorkKind.BUILD)));
            assertEquals(Option.none(), store.claim("a", now, later, Set.of()));
            assertEquals(List.of(preview, publish), store.work(), "nothing claimed, nothing counted");
            Work claimed = store.claim("a", now, later, Set.of(WorkKind.PUBLISH)).get();
            assertEquals(publish.claimedBy("a", later), claimed);
            assertEquals(Option.none(), store.claim("b", now, later, Set.of(WorkKind.PUBLISH)));
            assertEquals(preview.claimedBy("b", later), store.claim("b", now, later).get());
        }

        @Test
        @DisplayName("completes only the claim that holds an item")
        void completesTheHoldingClaim() {
            ConnectorStaged stored = inserted(connector(1, "k"));
            requested(stored, Work.preview(stored.withVersion(2)));
            Work first = store.claim("a", now, later).get();
            Work second = store.claim("b", later, later.plusSeconds(60)).get();
            assertFalse(store.complete(first));
            assertEquals(List.of(second), store.work());
            assertTrue(store.complete(second));
            assertEquals(List.of(), store.work());
            assertFalse(store.complete(second));
        }

        @Test
        @DisplayName("renews a claim it still holds, so no one else takes it, and the renewed claim settles")
        void renewsAHeldClaim() {
            ConnectorStaged pending = requested(inserted(connector(1, "k")), Work.preview(connector(1, "k").withVersion(2)));
            Work claim = store.claim("a", now, now.plusSeconds(30)).get();
            assertTrue(store.renew(claim, now.plusSeconds(60)));
            assertEquals(List.of(claim.renewedUntil(now.plusSeconds(60))), store.work());
            assertEquals(Option.none(), store.claim("b", now.plusSeconds(45), now.plusSeconds(75)));
            accepted(store.replace(pending.withVersion(3).withPreviewable(IsPreviewable.TRUE), 2, List.of(), claim));
            assertEquals(List.of(), store.work());
            assertFalse(store.renew(claim, now.plusSeconds(90)), "completed: nothing to renew");
        }

        @Test
        @DisplayName("refuses to renew a claim another processor has taken over, and changes nothing")
        void refusesToRenewALostClaim() {
            requested(inserted(connector(1, "k")), Work.preview(connector(1, "k").withVersion(2)));
            Work lost = store.claim("a", now, now.plusSeconds(30)).get();
            Work taken = store.claim("b", now.plusSeconds(30), now.plusSeconds(60)).get();
            assertFalse(store.renew(lost, now.plusSeconds(90)));
            assertEquals(List.of(taken), store.work());
            assertFalse(store.complete(lost));
            assertTrue(store.complete(taken));
        }

        @Test
        @DisplayName("settles and completes in one write, refused with WorkGone for a claim it no longer holds")
        void settlesAndCompletesAtOnce() {
            ConnectorStaged pending = requested(inserted(connector(1, "k")), Work.preview(connector(1, "k").withVersion(2)));
            Work stale = store.claim("a", now, later).get();
            Work holding = store.claim("b", later, later.plusSeconds(60)).get();
            ConnectorStaged settled = pending.withVersion(3).withPreviewable(IsPreviewable.TRUE);
            assertEquals(new StoreRefusal.WorkGone(stale.id()), refused(store.replace(settled, 2, List.of(), stale)));
            assertEquals(Option.some(pending), store.findById(id(1)));
            assertEquals(List.of(holding), store.work());
            accepted(store.replace(settled, 2, List.of(), holding));
            assertEquals(Option.some(settled), store.findById(id(1)));
            assertEquals(List.of(), store.work());
            assertEquals(new StoreRefusal.VersionMismatch(id(1), "k", 2, 3),
                    refused(store.replace(settled.withVersion(4), 2, List.of(), holding)));
        }

        @Test
        @DisplayName("keeps the work when the settling write misses the version")
        void keepsWorkOnAMissedSettle() {
            ConnectorStaged pending = requested(inserted(connector(1, "k")), Work.preview(connector(1, "k").withVersion(2)));
            Work claim = store.claim("a", now, later).get();
            refused(store.replace(pending.withVersion(3), 1, List.of(), claim));
            assertEquals(List.of(claim), store.work());
        }

        @Test
        @DisplayName("drops a connector's work with the connector")
        void deleteDropsWork() {
            ConnectorStaged pending = requested(inserted(connector(1, "k")), Work.preview(connector(1, "k").withVersion(2)));
            requested(inserted(connector(2, "other")), Work.preview(connector(2, "other").withVersion(2)));
            accepted(store.delete(id(1), pending.version()));
            assertEquals(List.of(id(2) + "/preview/2"), store.work().stream().map(Work::id).toList());
        }

        @Test
        @DisplayName("gives each of 100 items to exactly one of 4 processors claiming at once")
        void claimsExactlyOnceUnderConcurrency() throws Exception {
            for (int n = 1; n <= 100; n++) {
                requested(inserted(connector(n, "k" + n)), Work.preview(connector(n, "k" + n).withVersion(2)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<String>>> claims = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String owner = "p" + t;
                    claims.add(pool.submit(() -> {
                        start.await();
                        List<String> mine = new ArrayList<>();
                        for (Option<Work> w = store.claim(owner, now, later); w.isDefined(); w = store.claim(owner, now, later)) {
                            mine.add(w.get().id());
                            assertTrue(store.complete(w.get()));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                List<String> all = new ArrayList<>();
                for (Future<List<String>> f : claims) {
                    all.addAll(f.get(60, TimeUnit.SECONDS));
                }
                assertEquals(100, all.size());
                assertEquals(100, Set.copyOf(all).size());
                assertEquals(List.of(), store.work());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("keeping values intact")
    class KeepingValues {

        @Test
        @DisplayName("gives back a fully populated connector equal to what went in")
        void fullyPopulatedConnector() {
            ConnectorStaged full = Connectors.fullyPopulated(id(1), "connector-key");
            assertEquals(Either.right(full), store.insert(full));
            assertEquals(Option.some(full), store.findById(id(1)));
            assertEquals(Option.some(full), store.findByKey("connector-key"));
            assertEquals(List.of(full), everything());
            ConnectorStaged next = full.withVersion(8).withDescription("changed").withCertified(false);
            accepted(store.replace(next, 7));
            assertEquals(Option.some(next), store.findById(id(1)));
            assertEquals(Either.right(next), store.delete(id(1), 8));
        }

        @Test
        @DisplayName("gives back a minimal connector with its absent fields still absent")
        void minimalConnector() {
            ConnectorStaged minimal = Connectors.minimal(id(1), null);
            inserted(minimal);
            assertEquals(Option.some(minimal), store.findById(id(1)));
            assertEquals(List.of(minimal), everything());
        }

        @Test
        @DisplayName("gives back every generated connector equal to what went in")
        void generatedConnectors() {
            Seeds.check("a store gives back what went in", Seeds.examples(200), Generators.stagedConnectors(), c -> {
                assertEquals(Either.right(c), store.insert(c));
                assertEquals(Option.some(c), store.findById(c.id()));
                if (c.key() != null) {
                    assertEquals(Option.some(c), store.findByKey(c.key()));
                }
                assertEquals(Either.right(c), store.delete(c.id(), c.version()));
            });
        }
    }
}
