package io.connectstage.bench;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.QueryPage;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The baseline of {@link StoreBenchmark}: the memory store as it was before it kept sorted
 * indexes (two concurrent maps; a query filters and sorts every connector), so that the cost of
 * the indexes on writes and their gain on queries come out of one run.
 */
final class SortingMemoryStore implements ConnectorStore {
    private final ConcurrentMap<String, ConnectorStaged> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> idByKey = new ConcurrentHashMap<>();

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
        if (byId.putIfAbsent(connector.id(), connector) != null) {
            if (key != null) {
                idByKey.remove(key, connector.id());
            }
            return Either.left(new StoreRefusal.IdTaken(connector.id()));
        }
        return Either.right(connector);
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, ConnectorWrite write) {
        Objects.requireNonNull(next, "next is null");
        if (write.publishes() != null) {
            throw new IllegalArgumentException("this store keeps no published Connectors");
        }
        List<Work> enqueue = write.enqueue();
        Work completes = write.completes();
        StoreRefusal[] refusal = new StoreRefusal[1];
        ConnectorStaged stored = byId.computeIfPresent(next.id(), (id, current) -> {
            if (current.version() != expectedVersion) {
                refusal[0] = new StoreRefusal.VersionMismatch(id, current.key(), expectedVersion, current.version());
                return current;
            }
            if (!Objects.equals(current.key(), next.key())) {
                refusal[0] = new StoreRefusal.KeyChanged(id);
                return current;
            }
            return next;
        });
        if (stored == null) {
            return Either.left(new StoreRefusal.NotFound(next.id()));
        }
        return refusal[0] == null ? Either.right(stored) : Either.left(refusal[0]);
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> delete(String id, long expectedVersion) {
        StoreRefusal[] refusal = new StoreRefusal[1];
        ConnectorStaged[] removed = new ConnectorStaged[1];
        byId.computeIfPresent(id, (key, current) -> {
            if (current.version() != expectedVersion) {
                refusal[0] = new StoreRefusal.VersionMismatch(id, current.key(), expectedVersion, current.version());
                return current;
            }
            removed[0] = current;
            return null;
        });
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

    /** The benchmark enqueues no work: the work methods answer nothing. */
    @Override
    public Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds) {
        return Option.none();
    }

    @Override
    public boolean complete(Work claimed) {
        return false;
    }

    @Override
    public boolean renew(Work claimed, Instant until) {
        return false;
    }

    @Override
    public List<Work> work() {
        return List.of();
    }

    @Override
    public QueryPage query(ConnectorQuery query) {
        List<ConnectorStaged> matches = byId.values().stream().filter(query::matches).sorted(query.order()).toList();
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.limit(), matches.size());
        return new QueryPage(matches.subList(from, to), matches.size());
    }
}
