package io.connectstage.http;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.deployment.ConnectorAccess;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final Pairing pairing;

    /**
     * How a project's staged store is made to publish into the shared store in its own writes
     * ({@link #stagedOf}): a store over the same connectors whose write that carries a publication
     * also records who may read it ({@link #access(String, ConnectorStaged, ConnectorWrite.Publication)})
     * and stores the publication in {@link #store()}, all in that one atomic write; none when it
     * cannot for this staged store (then the processor publishes in a write of its own).
     */
    @FunctionalInterface
    public interface Pairing {
        /** Pairs nothing. */
        Pairing NONE = (projectKey, staged) -> Optional.empty();

        Optional<ConnectorStore> pair(String projectKey, ConnectorStore staged);
    }

    /**
     * The shared store and its access records; memory ones ({@link InMemoryPublishedConnectorStore},
     * {@link PublishedAccess#memory()}) pair the memory staged stores ({@link InMemoryConnectorStore})
     * of the projects, others none ({@link #SharedPublished(PublishedConnectorStore, PublishedAccess, Pairing)}).
     */
    public SharedPublished(PublishedConnectorStore store, PublishedAccess access) {
        this(store, access, memoryPairing(store, access));
    }

    /** The shared store, its access records, and how the projects' staged stores pair with them. */
    public SharedPublished(PublishedConnectorStore store, PublishedAccess access, Pairing pairing) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.access = Objects.requireNonNull(access, "access is null");
        this.pairing = Objects.requireNonNull(pairing, "pairing is null");
    }

    /**
     * The access record a write of {@code projectKey} that carries {@code publication} stores with
     * it: a publish records this project and the connector's {@code privateProjects}; a change of
     * the listing records nothing.
     */
    public static Optional<PublishedAccess.Access> access(String projectKey, ConnectorStaged next,
            ConnectorWrite.Publication publication) {
        return publication instanceof ConnectorWrite.Publish
                ? Optional.of(new PublishedAccess.Access(projectKey, next.privateProjects()))
                : Optional.empty();
    }

    /**
     * Memory stores publish inside the staged connector's entry step: the access record (a
     * concurrent map) and the published Connector (its entry of a concurrent map) are memory
     * steps that never wait on a staged store.
     */
    private static Pairing memoryPairing(PublishedConnectorStore store, PublishedAccess access) {
        if (!(store instanceof InMemoryPublishedConnectorStore published) || !(access instanceof MemoryPublishedAccess)) {
            return Pairing.NONE;
        }
        return (projectKey, staged) -> staged instanceof InMemoryConnectorStore memory
                ? Optional.of(memory.publishingTo(published, (next, publication) -> access(projectKey, next, publication)
                        .ifPresent(a -> access.record(next.id(), a))))
                : Optional.empty();
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

    /**
     * What this project sees; {@code staged} is its own store, read for {@code privateProjects} on
     * save. Its saves record who may read, then save, in two steps; a staged store given by
     * {@link #stagedOf} does both in its own write instead, and answers {@code publishesTo} for
     * every view of its project.
     */
    public PublishedConnectorStore viewOf(String projectKey, ConnectorStore staged) {
        return new View(Objects.requireNonNull(projectKey, "projectKey is null"), Objects.requireNonNull(staged, "staged is null"));
    }

    /**
     * This project's staged store as its processor, services and certification desk must use it:
     * when the pairing made with this shared store knows {@code staged}, a store over the very same
     * connectors whose writes also publish into the shared store and record who may read the
     * published Connector ({@link PublishedAccess.Access}: this project, the {@code privateProjects}
     * of the connector written), all in the one atomic write of the staged change; then
     * {@code publishesTo} answers {@code true} for the views of this project ({@link #viewOf}).
     * Else {@code staged} itself, and the processor publishes before the settle, in a write of
     * its own.
     */
    public ConnectorStore stagedOf(String projectKey, ConnectorStore staged) {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(staged, "staged is null");
        return pairing.pair(projectKey, staged)
                .<ConnectorStore>map(paired -> new PairedStaged(paired, view -> view instanceof View v && v.of(this, projectKey)))
                .orElse(staged);
    }

    /** What this project may read of the shared store. */
    private final class View implements PublishedConnectorStore {
        private final String projectKey;
        private final ConnectorStore staged;

        View(String projectKey, ConnectorStore staged) {
            this.projectKey = projectKey;
            this.staged = staged;
        }

        /** Whether this is a view of that project over that shared store. */
        boolean of(SharedPublished shared, String project) {
            return SharedPublished.this == shared && projectKey.equals(project);
        }

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
