package io.connectstage.store.memory;

import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.deployment.DeploymentLogs;
import io.connectstage.store.DeploymentQuery;
import io.connectstage.store.DeploymentQueryPage;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Deployments, their logs and their work in concurrent maps. Reads never wait; writes (and
 * claims) take one lock, since a write touches a Deployment, its key, its logs and the work
 * queue at once and must be seen whole. The logs of a Deployment are an immutable
 * {@link DeploymentLogs} replaced on each append, so that a page is found by binary search.
 *
 * <pre>{@code
 * DeploymentStore store = new InMemoryDeploymentStore();
 * }</pre>
 */
public final class InMemoryDeploymentStore implements DeploymentStore {
    private final Object writeLock = new Object();
    private final ConcurrentMap<String, Stored> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> idByProjectKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, Deployment>> byProject = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DeploymentLogs> logs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Work> works = new ConcurrentHashMap<>();

    /** A Deployment and the project it belongs to. */
    private record Stored(String projectKey, Deployment deployment) {
    }

    @Override
    public Option<Deployment> findById(String projectKey, String id) {
        Stored s = id == null ? null : byId.get(id);
        return s == null || !s.projectKey().equals(projectKey) ? Option.none() : Option.of(s.deployment());
    }

    @Override
    public Option<Deployment> findByKey(String projectKey, String key) {
        if (projectKey == null || key == null) {
            return Option.none();
        }
        String id = idByProjectKey.get(projectKey + "\n" + key);
        return id == null ? Option.none() : findById(projectKey, id);
    }

    @Override
    public Either<StoreRefusal, Deployment> insert(String projectKey, Deployment d, DeploymentWrite write) {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(d, "deployment is null");
        Objects.requireNonNull(write, "write is null");
        synchronized (writeLock) {
            if (d.key() != null && idByProjectKey.containsKey(projectKey + "\n" + d.key())) {
                return Either.left(new StoreRefusal.KeyTaken(d.key()));
            }
            if (byId.containsKey(d.id())) {
                return Either.left(new StoreRefusal.IdTaken(d.id()));
            }
            if (d.key() != null) {
                idByProjectKey.put(projectKey + "\n" + d.key(), d.id());
            }
            put(projectKey, d);
            apply(d.id(), write);
            return Either.right(d);
        }
    }

    @Override
    public Either<StoreRefusal, Deployment> replace(String projectKey, Deployment next, long expectedVersion,
            DeploymentWrite write) {
        Objects.requireNonNull(next, "next is null");
        Objects.requireNonNull(write, "write is null");
        synchronized (writeLock) {
            Either<StoreRefusal, Deployment> refused = check(projectKey, next.id(), expectedVersion, write.completes());
            if (refused.isLeft()) {
                return refused;
            }
            if (!Objects.equals(refused.get().key(), next.key())) {
                return Either.left(new StoreRefusal.KeyChanged(next.id()));
            }
            put(projectKey, next);
            apply(next.id(), write);
            return Either.right(next);
        }
    }

    @Override
    public Either<StoreRefusal, Deployment> delete(String projectKey, String id, long expectedVersion, Work completes) {
        synchronized (writeLock) {
            Either<StoreRefusal, Deployment> current = check(projectKey, id, expectedVersion, completes);
            if (current.isLeft()) {
                return current;
            }
            Deployment d = current.get();
            byId.remove(id);
            byProject.get(projectKey).remove(id);
            if (d.key() != null) {
                idByProjectKey.remove(projectKey + "\n" + d.key());
            }
            logs.remove(id);
            works.values().removeIf(w -> w.kind().isDeploymentStep() && w.connectorId().equals(id));
            return Either.right(d);
        }
    }

    private Either<StoreRefusal, Deployment> check(String projectKey, String id, long expectedVersion, Work completes) {
        Stored s = id == null ? null : byId.get(id);
        if (s == null || !s.projectKey().equals(projectKey)) {
            return Either.left(new StoreRefusal.NotFound(id));
        }
        Deployment current = s.deployment();
        if (current.version() != expectedVersion) {
            return Either.left(new StoreRefusal.VersionMismatch(id, current.key(), expectedVersion, current.version()));
        }
        if (completes != null && !completes.sameClaimAs(works.get(completes.id()))) {
            return Either.left(new StoreRefusal.WorkGone(completes.id()));
        }
        return Either.right(current);
    }

    private void put(String projectKey, Deployment d) {
        byId.put(d.id(), new Stored(projectKey, d));
        byProject.computeIfAbsent(projectKey, p -> new ConcurrentHashMap<>()).put(d.id(), d);
    }

    private void apply(String id, DeploymentWrite write) {
        if (write.completes() != null) {
            works.remove(write.completes().id());
        }
        write.enqueue().forEach(w -> works.put(w.id(), w));
        if (!write.logs().isEmpty()) {
            DeploymentLogs current = logs.getOrDefault(id, DeploymentLogs.empty());
            for (DeploymentLog log : write.logs()) {
                current = current.plus(log);
            }
            logs.put(id, current);
        }
    }

    @Override
    public DeploymentQueryPage query(DeploymentQuery query) {
        Map<String, Deployment> project = query.projectKey() == null ? null : byProject.get(query.projectKey());
        if (project == null) {
            return new DeploymentQueryPage(List.of(), 0);
        }
        List<Deployment> all = project.values().stream().filter(query::matches).sorted(query.order()).toList();
        int from = Math.min(all.size(), Math.max(0, query.offset()));
        int to = Math.min(all.size(), from + Math.max(0, query.limit()));
        return new DeploymentQueryPage(all.subList(from, to), all.size());
    }

    @Override
    public List<DeploymentLog> logs(String deploymentId, DeploymentLogRange range) {
        DeploymentLogs of = deploymentId == null ? null : logs.get(deploymentId);
        return of == null ? List.of() : of.read(range);
    }

    @Override
    public Option<Work> claim(String owner, Instant now, Instant until) {
        synchronized (writeLock) {
            for (Work w : works.values()) {
                if (w.claimableAt(now)) {
                    Work claimed = w.claimedBy(owner, until);
                    works.put(w.id(), claimed);
                    return Option.of(claimed);
                }
            }
            return Option.none();
        }
    }

    @Override
    public boolean complete(Work claimed) {
        synchronized (writeLock) {
            if (claimed == null || !claimed.sameClaimAs(works.get(claimed.id()))) {
                return false;
            }
            works.remove(claimed.id());
            return true;
        }
    }

    @Override
    public List<Work> work() {
        return works.values().stream().sorted(Comparator.comparing(Work::id)).toList();
    }
}
