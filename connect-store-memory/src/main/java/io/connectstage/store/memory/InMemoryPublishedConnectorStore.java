package io.connectstage.store.memory;

import io.connectstage.connector.Connector;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.PublishedConnectorStore;
import io.vavr.control.Option;
import java.util.List;
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
        byId.put(connector.id(), new Entry(connector, listed));
    }

    @Override
    public boolean setListed(String id, boolean listed) {
        return byId.computeIfPresent(id, (key, entry) -> new Entry(entry.connector(), listed)) != null;
    }

    @Override
    public ConnectorSearchPage search(ConnectorSearch search) {
        List<Connector> matches = byId.values().stream()
                .filter(e -> e.listed() || e.connector().isPrivate())
                .map(Entry::connector)
                .filter(search::matches)
                .sorted(search.order())
                .toList();
        int from = Math.min(search.offset(), matches.size());
        int to = Math.min(from + search.limit(), matches.size());
        return new ConnectorSearchPage(matches.subList(from, to), matches.size());
    }
}
