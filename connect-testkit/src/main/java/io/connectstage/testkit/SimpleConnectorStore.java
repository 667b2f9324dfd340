package io.connectstage.testkit;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plainest correct {@link ConnectorStore}: sorted maps behind one lock. It lets connect-core
 * test its service and processor without a store module (which depends on core), runs the
 * same contract suites as the real stores, and serves as their reference model; it is not fast
 * and not meant to be.
 *
 * <pre>{@code
 * ConnectorStagedService service = ConnectorStagedService.builder(new SimpleConnectorStore()).build();
 * }</pre>
 */
public final class SimpleConnectorStore implements ConnectorStore {
    private final Map<String, ConnectorStaged> byId = new TreeMap<>();
    private final Map<String, Work> works = new TreeMap<>();

    @Override
    public synchronized Option<ConnectorStaged> findById(String id) {
        return Option.of(id == null ? null : byId.get(id));
    }

    @Override
    public synchronized Option<ConnectorStaged> findByKey(String key) {
        return key == null ? Option.none()
                : Option.ofOptional(byId.values().stream().filter(c -> key.equals(c.key())).findFirst());
    }

    @Override
    public synchronized Either<StoreRefusal, ConnectorStaged> insert(ConnectorStaged connector) {
        Objects.requireNonNull(connector, "connector is null");
        if (findByKey(connector.key()).isDefined()) {
            return Either.left(new StoreRefusal.KeyTaken(connector.key()));
        }
        if (byId.containsKey(connector.id())) {
            return Either.left(new StoreRefusal.IdTaken(connector.id()));
        }
        byId.put(connector.id(), connector);
        return Either.right(connector);
    }

    @Override
    public synchronized Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, ConnectorWrite write) {
        Objects.requireNonNull(next, "next is null");
        if (write.publishes() != null) {
            throw new IllegalArgumentException("this store keeps no published Connectors");
        }
        List<Work> enqueue = write.enqueue();
        Work completes = write.completes();
        ConnectorStaged current = byId.get(next.id());
        if (current == null) {
            return Either.left(new StoreRefusal.NotFound(next.id()));
        }
        if (current.version() != expectedVersion) {
            return Either.left(new StoreRefusal.VersionMismatch(current.id(), current.key(), expectedVersion,
                    current.version()));
        }
        if (!Objects.equals(current.key(), next.key())) {
            return Either.left(new StoreRefusal.KeyChanged(current.id()));
        }
        if (completes != null && !completes.sameClaimAs(works.get(completes.id()))) {
            return Either.left(new StoreRefusal.WorkGone(completes.id()));
        }
        if (completes != null) {
            works.remove(completes.id());
        }
        enqueue.forEach(w -> works.put(w.id(), w));
        byId.put(next.id(), next);
        return Either.right(next);
    }

    @Override
    public synchronized Either<StoreRefusal, ConnectorStaged> delete(String id, long expectedVersion) {
        ConnectorStaged current = byId.get(id);
        if (current == null) {
            return Either.left(new StoreRefusal.NotFound(id));
        }
        if (current.version() != expectedVersion) {
            return Either.left(new StoreRefusal.VersionMismatch(id, current.key(), expectedVersion, current.version()));
        }
        byId.remove(id);
        works.values().removeIf(w -> w.connectorId().equals(id));
        return Either.right(current);
    }

    @Override
    public synchronized QueryPage query(ConnectorQuery query) {
        List<ConnectorStaged> matches = byId.values().stream().filter(query::matches).sorted(query.order()).toList();
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.limit(), matches.size());
        return new QueryPage(matches.subList(from, to), matches.size());
    }

    @Override
    public synchronized Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds) {
        for (Work work : works.values()) {
            if (kinds.contains(work.kind()) && work.claimableAt(now)) {
                Work claimed = work.claimedBy(owner, until);
                works.put(claimed.id(), claimed);
                return Option.some(claimed);
            }
        }
        return Option.none();
    }

    @Override
    public synchronized boolean complete(Work claimed) {
        if (!claimed.sameClaimAs(works.get(claimed.id()))) {
            return false;
        }
        works.remove(claimed.id());
        return true;
    }

    @Override
    public synchronized boolean renew(Work claimed, Instant until) {
        Work held = works.get(claimed.id());
        if (!claimed.sameClaimAs(held)) {
            return false;
        }
        works.put(held.id(), held.renewedUntil(until));
        return true;
    }

    @Override
    public synchronized List<Work> work() {
        return List.copyOf(new ArrayList<>(works.values()));
    }
}
