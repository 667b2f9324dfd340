package io.connectstage.http;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.deployment.ConnectorAccess;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.PublishedConnectorStore;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one store of published Connectors that all projects share, and what one project sees of it:
 * public Connectors, and private ones it published or is among the {@code privateProjects} of.
 * {@link #viewOf} is a {@link PublishedConnectorStore} for one project: its processor saves through
 * it (recording who may read), and its {@code /connectors/...} routes read through it.
 *
 * <p>Keys are unique per project only, so two projects may publish Connectors with one key:
 * {@code key=} answers the reader's own first, then any other it may read.
 */
public final class SharedPublished {
    /** A search reads at most this many matches of the shared store before the visibility filter. */
    static final int MAX_SCANNED = ConnectorQuery.MAX_OFFSET + ConnectorQuery.MAX_LIMIT;

    private final PublishedConnectorStore store;
    private final PublishedAccess access;

    public SharedPublished(PublishedConnectorStore store, PublishedAccess access) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.access = Objects.requireNonNull(access, "access is null");
    }

    public PublishedConnectorStore store() {
        return store;
    }

    public PublishedAccess access() {
        return access;
    }

    /** Whether this project may read this Connector. */
    public boolean visible(Connector c, String projectKey) {
        return !c.isPrivate() || access.find(c.id()).map(a -> a.allows(projectKey)).orElse(false);
    }

    /** What this project sees; {@code staged} is its own store, read for {@code privateProjects} on save. */
    public PublishedConnectorStore viewOf(String projectKey, ConnectorStore staged) {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(staged, "staged is null");
        return new PublishedConnectorStore() {
            @Override
            public Option<Connector> findById(String id) {
                return store.findById(id).filter(c -> visible(c, projectKey));
            }

            @Override
            public Option<Connector> findByKey(String key) {
                if (key == null) {
                    return Option.none();
                }
                List<Connector> found = visibleMatches(ConnectorSearch.defaults().withKeys(Set.of(key)), projectKey);
                for (Connector c : found) {
                    if (access.find(c.id()).map(a -> a.ownerProject().equals(projectKey)).orElse(false)) {
                        return Option.of(c);
                    }
                }
                return found.isEmpty() ? Option.none() : Option.of(found.get(0));
            }

            @Override
            public void save(Connector connector, boolean listed) {
                List<String> shared = staged.findById(connector.id()).map(ConnectorStaged::privateProjects)
                        .getOrElse(List.of());
                access.record(connector.id(), new PublishedAccess.Access(projectKey, shared));
                store.save(connector, listed);
            }

            @Override
            public boolean setListed(String id, boolean listed) {
                return findById(id).isDefined() && store.setListed(id, listed);
            }

            @Override
            public ConnectorSearchPage search(ConnectorSearch search) {
                List<Connector> all = visibleMatches(search, projectKey);
                int from = Math.min(search.offset(), all.size());
                int to = Math.min(from + search.limit(), all.size());
                return new ConnectorSearchPage(all.subList(from, to), all.size());
            }
        };
    }

    /**
     * What this project's Deployments look up: every Connector by id, and by key the one this
     * project sees first ({@link #viewOf}), else any. Whether the project may deploy a private one
     * is then the core's check ({@code ConnectorAccess}, given by {@link #accessOf}), which answers
     * {@code AuthorizationError} with its reason instead of a Connector "not found".
     */
    public PublishedConnectorStore deployableOf(String projectKey, ConnectorStore staged) {
        PublishedConnectorStore view = viewOf(projectKey, staged);
        return new PublishedConnectorStore() {
            @Override
            public Option<Connector> findById(String id) {
                return store.findById(id);
            }

            @Override
            public Option<Connector> findByKey(String key) {
                return view.findByKey(key).orElse(() -> key == null ? Option.none() : store.findByKey(key));
            }

            @Override
            public void save(Connector connector, boolean listed) {
                view.save(connector, listed);
            }

            @Override
            public boolean setListed(String id, boolean listed) {
                return view.setListed(id, listed);
            }

            @Override
            public ConnectorSearchPage search(ConnectorSearch search) {
                return view.search(search);
            }
        };
    }

    /** Who may use the private Connector with this id: the project that published it and its {@code privateProjects}. */
    public Option<ConnectorAccess> accessOf(String connectorId) {
        return Option.ofOptional(access.find(connectorId))
                .map(a -> new ConnectorAccess(a.ownerProject(), a.privateProjects()));
    }

    /** Every match this project may read, in the search's order (up to {@link #MAX_SCANNED} matches read). */
    private List<Connector> visibleMatches(ConnectorSearch search, String projectKey) {
        List<Connector> visible = new ArrayList<>();
        int limit = ConnectorQuery.MAX_LIMIT;
        for (int offset = 0; offset < MAX_SCANNED; offset += limit) {
            ConnectorSearchPage page = store.search(search.withOffset(offset).withLimit(limit));
            for (Connector c : page.results()) {
                if (visible(c, projectKey)) {
                    visible.add(c);
                }
            }
            if (page.results().size() < limit || offset + limit >= page.total()) {
                break;
            }
        }
        return visible;
    }
}
