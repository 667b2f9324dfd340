package io.connectstage.bench;

import io.connectstage.action.Resources;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.QueryPage;
import io.connectstage.store.SortField;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;
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
    public Either<ConnectError, ConnectorStaged> insert(ConnectorStaged connector) {
        Objects.requireNonNull(connector, "connector is null");
        String key = connector.key();
        // The key is claimed first, so two inserts racing for one key cannot both win.
        if (key != null && idByKey.putIfAbsent(key, connector.id()) != null) {
            return Either.left(ConnectError.duplicateField("key", key));
        }
        if (byId.putIfAbsent(connector.id(), connector) != null) {
            if (key != null) {
                idByKey.remove(key, connector.id());
            }
            return Either.left(ConnectError.duplicateField("id", connector.id()));
        }
        return Either.right(connector);
    }

    @Override
    public Either<ConnectError, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion) {
        Objects.requireNonNull(next, "next is null");
        ConnectError[] refusal = new ConnectError[1];
        ConnectorStaged stored = byId.computeIfPresent(next.id(), (id, current) -> {
            if (current.version() != expectedVersion) {
                refusal[0] = ConnectError.concurrentModification(Resources.describe(current), expectedVersion,
                        current.version());
                return current;
            }
            if (!Objects.equals(current.key(), next.key())) {
                refusal[0] = ConnectError.invalidField("key", "cannot be changed");
                return current;
            }
            return next;
        });
        if (stored == null) {
            return Either.left(ConnectError.resourceNotFound("id '" + next.id() + "'"));
        }
        return refusal[0] == null ? Either.right(stored) : Either.left(refusal[0]);
    }

    @Override
    public Either<ConnectError, ConnectorStaged> delete(String id, long expectedVersion) {
        ConnectError[] refusal = new ConnectError[1];
        ConnectorStaged[] removed = new ConnectorStaged[1];
        byId.computeIfPresent(id, (key, current) -> {
            if (current.version() != expectedVersion) {
                refusal[0] = ConnectError.concurrentModification(Resources.describe(current), expectedVersion,
                        current.version());
                return current;
            }
            removed[0] = current;
            return null;
        });
        if (refusal[0] != null) {
            return Either.left(refusal[0]);
        }
        if (removed[0] == null) {
            return Either.left(ConnectError.resourceNotFound("id '" + id + "'"));
        }
        if (removed[0].key() != null) {
            idByKey.remove(removed[0].key(), id);
        }
        return Either.right(removed[0]);
    }

    @Override
    public List<ConnectorStaged> awaitingProcessing() {
        return byId.values().stream()
                .filter(c -> c.isPreviewable() == IsPreviewable.PENDING || c.status() == ConnectorStatus.PROCESSING)
                .sorted(SortField.ID.ascending())
                .toList();
    }

    @Override
    public QueryPage query(ConnectorQuery query) {
        List<ConnectorStaged> matches = byId.values().stream().filter(query::matches).sorted(query.order()).toList();
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.limit(), matches.size());
        return new QueryPage(matches.subList(from, to), matches.size());
    }
}
