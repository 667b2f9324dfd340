package io.connectstage.store.memory;

import io.connectstage.connector.Connector;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.PublishedConnectorStore;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default store of published Connectors: one concurrent map by id, each entry the Connector
 * and its listing. Keys are looked up by a scan of the values: the staged store already keeps
 * them unique, and published Connectors are few next to staged ones.
 */
public final class InMemoryPublishedConnectorStore implements PublishedConnectorStore {
    private record Entry(Connector connector, boolean listed) {
    }

    private final ConcurrentMap<String, Entry> byId = new ConcurrentHashMap<>();

    @Override
    public Option<Connector> findById(String id) {
        return Option.of(id == null ? null : byId.get(id)).map(Entry::connector);
    }

    @Override
    public Option<Connector> findByKey(String key) {
        if (key == null) {
            return Option.none();
        }
        return Option.ofOptional(byId.values().stream().map(Entry::connector)
                .filter(c -> key.equals(c.key())).findFirst());
    }

    @Override
    public void save(Connector connector, boolean listed) {
        Objects.requireNonNull(connector, "connector is null");
        // An older version never replaces the stored one: a late settle does not take it back.
        byId.merge(connector.id(), new Entry(connector, listed),
                (stored, next) -> next.connector().version() >= stored.connector().version() ? next : stored);
    }

    @Override
    public boolean setListed(String id, boolean listed) {
        return byId.computeIfPresent(id, (key, entry) -> new Entry(entry.connector(), listed)) != null;
    }

    /**
     * Keeps only the first {@code offset + limit} matches in a heap as it goes through all of
     * them (a text search must look at each anyway), rather than sorting every match.
     */
    @Override
    public ConnectorSearchPage search(ConnectorSearch search) {
        if (search.limit() < 0 || search.offset() < 0) {
            throw new IllegalArgumentException("a search needs a limit and an offset of at least 0: " + search);
        }
        Comparator<Connector> order = search.order();
        int wanted = search.offset() + search.limit();
        PriorityQueue<Connector> first = new PriorityQueue<>(order.reversed());
        long total = 0;
        for (Entry entry : byId.values()) {
            Connector c = entry.connector();
            if (!(entry.listed() || c.isPrivate()) || !search.matches(c)) {
                continue;
            }
            total++;
            if (first.size() < wanted) {
                first.add(c);
            } else if (wanted > 0 && order.compare(c, first.peek()) < 0) {
                first.poll();
                first.add(c);
            }
        }
        List<Connector> page = new ArrayList<>(first);
        page.sort(order);
        return new ConnectorSearchPage(page.subList(Math.min(search.offset(), page.size()), page.size()), total);
    }
}
