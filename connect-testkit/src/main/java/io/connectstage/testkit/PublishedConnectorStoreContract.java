package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.Generators;
import io.connectstage.testkit.Seeds;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.generators.SourceDSL;

/**
 * The contract every {@link PublishedConnectorStore} keeps, written once: each store's test is a
 * short subclass that says how to make an empty store.
 *
 * <pre>{@code
 * class InMemoryPublishedConnectorStoreTest extends PublishedConnectorStoreContract {
 *     protected PublishedConnectorStore newStore() { return new InMemoryPublishedConnectorStore(); }
 * }
 * }</pre>
 */
@DisplayName("A PublishedConnectorStore")
public abstract class PublishedConnectorStoreContract {

    /** A new, empty store; called before each test. */
    protected abstract PublishedConnectorStore newStore();

    /** The store of the running test. */
    protected PublishedConnectorStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    // ---- helpers ----

    /** Id number {@code n}, UUID-shaped, so that ids sort as their numbers do. */
    protected static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    /** A published Connector: certified ones are public, the others private. */
    protected static Connector published(int n, String key, boolean certified) {
        return Connector.publishedFrom(Connectors.minimal(id(n), key), 1, certified);
    }

    protected Connector saved(Connector connector, boolean listed) {
        store.save(connector, listed);
        return connector;
    }

    private List<Connector> everything() {
        return store.search(ConnectorSearch.defaults().withLimit(ConnectorQuery.MAX_LIMIT)).results();
    }

    private static List<Connector> byId(Stream<Connector> connectors) {
        return connectors.sorted(Comparator.comparing(Connector::id)).toList();
    }

    @Nested
    @DisplayName("finding by id or key")
    class Finding {

        @Test
        @DisplayName("finds nothing in an empty store, nor for a null id or key")
        void findsNothingInAnEmptyStore() {
            assertEquals(Option.none(), store.findById(id(1)));
            assertEquals(Option.none(), store.findByKey("connector-key"));
            assertEquals(Option.none(), store.findById(null));
            assertEquals(Option.none(), store.findByKey(null));
        }

        @Test
        @DisplayName("finds a saved Connector by its id and by its key")
        void findsByIdAndKey() {
            Connector c = saved(published(1, "connector-key", true), true);
            assertEquals(Option.some(c), store.findById(id(1)));
            assertEquals(Option.some(c), store.findByKey("connector-key"));
            assertEquals(Option.none(), store.findById(id(2)));
            assertEquals(Option.none(), store.findByKey("other-key"));
        }

        @Test
        @DisplayName("finds an unlisted Connector too: deployed instances go on using it")
        void findsUnlistedConnectors() {
            Connector c = saved(published(1, "connector-key", true), false);
            assertEquals(Option.some(c), store.findById(id(1)));
            assertEquals(Option.some(c), store.findByKey("connector-key"));
        }

        @Test
        @DisplayName("finds nothing for the null key, even when Connectors without a key exist")
        void findsNothingForTheNullKey() {
            saved(published(1, null, true), true);
            assertEquals(Option.none(), store.findByKey(null));
        }

        @Test
        @DisplayName("tells keys apart by case")
        void keysAreCaseSensitive() {
            Connector lower = saved(published(1, "connector-key", true), true);
            assertEquals(Option.none(), store.findByKey("CONNECTOR-KEY"));
            Connector upper = saved(published(2, "CONNECTOR-KEY", true), true);
            assertEquals(Option.some(lower), store.findByKey("connector-key"));
            assertEquals(Option.some(upper), store.findByKey("CONNECTOR-KEY"));
        }
    }

    @Nested
    @DisplayName("saving")
    class Saving {

        @Test
        @DisplayName("replaces the Connector with the same id, and its listing")
        void replacesTheConnectorWithTheSameId() {
            saved(published(1, "connector-key", true), true);
            Connector next = new Connector(id(1), "connector-key", 2, "Renamed", "now described", List.of(IntegrationType.PSP),
                    published(1, "connector-key", false).creator(), published(1, "connector-key", false).repository(),
                    List.of(), null, true, null, List.of(), false, null);
            store.save(next, false);
            assertEquals(Option.some(next), store.findById(id(1)));
            assertEquals(Option.some(next), store.findByKey("connector-key"));
            assertEquals(List.of(next), everything(), "private, so searched although unlisted");
            assertEquals(List.of(next), store.search(ConnectorSearch.defaults()
                    .withIntegrationTypes(Set.of(IntegrationType.PSP))).results());
        }

        /** Version {@code version} of Connector 1, named after it. */
        private Connector version(long version) {
            return Connector.publishedFrom(Connectors.minimal(id(1), "connector-key").withName("v" + version), version, true);
        }

        @Test
        @DisplayName("keeps the stored Connector and its listing when an older version comes late")
        void keepsANewerVersion() {
            Connector newer = saved(version(3), true);
            store.save(version(2), false);
            assertEquals(Option.some(newer), store.findById(id(1)));
            assertEquals(List.of(newer), everything(), "still listed");
        }

        @Test
        @DisplayName("replaces the stored Connector and its listing with one of the same version (a settle done again)")
        void replacesTheSameVersion() {
            saved(version(2), true);
            Connector again = Connector.publishedFrom(Connectors.minimal(id(1), "connector-key").withName("v2"), 2, false);
            store.save(again, false);
            assertEquals(Option.some(again), store.findById(id(1)));
            assertEquals(List.of(again), everything(), "private, so searched although unlisted");
        }

        @Test
        @DisplayName("ends with the newest version when two processors save versions out of order at once")
        void outOfOrderSettles() throws Exception {
            int versions = 40;
            List<Long> odd = new ArrayList<>();
            List<Long> even = new ArrayList<>();
            for (long v = versions; v >= 1; v--) {
                (v % 2 == 0 ? even : odd).add(v);
            }
            java.util.Collections.shuffle(odd, new java.util.Random(7));
            java.util.Collections.shuffle(even, new java.util.Random(11));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService processors = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (List<Long> settles : List.of(odd, even)) {
                    done.add(processors.submit(() -> {
                        start.await();
                        for (long v : settles) {
                            store.save(version(v), true);
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                processors.shutdownNow();
            }
            assertEquals(Option.some(version(versions)), store.findById(id(1)));
            assertEquals(List.of(version(versions)), everything());
        }

        @Test
        @DisplayName("gives back a fully populated Connector equal to what went in")
        void fullyPopulatedConnector() {
            Connector full = Connector.publishedFrom(Connectors.fullyPopulated(id(1), "connector-key"), 3, true);
            saved(full, true);
            assertEquals(Option.some(full), store.findById(id(1)));
            assertEquals(Option.some(full), store.findByKey("connector-key"));
            assertEquals(List.of(full), everything());
        }

        @Test
        @DisplayName("gives back a minimal Connector with its absent fields still absent")
        void minimalConnector() {
            Connector minimal = saved(published(1, null, false), true);
            assertEquals(Option.some(minimal), store.findById(id(1)));
            assertEquals(List.of(minimal), everything());
        }

        @Test
        @DisplayName("gives back every generated Connector equal to what went in")
        void generatedConnectors() {
            AtomicInteger saves = new AtomicInteger();
            Seeds.check("a published store gives back what went in", Seeds.examples(100),
                    Generators.stagedConnectors(), SourceDSL.booleans().all(), (staged, certified) -> {
                        // keys made unique, so that finding by key finds this one
                        int n = saves.incrementAndGet();
                        ConnectorStaged unique = staged.key() == null ? staged : staged.withKey(staged.key() + "-" + n);
                        Connector c = Connector.publishedFrom(unique, staged.version(), certified);
                        store.save(c, true);
                        assertEquals(Option.some(c), store.findById(c.id()));
                        if (c.key() != null) {
                            assertEquals(Option.some(c), store.findByKey(c.key()));
                        }
                        assertEquals(List.of(c), store.search(ConnectorSearch.defaults().withIds(Set.of(c.id())))
                                .results());
                    });
        }
    }

    @Nested
    @DisplayName("changing the listing")
    class Listing {

        @Test
        @DisplayName("answers false for an id it does not hold, and stores nothing")
        void unknownId() {
            assertFalse(store.setListed(id(1), true));
            assertEquals(Option.none(), store.findById(id(1)));
            assertEquals(List.of(), everything());
        }

        @Test
        @DisplayName("hides an unlisted public Connector from search and shows it again when listed")
        void unlistsAndRelists() {
            Connector c = saved(published(1, "connector-key", true), true);
            assertTrue(store.setListed(id(1), false));
            assertEquals(List.of(), everything());
            assertEquals(0, store.search(ConnectorSearch.defaults()).total());
            assertEquals(Option.some(c), store.findById(id(1)), "the Connector itself is unchanged");
            assertTrue(store.setListed(id(1), true));
            assertEquals(List.of(c), everything());
        }

        @Test
        @DisplayName("keeps private Connectors searchable whether listed or not")
        void privateConnectorsStaySearchable() {
            Connector c = saved(published(1, "connector-key", false), false);
            assertEquals(List.of(c), everything());
            assertTrue(store.setListed(id(1), true));
            assertEquals(List.of(c), everything());
        }
    }

    @Nested
    @DisplayName("searching")
    class Searching {

        /**
         * Nine Connectors saved out of id order: public listed ones, public unlisted ones (never
         * found), private ones listed or not; ties on name and version; two without a key;
         * overlapping integration types; two companies and none.
         */
        private List<Connector> sample() {
            List<Connector> sample = new ArrayList<>();
            sample.add(shaped(5, "key-c", "Beta payments", "Pays in Österreich", 2, true, true, "acme", IntegrationType.TAX));
            sample.add(shaped(2, null, "alpha", null, 1, false, false, "acme"));
            sample.add(shaped(8, "key-a", "Gamma", "tax and psp", 3, false, true, "Acme",
                    IntegrationType.PSP, IntegrationType.TAX));
            sample.add(shaped(1, "key-b", "Beta payments", "BETA", 2, false, false, null, IntegrationType.OTHER));
            sample.add(shaped(7, null, "alpha", "the ALPHA one", 7, true, true, null, IntegrationType.PSP));
            sample.add(shaped(3, "key-d", "beta", null, 1, true, true, "acme", IntegrationType.SEARCH));
            sample.add(shaped(6, "key-e", "gamma", "ÖSTERREICH only", 2, true, true, "other"));
            sample.add(shaped(4, "key-f", "alpha", "", 3, false, true, "acme", IntegrationType.TAX, IntegrationType.OTHER));
            Connector hidden = shaped(9, "key-g", "alpha hidden", "beta", 1, true, false, "acme", IntegrationType.TAX);
            saved(hidden, false);
            return sample;
        }

        /** Saves a Connector of these fields; answers it when search finds it (listed or private). */
        private Connector shaped(int n, String key, String name, String description, long version, boolean certified,
                boolean listed, String company, IntegrationType... types) {
            ConnectorStaged staged = Connectors.minimal(id(n), key).withName(name).withDescription(description)
                    .withIntegrationTypes(List.of(types))
                    .withCreator(Connectors.minimal(id(n), key).creator().withCompany(company));
            return saved(Connector.publishedFrom(staged, version, certified), listed);
        }

        @Test
        @DisplayName("answers an empty page and a total of 0 for an empty store")
        void emptyStore() {
            ConnectorSearchPage page = store.search(ConnectorSearch.defaults());
            assertEquals(List.of(), page.results());
            assertEquals(0, page.total());
        }

        @Test
        @DisplayName("finds listed and private Connectors, ordered by id when no sort is given")
        void findsListedAndPrivateConnectors() {
            List<Connector> sample = sample();
            ConnectorSearchPage page = store.search(ConnectorSearch.defaults());
            assertEquals(byId(sample.stream()), page.results());
            assertEquals(8, page.total());
        }

        @Test
        @DisplayName("pages with limit and offset, each page telling the total")
        void pages() {
            List<Connector> all = byId(sample().stream());
            List<Connector> concatenated = new ArrayList<>();
            for (int offset = 0; offset < 8; offset += 3) {
                ConnectorSearchPage page = store.search(ConnectorSearch.defaults().withLimit(3).withOffset(offset));
                assertEquals(8, page.total());
                assertEquals(all.subList(offset, Math.min(offset + 3, 8)), page.results());
                concatenated.addAll(page.results());
            }
            assertEquals(all, concatenated);
        }

        @Test
        @DisplayName("answers only the total for limit 0, and an empty page past the end")
        void limitZeroAndPastTheEnd() {
            sample();
            ConnectorSearchPage none = store.search(ConnectorSearch.defaults().withLimit(0));
            assertEquals(List.of(), none.results());
            assertEquals(8, none.total());
            ConnectorSearchPage past = store.search(ConnectorSearch.defaults().withOffset(8));
            assertEquals(List.of(), past.results());
            assertEquals(8, past.total());
        }

        @Test
        @DisplayName("answers at most 500 Connectors, the largest limit")
        void largestLimit() {
            List<Connector> all = IntStream.rangeClosed(1, 502)
                    .mapToObj(n -> saved(published(n, "key-" + n, n % 2 == 0), true)).toList();
            ConnectorSearchPage page = store.search(ConnectorSearch.defaults().withLimit(500));
            assertEquals(502, page.total());
            assertEquals(all.subList(0, 500), page.results());
            assertEquals(all.subList(500, 502),
                    store.search(ConnectorSearch.defaults().withLimit(500).withOffset(500)).results());
        }

        static Stream<Arguments> sortCriteria() {
            return Stream.of(SortField.ID, SortField.KEY, SortField.NAME, SortField.VERSION)
                    .flatMap(field -> Stream.of(Arguments.of(field, true), Arguments.of(field, false)));
        }

        @ParameterizedTest(name = "by {0}, ascending {1}")
        @MethodSource("sortCriteria")
        @DisplayName("sorts by each field in both directions, ties broken by id")
        void sortsByEachField(SortField field, boolean ascending) {
            List<Connector> sample = sample();
            Comparator<Connector> order = expectedOrder(field);
            if (!ascending) {
                order = order.reversed();
            }
            List<Connector> expected = sample.stream().sorted(order.thenComparing(Connector::id)).toList();
            ConnectorSearchPage page = store.search(ConnectorSearch.defaults().withSort(List.of(new Sort(field, ascending))));
            assertEquals(ids(expected), ids(page.results()));
            assertEquals(expected, page.results());
        }

        @Test
        @DisplayName("sorts by several criteria in order, a status criterion ordering nothing")
        void sortsBySeveralCriteria() {
            List<Connector> sample = sample();
            List<Connector> expected = sample.stream().sorted(Comparator.comparing(Connector::name)
                    .thenComparing(Comparator.comparingLong(Connector::version).reversed())
                    .thenComparing(Connector::id)).toList();
            ConnectorSearchPage page = store.search(ConnectorSearch.defaults().withSort(
                    List.of(Sort.asc(SortField.NAME), Sort.desc(SortField.STATUS), Sort.desc(SortField.VERSION))));
            assertEquals(ids(expected), ids(page.results()));
        }

        private Comparator<Connector> expectedOrder(SortField field) {
            switch (field) {
                case ID:
                    return Comparator.comparing(Connector::id);
                case KEY:
                    return Comparator.comparing(Connector::key, Comparator.nullsLast(Comparator.naturalOrder()));
                case NAME:
                    return Comparator.comparing(Connector::name);
                case VERSION:
                    return Comparator.comparingLong(Connector::version);
                default:
                    throw new IllegalArgumentException("no expected order for " + field);
            }
        }

        private List<String> ids(List<Connector> connectors) {
            return connectors.stream().map(c -> c.id().substring(c.id().length() - 2) + ":" + c.key() + ":" + c.name()
                    + ":" + c.version()).toList();
        }

        @Test
        @DisplayName("matches text in the name or the description, ignoring case, beyond ASCII too")
        void matchesText() {
            List<Connector> sample = sample();
            assertEquals(List.of(id(1), id(3), id(5)), idsOf(store.search(ConnectorSearch.defaults().withText("BeTa"))));
            assertEquals(List.of(id(5), id(6)), idsOf(store.search(ConnectorSearch.defaults().withText("österreich"))));
            assertEquals(List.of(id(2), id(4), id(7)), idsOf(store.search(ConnectorSearch.defaults().withText("ALPHA"))));
            assertEquals(List.of(), idsOf(store.search(ConnectorSearch.defaults().withText("nowhere"))));
            assertEquals(byId(sample.stream()), store.search(ConnectorSearch.defaults().withText("  ")).results(),
                    "blank text matches all");
        }

        @Test
        @DisplayName("pages and counts text matches, in the order asked")
        void pagesTextMatches() {
            sample();
            ConnectorSearchPage page = store.search(ConnectorSearch.defaults().withText("a")
                    .withSort(List.of(Sort.desc(SortField.VERSION))).withLimit(2).withOffset(1));
            // Every sample Connector has an "a" in its name: versions 7, 3, 3, 2, 2, 2, 1, 1.
            assertEquals(8, page.total());
            assertEquals(List.of(id(4), id(8)), idsOf(page));
        }

        @Test
        @DisplayName("with isPrivate true finds only private Connectors; false or absent finds all")
        void filtersByPrivate() {
            List<Connector> sample = sample();
            ConnectorSearchPage privates = store.search(ConnectorSearch.defaults().withIsPrivate(true));
            assertEquals(byId(sample.stream().filter(Connector::isPrivate)), privates.results());
            assertEquals(4, privates.total());
            assertEquals(8, store.search(ConnectorSearch.defaults().withIsPrivate(false)).total());
            assertEquals(8, store.search(ConnectorSearch.defaults().withIsPrivate(null)).total());
        }

        @Test
        @DisplayName("filters by creator company, exactly and case-sensitively")
        void filtersByCompany() {
            sample();
            assertEquals(List.of(id(2), id(3), id(4), id(5)),
                    idsOf(store.search(ConnectorSearch.defaults().withCreatorCompany("acme"))));
            assertEquals(List.of(id(8)), idsOf(store.search(ConnectorSearch.defaults().withCreatorCompany("Acme"))));
            assertEquals(List.of(), idsOf(store.search(ConnectorSearch.defaults().withCreatorCompany("acm"))));
        }

        @Test
        @DisplayName("filters by lists of ids, of keys and of integration types, any value matching")
        void filtersByLists() {
            sample();
            assertEquals(List.of(id(2), id(6)), idsOf(store.search(ConnectorSearch.defaults()
                    .withIds(Set.of(id(6), id(2), id(9), id(42))))));
            assertEquals(List.of(id(1), id(8)), idsOf(store.search(ConnectorSearch.defaults()
                    .withKeys(Set.of("key-a", "key-b", "key-g", "missing")))));
            assertEquals(List.of(id(1), id(4), id(5), id(8)), idsOf(store.search(ConnectorSearch.defaults()
                    .withIntegrationTypes(Set.of(IntegrationType.TAX, IntegrationType.OTHER)))));
            assertEquals(List.of(), idsOf(store.search(ConnectorSearch.defaults()
                    .withIntegrationTypes(Set.of(IntegrationType.GIFTCARD)))));
        }

        @Test
        @DisplayName("combines every filter, the total counting the matches of all of them")
        void combinesFilters() {
            sample();
            ConnectorSearch search = ConnectorSearch.defaults().withText("a").withIsPrivate(true)
                    .withCreatorCompany("acme").withIntegrationTypes(Set.of(IntegrationType.TAX, IntegrationType.OTHER))
                    .withKeys(Set.of("key-f", "key-c", "key-b")).withIds(Set.of(id(4), id(5), id(1)))
                    .withSort(List.of(Sort.desc(SortField.NAME))).withLimit(1);
            ConnectorSearchPage page = store.search(search);
            assertEquals(1, page.total());
            assertEquals(List.of(id(4)), idsOf(page));
            assertEquals(2, store.search(search.withIsPrivate(null).withText(null)).total());
        }

        private List<String> idsOf(ConnectorSearchPage page) {
            return page.results().stream().map(Connector::id).toList();
        }
    }
}
