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
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Deployments in a concurrent map whose value holds all of one Deployment: the Deployment, its
 * project, its log entries and its work, one immutable {@link Entry}. Every write (and claim) of a
 * Deployment replaces its entry inside the map's compute for that id, as
 * {@link InMemoryConnectorStore} does, so a Deployment change, its log entries and its work are
 * one step: a reader sees all of a write or none of it, never a Deployment without its logs or work
 * nor the other way round, and two writers of one Deployment never interleave, while writers of
 * different Deployments never wait on each other. Readers never wait. The logs are a
 * {@link DeploymentLogs}, so that a page is found by binary search; each write that appends
 * keeps only the newest {@code maxLogEntriesPerDeployment} of them
 * ({@link DeploymentLogs#retainingNewest}: the oldest come off the front, O(dropped + log n)).
 *
 * <p>A write's work must be the Deployment's own ({@code Work.deploymentStep} or
 * {@code Work.running} of that Deployment), as the processing writes them; it is kept as given,
 * lease included, in place of a stored item with its id.
 *
 * <pre>{@code
 * DeploymentStore store = new InMemoryDeploymentStore();
 * DeploymentStore small = new InMemoryDeploymentStore(10_000); // at most 10,000 log entries per Deployment
 * }</pre>
 */
public final class InMemoryDeploymentStore implements DeploymentStore {
    private final int maxLogEntriesPerDeployment;
    private final ConcurrentMap<String, Entry> byId = new ConcurrentHashMap<>();
    /** {@code projectKey + "\n" + key} → id; claimed before the entry is added, so one key has one Deployment. */
    private final ConcurrentMap<String, String> idByProjectKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<String>> idsByProject = new ConcurrentHashMap<>();
    /** The ids of the Deployments that have work, kept inside the compute of their entry; claims look only here. */
    private final Set<String> withWork = ConcurrentHashMap.newKeySet();

    /** A store that keeps {@value DeploymentStore#DEFAULT_MAX_LOG_ENTRIES_PER_DEPLOYMENT} log entries per Deployment at most. */
    public InMemoryDeploymentStore() {
        this(DEFAULT_MAX_LOG_ENTRIES_PER_DEPLOYMENT);
    }

    /**
     * A store that keeps at most {@code maxLogEntriesPerDeployment} log entries per Deployment,
     * the newest.
     *
     * @throws IllegalArgumentException when the bound is below 1
     */
    public InMemoryDeploymentStore(int maxLogEntriesPerDeployment) {
        if (maxLogEntriesPerDeployment < 1) {
            throw new IllegalArgumentException("maxLogEntriesPerDeployment is at least 1, not " + maxLogEntriesPerDeployment);
        }
        this.maxLogEntriesPerDeployment = maxLogEntriesPerDeployment;
    }

    /** One Deployment and all that belongs to it, replaced whole by each write. */
    private record Entry(String projectKey, Deployment deployment, DeploymentLogs logs, Map<String, Work> work) {

        /**
         * This entry after a write: the Deployment, its logs appended (the newest {@code maxLogs}
         * kept), its work completed and enqueued.
         */
        Entry written(Deployment next, DeploymentWrite write, int maxLogs) {
            Map<String, Work> nextWork = new LinkedHashMap<>(work);
            if (write.completes() != null) {
                nextWork.remove(write.completes().id());
            }
            for (Work w : write.enqueue()) {
                if (!w.connectorId().equals(next.id())) {
                    throw new IllegalArgumentException("work " + w.id() + " is not work of Deployment " + next.id());
                }
                nextWork.put(w.id(), w);
            }
            DeploymentLogs nextLogs = logs;
            for (DeploymentLog log : write.logs()) {
                nextLogs = nextLogs.plus(log);
            }
            nextLogs = nextLogs.retainingNewest(maxLogs);
            return new Entry(projectKey, next, nextLogs, Collections.unmodifiableMap(nextWork));
        }

        Entry withWork(Work w) {
            Map<String, Work> nextWork = new LinkedHashMap<>(work);
            nextWork.put(w.id(), w);
            return new Entry(projectKey, deployment, logs, Collections.unmodifiableMap(nextWork));
        }

        Entry without(Work w) {
            Map<String, Work> nextWork = new LinkedHashMap<>(work);
            nextWork.remove(w.id());
            return new Entry(projectKey, deployment, logs, Collections.unmodifiableMap(nextWork));
        }
    }

    @Override
    public Option<Deployment> findById(String projectKey, String id) {
        return entry(projectKey, id).map(Entry::deployment);
    }

    private Option<Entry> entry(String projectKey, String id) {
        Entry e = id == null ? null : byId.get(id);
        return e == null || !e.projectKey().equals(projectKey) ? Option.none() : Option.of(e);
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
        String key = d.key() == null ? null : projectKey + "\n" + d.key();
        // The key is claimed first, so two inserts racing for one key cannot both win.
        if (key != null && idByProjectKey.putIfAbsent(key, d.id()) != null) {
            return Either.left(new StoreRefusal.KeyTaken(d.key()));
        }
        boolean[] added = new boolean[1];
        try {
            byId.computeIfAbsent(d.id(), id -> {
                Entry e = new Entry(projectKey, d, DeploymentLogs.empty(), Map.of()).written(d, write, maxLogEntriesPerDeployment);
                idsByProject.computeIfAbsent(projectKey, p -> ConcurrentHashMap.newKeySet()).add(id);
                workChanged(e);
                added[0] = true;
                return e;
            });
        } finally {
            if (!added[0] && key != null) {
                idByProjectKey.remove(key, d.id());
            }
        }
        return added[0] ? Either.right(d) : Either.left(new StoreRefusal.IdTaken(d.id()));
    }

    @Override
    public Either<StoreRefusal, Deployment> replace(String projectKey, Deployment next, long expectedVersion,
            DeploymentWrite write) {
        Objects.requireNonNull(next, "next is null");
        Objects.requireNonNull(write, "write is null");
        Outcome outcome = new Outcome(next.id());
        byId.computeIfPresent(next.id(), (id, e) -> {
            if (outcome.refused(e, projectKey, expectedVersion, write.completes())) {
                return e;
            }
            if (!Objects.equals(e.deployment().key(), next.key())) {
                outcome.result = Either.left(new StoreRefusal.KeyChanged(next.id()));
                return e;
            }
            Entry written = e.written(next, write, maxLogEntriesPerDeployment);
            workChanged(written);
            outcome.result = Either.right(next);
            return written;
        });
        return outcome.result;
    }

    @Override
    public boolean appendLogs(String projectKey, String deploymentId, List<DeploymentLog> logs) {
        Objects.requireNonNull(logs, "logs is null");
        boolean[] appended = {false};
        if (deploymentId != null) {
            byId.computeIfPresent(deploymentId, (id, e) -> {
                if (!e.projectKey().equals(projectKey)) {
                    return e;
                }
                appended[0] = true;
                return e.written(e.deployment(), DeploymentWrite.NONE.logging(logs), maxLogEntriesPerDeployment);
            });
        }
        return appended[0];
    }

    @Override
    public Either<StoreRefusal, Deployment> delete(String projectKey, String id, long expectedVersion, Work completes) {
        Outcome outcome = new Outcome(id);
        if (id != null) {
            byId.computeIfPresent(id, (i, e) -> {
                if (outcome.refused(e, projectKey, expectedVersion, completes)) {
                    return e;
                }
                Deployment d = e.deployment();
                if (d.key() != null) {
                    idByProjectKey.remove(projectKey + "\n" + d.key(), i);
                }
                idsByProject.getOrDefault(projectKey, Set.of()).remove(i);
                withWork.remove(i);
                outcome.result = Either.right(d);
                return null; // the Deployment, its logs and its work go at once
            });
        }
        return outcome.result;
    }

    /** What a compare-and-set decided, set inside the compute; {@code NotFound} when it never ran. */
    private static final class Outcome {
        Either<StoreRefusal, Deployment> result;

        Outcome(String id) {
            this.result = Either.left(new StoreRefusal.NotFound(id));
        }

        /** Whether the write is refused (and why, in {@link #result}), in the order of the SPI. */
        boolean refused(Entry e, String projectKey, long expectedVersion, Work completes) {
            Deployment current = e.deployment();
            if (!e.projectKey().equals(projectKey)) {
                return true; // NotFound, as set
            }
            if (current.version() != expectedVersion) {
                result = Either.left(new StoreRefusal.VersionMismatch(current.id(), current.key(), expectedVersion,
                        current.version()));
                return true;
            }
            if (completes != null && !completes.sameClaimAs(e.work().get(completes.id()))) {
                result = Either.left(new StoreRefusal.WorkGone(completes.id()));
                return true;
            }
            return false;
        }
    }

    /** Keeps {@link #withWork} in step with an entry; called inside the compute of that entry. */
    private void workChanged(Entry e) {
        if (e.work().isEmpty()) {
            withWork.remove(e.deployment().id());
        } else {
            withWork.add(e.deployment().id());
        }
    }

    @Override
    public DeploymentQueryPage query(DeploymentQuery query) {
        Set<String> ids = query.projectKey() == null ? null : idsByProject.get(query.projectKey());
        if (ids == null) {
            return new DeploymentQueryPage(List.of(), 0);
        }
        List<Deployment> all = ids.stream()
                .map(byId::get)
                .filter(e -> e != null && e.projectKey().equals(query.projectKey()))
                .map(Entry::deployment)
                .filter(query::matches)
                .sorted(query.order())
                .toList();
        int from = Math.min(all.size(), Math.max(0, query.offset()));
        int to = Math.min(all.size(), from + Math.max(0, query.limit()));
        return new DeploymentQueryPage(all.subList(from, to), all.size());
    }

    @Override
    public List<DeploymentLog> logs(String deploymentId, DeploymentLogRange range) {
        Entry e = deploymentId == null ? null : byId.get(deploymentId);
        return e == null ? List.of() : e.logs().read(range);
    }

    @Override
    public Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds) {
        for (String id : withWork) {
            Work[] claimed = new Work[1];
            byId.computeIfPresent(id, (i, e) -> {
                for (Work w : e.work().values()) {
                    if (kinds.contains(w.kind()) && w.claimableAt(now)) {
                        claimed[0] = w.claimedBy(owner, until);
                        return e.withWork(claimed[0]);
                    }
                }
                return e;
            });
            if (claimed[0] != null) {
                return Option.of(claimed[0]);
            }
        }
        return Option.none();
    }

    @Override
    public boolean complete(Work claimed) {
        if (claimed == null) {
            return false;
        }
        boolean[] completed = new boolean[1];
        byId.computeIfPresent(claimed.connectorId(), (id, e) -> {
            if (!claimed.sameClaimAs(e.work().get(claimed.id()))) {
                return e;
            }
            Entry without = e.without(claimed);
            workChanged(without);
            completed[0] = true;
            return without;
        });
        return completed[0];
    }

    @Override
    public boolean renew(Work claimed, Instant until) {
        if (claimed == null) {
            return false;
        }
        boolean[] renewed = new boolean[1];
        byId.computeIfPresent(claimed.connectorId(), (id, e) -> {
            Work held = e.work().get(claimed.id());
            if (!claimed.sameClaimAs(held)) {
                return e;
            }
            renewed[0] = true;
            return e.withWork(held.renewedUntil(until));
        });
        return renewed[0];
    }

    @Override
    public List<Work> work() {
        List<Work> all = new ArrayList<>();
        for (Entry e : byId.values()) {
            all.addAll(e.work().values());
        }
        all.sort(Comparator.comparing(Work::id));
        return List.copyOf(all);
    }
}
