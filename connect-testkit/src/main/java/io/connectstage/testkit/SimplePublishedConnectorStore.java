package io.connectstage.testkit;

import io.connectstage.connector.Connector;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.PublishedConnectorStore;
import io.vavr.control.Option;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The plainest correct {@link PublishedConnectorStore}: a sorted map behind one lock (see
 * {@link SimpleConnectorStore}).
 *
 * <pre>{@code
 * ProcessingContract.Stores stores = new ProcessingContract.Stores(new SimpleConnectorStore(), new SimplePublishedConnectorStore());
 * }</pre>
 */
public final class SimplePublishedConnectorStore implements PublishedConnectorStore {
    private record Entry(Connector connector, boolean listed) {
    }

    private final Map<String, Entry> byId = new TreeMap<>();

    @Override
    public synchronized Option<Connector> findById(String id) {
        return Option.of(id == null ? null : byId.get(id)).map(Entry::connector);
    }

    @Override
    public synchronized Option<Connector> findByKey(String key) {
        return key == null ? Option.none() : Option.ofOptional(byId.values().stream().map(Entry::connector)
                .filter(c -> key.equals(c.key())).findFirst());
    }

    @Override
    public synchronized void save(Connector connector, boolean listed) {
        Objects.requireNonNull(connector, "connector is null");
        Entry stored = byId.get(connector.id());
        if (stored == null || connector.version() >= stored.connector().version()) {
            byId.put(connector.id(), new Entry(connector, listed));
        }
    }

    @Override
    public synchronized boolean setListed(String id, boolean listed) {
        Entry entry = byId.get(id);
        if (entry == null) {
            return false;
        }
        byId.put(id, new Entry(entry.connector(), listed));
        return true;
    }

    @Override
    public synchronized ConnectorSearchPage search(ConnectorSearch search) {
        List<Connector> matches = byId.values().stream().filter(e -> e.listed() || e.connector().isPrivate())
                .map(Entry::connector).filter(search::matches).sorted(search.order()).toList();
        int from = Math.min(search.offset(), matches.size());
        int to = Math.min(from + search.limit(), matches.size());
        return new ConnectorSearchPage(matches.subList(from, to), matches.size());
    }
}
