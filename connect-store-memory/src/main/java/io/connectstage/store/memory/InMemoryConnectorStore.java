package io.connectstage.store.memory;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.QueryPage;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default store: two concurrent maps, by id and by key, a map of work by id, and
 * {@link SortedIndexes} that keep the connectors of each privacy and integration type in the
 * order of each sort field that queries use, so that a query walks to its page through its
 * matches instead of sorting everything. A write locks only the entry it changes (the map's own
 * per-bin locking, inside which it also updates the indexes), so writers of different connectors
 * never wait on each other, and readers never wait at all. Values are immutable, so what a reader gets is a
 * consistent snapshot of one connector.
 *
 * <pre>{@code
 * ConnectorStore store = new InMemoryConnectorStore();
 * }</pre>
 */
public final class InMemoryConnectorStore implements ConnectorStore {
    private final ConcurrentMap<String, ConnectorStaged> byId;
    private final ConcurrentMap<String, String> idByKey;
    private final ConcurrentMap<String, Work> works;
    private final SortedIndexes indexes;
    /** Where the publications of writes land, or {@code null}: a store of staged connectors only. */
    private final InMemoryPublishedConnectorStore published;
    /** What each publication also records, in the same step ({@link #publishingTo}). */
    private final Alongside alongside;

    /**
     * What a store made by {@link #publishingTo} records with each publication of its writes, inside
     * the step of the write (after every check has passed, before the publication is stored), such
     * as who may read the published Connector. It must be a memory step that neither fails, nor
     * waits, nor calls this store.
     */
    @FunctionalInterface
    public interface Alongside {
        Alongside NOTHING = (next, publication) -> { };

        /** {@code next} is the staged connector the write stores, {@code publication} what it publishes. */
        void publishing(ConnectorStaged next, ConnectorWrite.Publication publication);
    }

    /** A store of staged connectors only: a write that carries a publication is refused. */
    public InMemoryConnectorStore() {
        this.byId = new ConcurrentHashMap<>();
        this.idByKey = new ConcurrentHashMap<>();
        this.works = new ConcurrentHashMap<>();
        this.indexes = new SortedIndexes();
        this.published = null;
        this.alongside = Alongside.NOTHING;
    }

    /** A store over the very values of {@code base}, publishing as said. */
    private InMemoryConnectorStore(InMemoryConnectorStore base, InMemoryPublishedConnectorStore published, Alongside alongside) {
        this.byId = base.byId;
        this.idByKey = base.idByKey;
        this.works = base.works;
        this.indexes = base.indexes;
        this.published = Objects.requireNonNull(published, "published is null");
        this.alongside = Objects.requireNonNull(alongside, "alongside is null");
    }

    /**
     * A store whose writes also publish into {@code published}, inside the same step as the staged
     * change ({@link #publishesTo}): a settle that is refused publishes nothing.
     *
     * <pre>{@code
     * InMemoryPublishedConnectorStore published = new InMemoryPublishedConnectorStore();
     * ConnectorStore staged = new InMemoryConnectorStore(published);
     * ConnectorProcessor processor = ConnectorProcessor.builder(staged, published, analyzer).build();
     * }</pre>
     */
    public InMemoryConnectorStore(InMemoryPublishedConnectorStore published) {
        this(new InMemoryConnectorStore(), published, Alongside.NOTHING);
    }

    /**
     * A store over the very connectors and work of this one (a write through either is seen by
     * both) whose writes also publish into {@code published}, and record {@code alongside} with
     * each publication, all in the step of the staged change: a server whose projects each have a
     * staged store of their own, and share one published store, pairs each project's this way.
     * The step holds this connector's entry, then the published Connector's entry: the published
     * store never waits on a staged one, so projects that publish at once cannot deadlock.
     */
    public InMemoryConnectorStore publishingTo(InMemoryPublishedConnectorStore published, Alongside alongside) {
        return new InMemoryConnectorStore(this, published, alongside);
    }

    /** Whether {@code store} is the published store this one was made with. */
    @Override
    public boolean publishesTo(PublishedConnectorStore store) {
        return published != null && store == published;
    }

    @Override
    public Option<ConnectorStaged> findById(String id) {
        return id == null ? Option.none() : Option.of(byId.get(id));
    }

    @Override
    public Option<ConnectorStaged> findByKey(String key) {
        if (key == null) {
            return Option.none();
        }
        String id = idByKey.get(key);
        return id == null ? Option.none() : findById(id);
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> insert(ConnectorStaged connector) {
        Objects.requireNonNull(connector, "connector is null");
        String key = connector.key();
        // The key is claimed first, so two inserts racing for one key cannot both win.
        if (key != null && idByKey.putIfAbsent(key, connector.id()) != null) {
            return Either.left(new StoreRefusal.KeyTaken(key));
        }
        boolean[] added = new boolean[1];
        indexes.writing(() -> byId.computeIfAbsent(connector.id(), id -> {
            added[0] = true;
            return indexes.added(connector);
        }));
        if (!added[0]) {
            if (key != null) {
                idByKey.remove(key, connector.id());
            }
            return Either.left(new StoreRefusal.IdTaken(connector.id()));
        }
        return Either.right(connector);
    }

    /**
     * The compare-and-set runs under the map's lock of this connector's entry; the work to
     * complete is removed (only if it is still that very claim), the new work added and the
     * publication made inside it, once every check has passed, so the connector change, its work
     * and its published Connector are one step for every other writer of this connector, and a
     * refused write changes none of them. A reader may see the published Connector an instant
     * before the staged change, never the settled staged connector without it.
     * {@link #claim} skips work whose connector write is still under way.
     */
    @Override
    public Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, ConnectorWrite write) {
        Objects.requireNonNull(next, "next is null");
        if (write.publishes() != null && published == null) {
            throw new IllegalArgumentException("this store keeps no published Connectors: make it with one");
        }
        if (write.publishes() != null && !write.publishes().belongsTo(next.id())) {
            // checked before the write begins: nothing may fail once its work has moved
            throw new IllegalArgumentException("the publication of this write is not of connector " + next.id());
        }
        List<Work> added = write.enqueue();
        Work completes = write.completes();
        StoreRefusal[] refusal = new StoreRefusal[1];
        ConnectorStaged stored = indexes.writing(() -> byId.computeIfPresent(next.id(), (id, current) -> {
            if (current.version() != expectedVersion) {
                refusal[0] = new StoreRefusal.VersionMismatch(id, current.key(), expectedVersion, current.version());
                return current;
            }
            if (!Objects.equals(current.key(), next.key())) {
                refusal[0] = new StoreRefusal.KeyChanged(id);
                return current;
            }
            if (completes != null) {
                Work held = works.get(completes.id());
                if (!completes.sameClaimAs(held) || !works.remove(completes.id(), held)) {
                    refusal[0] = new StoreRefusal.WorkGone(completes.id());
                    return current;
                }
            }
            for (Work work : added) {
                works.put(work.id(), work);
            }
            if (write.publishes() != null) {
                alongside.publishing(next, write.publishes());
                write.publishes().applyTo(id, published);
            }
            return indexes.replaced(current, next);
        }));
        if (stored == null) {
            return Either.left(new StoreRefusal.NotFound(next.id()));
        }
        return refusal[0] == null ? Either.right(stored) : Either.left(refusal[0]);
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> delete(String id, long expectedVersion) {
        StoreRefusal[] refusal = new StoreRefusal[1];
        ConnectorStaged[] removed = new ConnectorStaged[1];
        indexes.writing(() -> byId.computeIfPresent(id, (key, current) -> {
            if (current.version() != expectedVersion) {
                refusal[0] = new StoreRefusal.VersionMismatch(id, current.key(), expectedVersion, current.version());
                return current;
            }
            removed[0] = indexes.removed(current);
            works.values().removeIf(w -> w.connectorId().equals(id));
            return null;
        }));
        if (refusal[0] != null) {
            return Either.left(refusal[0]);
        }
        if (removed[0] == null) {
            return Either.left(new StoreRefusal.NotFound(id));
        }
        if (removed[0].key() != null) {
            idByKey.remove(removed[0].key(), id);
        }
        return Either.right(removed[0]);
    }

    @Override
    public Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds) {
        for (Work work : works.values()) {
            ConnectorStaged connector = byId.get(work.connectorId());
            if (!kinds.contains(work.kind()) || !work.claimableAt(now) || connector != null && connector.version() < work.connectorVersion()) {
                continue;
            }
            Work claimed = work.claimedBy(owner, until);
            if (works.replace(work.id(), work, claimed)) {
                return Option.some(claimed);
            }
        }
        return Option.none();
    }

    @Override
    public boolean complete(Work claimed) {
        Work held = works.get(claimed.id());
        return claimed.sameClaimAs(held) && works.remove(claimed.id(), held);
    }

    @Override
    public boolean renew(Work claimed, Instant until) {
        Work held = works.get(claimed.id());
        return claimed.sameClaimAs(held) && works.replace(claimed.id(), held, held.renewedUntil(until));
    }

    @Override
    public List<Work> work() {
        return works.values().stream().sorted(Comparator.comparing(Work::id)).toList();
    }

    @Override
    public QueryPage query(ConnectorQuery query) {
        return indexes.query(query, byId::get, byId.values());
    }
}
