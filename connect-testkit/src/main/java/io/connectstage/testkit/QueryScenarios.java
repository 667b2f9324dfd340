package io.connectstage.testkit;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.QueryPage;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;

/**
 * Stores filled by inserts, replaces and deletes, and queries of them, for the tests that check
 * a store's query against a plain sort of everything it holds ({@link #expected}). Names,
 * versions and statuses come from small sets so that sort values tie and the id decides; the
 * replaces change names, privacy, types and statuses, so that indexes must follow them.
 */
public final class QueryScenarios {
    private static final List<String> NAMES = List.of("alpha", "Alpha", "beta", "Émile", "\uFF01", "\uD83D\uDE80", "z", "");
    /** Times that tie, differ by a millisecond (the wire keeps milliseconds), and lie before 1970. */
    private static final List<Instant> TIMES = List.of(Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:00.001Z"), Instant.parse("2023-06-30T12:00:00.5Z"),
            Instant.parse("1969-12-31T23:59:59.999Z"));
    private static final List<IntegrationType> TYPES = List.of(IntegrationType.TAX, IntegrationType.PSP,
            IntegrationType.OMS, IntegrationType.OTHER);

    private QueryScenarios() {
    }

    /** What a scenario does to an empty store: inserts, then replaces (of inserted ids), then deletes. */
    public record Scenario(List<ConnectorStaged> inserts, List<ConnectorStaged> replaces, List<String> deletes) {
        /** Runs it on a store; answers what the store holds by id. */
        public Map<String, ConnectorStaged> runOn(ConnectorStore store) {
            Map<String, ConnectorStaged> held = new LinkedHashMap<>();
            for (ConnectorStaged c : inserts) {
                store.insert(c).getOrElseThrow(e -> new AssertionError("insert refused: " + e));
                held.put(c.id(), c);
            }
            for (ConnectorStaged next : replaces) {
                ConnectorStaged current = held.get(next.id());
                ConnectorStaged versioned = next.withVersion(current.version() + 1);
                store.replace(versioned, current.version()).getOrElseThrow(e -> new AssertionError("replace refused: " + e));
                held.put(next.id(), versioned);
            }
            for (String id : deletes) {
                ConnectorStaged current = held.remove(id);
                if (current != null) {
                    store.delete(id, current.version()).getOrElseThrow(e -> new AssertionError("delete refused: " + e));
                }
            }
            return held;
        }

        @Override
        public String toString() {
            return inserts.size() + " inserts, " + replaces.size() + " replaces, " + deletes.size() + " deletes";
        }
    }

    /** Scenarios of up to {@code maxConnectors} inserts, as many replaces and a few deletes. */
    public static Gen<Scenario> scenarios(int maxConnectors) {
        Gen<List<ConnectorStaged>> shapes = lists().of(shapes()).ofSizeBetween(0, maxConnectors);
        Gen<List<Integer>> picks = lists().of(integers().between(0, maxConnectors)).ofSizeBetween(0, maxConnectors);
        return shapes.zip(shapes, picks, (inserted, replacing, deleting) -> {
            List<ConnectorStaged> inserts = new ArrayList<>();
            for (int i = 0; i < inserted.size(); i++) {
                // the 4th connector has no key, the others key-<i>
                String key = i % 4 == 3 ? null : "key-" + i;
                inserts.add(withIdentity(inserted.get(i), String.format("id-%04d", (i * 7919) % 10_000), key));
            }
            List<ConnectorStaged> replaces = new ArrayList<>();
            if (!inserts.isEmpty()) {
                for (int i = 0; i < replacing.size(); i++) {
                    ConnectorStaged target = inserts.get((i * 31) % inserts.size());
                    replaces.add(withIdentity(replacing.get(i), target.id(), target.key()));
                }
            }
            List<String> deletes = new ArrayList<>();
            for (int pick : deleting.subList(0, Math.min(deleting.size(), inserts.size() / 4))) {
                if (!inserts.isEmpty()) {
                    deletes.add(inserts.get(pick % inserts.size()).id());
                }
            }
            return new Scenario(inserts, replaces, deletes);
        });
    }

    private static ConnectorStaged withIdentity(ConnectorStaged shape, String id, String key) {
        return Connectors.minimal(id, key).withName(shape.name()).withVersion(shape.version())
                .withStatus(shape.status()).withPrivate(shape.isPrivate()).withIntegrationTypes(shape.integrationTypes())
                .withCreatedAt(shape.createdAt()).withLastModifiedAt(shape.lastModifiedAt());
    }

    /** What a connector is made of, but its id and key. */
    private static Gen<ConnectorStaged> shapes() {
        Gen<String> names = integers().between(0, NAMES.size() - 1).map(NAMES::get);
        Gen<ConnectorStatus> statuses = integers().between(0, ConnectorStatus.values().length - 1)
                .map(i -> ConnectorStatus.values()[i]);
        Gen<Instant> times = integers().between(0, TIMES.size()).map(i -> i == TIMES.size() ? null : TIMES.get(i));
        return names.zip(integers().between(1, 4), statuses, booleans().all(), typeSets(3),
                (name, version, status, isPrivate, types) -> Connectors.minimal("shape", null).withName(name)
                        .withVersion(version).withStatus(status).withPrivate(isPrivate)
                        .withIntegrationTypes(new ArrayList<>(types)))
                .zip(times, times, (c, created, modified) -> c.withCreatedAt(created).withLastModifiedAt(modified));
    }

    private static Gen<Set<IntegrationType>> typeSets(int max) {
        return lists().of(integers().between(0, TYPES.size() - 1)).ofSizeBetween(0, max)
                .map(picks -> {
                    Set<IntegrationType> types = new LinkedHashSet<>();
                    picks.forEach(i -> types.add(TYPES.get(i)));
                    return types;
                });
    }

    /** Queries of every filter and sort, pages from the start to past the end of {@code maxConnectors}. */
    public static Gen<ConnectorQuery> queries(int maxConnectors) {
        Gen<Boolean> privacy = integers().between(0, 2).map(i -> i == 0 ? null : i == 1);
        Gen<Sort> sorts = integers().between(0, SortField.values().length - 1).zip(booleans().all(),
                (field, ascending) -> new Sort(SortField.values()[field], ascending));
        Gen<List<Sort>> sortLists = lists().of(sorts).ofSizeBetween(0, 3);
        // a limit of 0 and an offset of 0 now and then: a page that wants nothing
        Gen<Integer> limits = integers().between(-3, 30).map(i -> Math.max(i, 0));
        Gen<Integer> offsets = integers().between(-maxConnectors / 4, maxConnectors).map(i -> Math.max(i, 0));
        return privacy.zip(typeSets(3), sortLists, limits, offsets,
                (isPrivate, types, sort, limit, offset) -> ConnectorQuery.defaults().withIsPrivate(isPrivate)
                        .withIntegrationTypes(types).withSort(sort).withLimit(limit).withOffset(offset));
    }

    /** The page a store must answer: everything that matches, sorted by the query's order, then cut. */
    public static QueryPage expected(Collection<ConnectorStaged> held, ConnectorQuery query) {
        List<ConnectorStaged> matches = held.stream().filter(query::matches).sorted(query.order()).toList();
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.limit(), matches.size());
        return new QueryPage(matches.subList(from, to), matches.size());
    }
}
