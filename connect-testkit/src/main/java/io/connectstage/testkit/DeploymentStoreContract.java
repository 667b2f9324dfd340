package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.IntegrationType;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConnector;
import io.connectstage.deployment.DeploymentLifecycle;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.store.DeploymentQuery;
import io.connectstage.store.DeploymentQueryPage;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.Lease;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.testkit.SampleDeployments;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DeploymentStore} keeps, written once: each store's test is a short
 * subclass that says how to make an empty store, with the default bound on log entries and with
 * a small one.
 *
 * <pre>{@code
 * class InMemoryDeploymentStoreTest extends DeploymentStoreContract {
 *     protected DeploymentStore newStore() { return new InMemoryDeploymentStore(); }
 *     protected DeploymentStore newStore(int maxLogEntriesPerDeployment) { return new InMemoryDeploymentStore(maxLogEntriesPerDeployment); }
 * }
 * }</pre>
 */
@DisplayName("A DeploymentStore")
public abstract class DeploymentStoreContract {
    protected static final String P = "project-a";
    protected static final String Q = "project-b";
    protected static final Instant T0 = Instant.parse("2024-02-15T10:00:00Z");

    /** A new, empty store; called before each test. */
    protected abstract DeploymentStore newStore();

    /**
     * An empty store that keeps at most {@code maxLogEntriesPerDeployment} log entries per
     * Deployment; called in a test, after {@link #newStore()} (whose database it may use, empty).
     */
    protected abstract DeploymentStore newStore(int maxLogEntriesPerDeployment);

    protected DeploymentStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    /** Deployment {@code n}: the sample queued one (secured values included), with this id and key. */
    protected static Deployment deployment(int n, String key) {
        return SampleDeployments.queued().toBuilder().id(id(n)).key(key).build();
    }

    protected static <T> T accepted(Either<StoreRefusal, T> result) {
        assertTrue(result.isRight(), () -> "expected success, got " + result);
        return result.get();
    }

    protected Deployment inserted(String project, Deployment d) {
        return accepted(store.insert(project, d, DeploymentWrite.NONE));
    }

    protected static DeploymentLog log(String app, Instant at, String text) {
        return DeploymentLog.text(id(1), app, DeploymentLogSeverity.INFO, at, text);
    }

    @Nested
    @DisplayName("insert and find")
    class InsertAndFind {

        @Test
        @DisplayName("gives back an inserted Deployment equal to it, secured values included, by id and by key in its project")
        void findsByIdAndKey() {
            Deployment d = inserted(P, deployment(1, "k1"));
            assertEquals(Option.of(d), store.findById(P, id(1)));
            assertEquals(Option.of(d), store.findByKey(P, "k1"));
            assertEquals(SampleDeployments.queued().globalConfiguration(), store.findById(P, id(1)).get().globalConfiguration());
        }

        @Test
        @DisplayName("finds nothing in another project, nor by null or unknown id and key")
        void projectsAreSeparate() {
            inserted(P, deployment(1, "k1"));
            assertTrue(store.findById(Q, id(1)).isEmpty());
            assertTrue(store.findByKey(Q, "k1").isEmpty());
            assertTrue(store.findById(P, null).isEmpty());
            assertTrue(store.findByKey(P, null).isEmpty());
            assertTrue(store.findById(P, id(9)).isEmpty());
        }

        @Test
        @DisplayName("keeps keys unique per project: KeyTaken in the same project, accepted in another")
        void keysPerProject() {
            inserted(P, deployment(1, "k1"));
            assertEquals(new StoreRefusal.KeyTaken("k1"), store.insert(P, deployment(2, "k1"), DeploymentWrite.NONE).getLeft());
            inserted(Q, deployment(2, "k1"));
            assertEquals(id(2), store.findByKey(Q, "k1").get().id());
        }

        @Test
        @DisplayName("keeps ids unique across projects: IdTaken")
        void idsUnique() {
            inserted(P, deployment(1, "k1"));
            assertEquals(new StoreRefusal.IdTaken(id(1)), store.insert(Q, deployment(1, "k2"), DeploymentWrite.NONE).getLeft());
        }

        @Test
        @DisplayName("accepts Deployments without a key")
        void withoutKey() {
            inserted(P, deployment(1, null));
            inserted(P, deployment(2, null));
            assertEquals(2, store.query(DeploymentQuery.of(P)).total());
        }
    }

    @Nested
    @DisplayName("replace")
    class Replace {

        @Test
        @DisplayName("replaces when the expected version is the stored one")
        void compareAndSet() {
            Deployment d = inserted(P, deployment(1, "k1"));
            Deployment next = DeploymentLifecycle.startDeploying(d, T0).get();
            assertEquals(next, accepted(store.replace(P, next, d.version(), DeploymentWrite.NONE)));
            assertEquals(DeploymentStatus.DEPLOYING, store.findByKey(P, "k1").get().status());
        }

        @Test
        @DisplayName("refuses another version with VersionMismatch naming the stored version, and changes nothing")
        void versionMismatch() {
            Deployment d = inserted(P, deployment(1, "k1"));
            Deployment next = DeploymentLifecycle.startDeploying(d, T0).get();
            StoreRefusal refusal = store.replace(P, next, 7, DeploymentWrite.NONE.logging(List.of(log("service", T0, "x"))))
                    .getLeft();
            assertEquals(new StoreRefusal.VersionMismatch(id(1), "k1", 7, 1), refusal);
            assertEquals(d, store.findById(P, id(1)).get());
            assertEquals(List.of(), store.logs(id(1), new DeploymentLogRange(null, null, 0, null, 10)));
        }

        @Test
        @DisplayName("answers NotFound for an unknown id and for a Deployment of another project")
        void notFound() {
            inserted(P, deployment(1, "k1"));
            assertInstanceOf(StoreRefusal.NotFound.class, store.replace(Q, deployment(1, "k1"), 1, DeploymentWrite.NONE).getLeft());
            assertInstanceOf(StoreRefusal.NotFound.class, store.replace(P, deployment(2, "k1"), 1, DeploymentWrite.NONE).getLeft());
        }

        @Test
        @DisplayName("refuses a change of key")
        void keyChanged() {
            inserted(P, deployment(1, "k1"));
            assertEquals(new StoreRefusal.KeyChanged(id(1)),
                    store.replace(P, deployment(1, "k2").withVersion(2), 1, DeploymentWrite.NONE).getLeft());
        }
    }

    @Nested
    @DisplayName("work")
    class WorkQueue {

        private Work deploy(Deployment d) {
            return Work.deploymentStep(WorkKind.DEPLOY, P, d);
        }

        @Test
        @DisplayName("stores the work of an insert with it, and a claim takes it with a lease and counts the attempt")
        void insertEnqueues() {
            Deployment d = deployment(1, "k1");
            accepted(store.insert(P, d, DeploymentWrite.enqueueing(deploy(d))));
            assertEquals(List.of(deploy(d)), store.work());
            Work claimed = store.claim("a", T0, T0.plusSeconds(60)).get();
            assertEquals(1, claimed.attempts());
            assertEquals(new Lease("a", T0.plusSeconds(60)), claimed.lease());
            assertEquals(P, claimed.projectKey());
            assertEquals(WorkKind.DEPLOY, claimed.kind());
            assertTrue(store.claim("b", T0.plusSeconds(59), T0.plusSeconds(120)).isEmpty());
            Work again = store.claim("b", T0.plusSeconds(60), T0.plusSeconds(120)).get();
            assertEquals(2, again.attempts());
            assertFalse(store.complete(claimed), "the first claim was taken over");
            assertTrue(store.complete(again));
            assertEquals(List.of(), store.work());
        }

        @Test
        @DisplayName("claims among the kinds asked for only, leaving the others unclaimed and uncounted")
        void claimsAmongKinds() {
            Deployment queued = deployment(1, "k1");
            accepted(store.insert(P, queued, DeploymentWrite.enqueueing(deploy(queued))));
            Deployment building = DeploymentLifecycle.startDeploying(deployment(2, "k2"), T0).get();
            Work build = Work.deploymentStep(WorkKind.BUILD, P, building);
            accepted(store.insert(P, building, DeploymentWrite.enqueueing(build)));

            assertTrue(store.claim("a", T0, T0.plusSeconds(60), Set.of(WorkKind.UNDEPLOY)).isEmpty());
            assertTrue(store.claim("a", T0, T0.plusSeconds(60), Set.of()).isEmpty());
            assertEquals(List.of(build, deploy(queued)).stream().sorted(Comparator.comparing(Work::id)).toList(),
                    store.work(), "nothing claimed, nothing counted");
            Work claimed = store.claim("a", T0, T0.plusSeconds(60), Set.of(WorkKind.BUILD)).get();
            assertEquals(build.claimedBy("a", T0.plusSeconds(60)), claimed);
            assertTrue(store.claim("b", T0, T0.plusSeconds(60), Set.of(WorkKind.BUILD)).isEmpty(), "the build is held");
            assertEquals(WorkKind.DEPLOY, store.claim("b", T0, T0.plusSeconds(60)).get().kind());
        }

        @Test
        @DisplayName("renews a claim it still holds, so no one else takes it, and the renewed claim settles; refuses a lost claim")
        void renewsAHeldClaim() {
            Deployment d = deployment(1, "k1");
            accepted(store.insert(P, d, DeploymentWrite.enqueueing(deploy(d))));
            Work claimed = store.claim("a", T0, T0.plusSeconds(30)).get();
            assertTrue(store.renew(claimed, T0.plusSeconds(60)));
            assertEquals(List.of(claimed.renewedUntil(T0.plusSeconds(60))), store.work());
            assertTrue(store.claim("b", T0.plusSeconds(45), T0.plusSeconds(75)).isEmpty(), "renewed: still held at 45 s");
            Deployment next = DeploymentLifecycle.startDeploying(d, T0).get();
            accepted(store.replace(P, next, 1, DeploymentWrite.NONE.completing(claimed)));
            assertFalse(store.renew(claimed, T0.plusSeconds(90)), "completed: nothing to renew");

            Deployment building = next.withVersion(next.version() + 1);
            accepted(store.replace(P, building, next.version(),
                    DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.BUILD, P, building))));
            Work lost = store.claim("a", T0, T0.plusSeconds(30)).get();
            Work taken = store.claim("b", T0.plusSeconds(30), T0.plusSeconds(60)).get();
            assertFalse(store.renew(lost, T0.plusSeconds(90)), "taken over by b");
            assertEquals(List.of(taken), store.work());
        }

        @Test
        @DisplayName("completes a claim and enqueues the next step in the write of the change, and refuses a claim no longer held")
        void replaceCompletes() {
            Deployment d = deployment(1, "k1");
            accepted(store.insert(P, d, DeploymentWrite.enqueueing(deploy(d))));
            Work claimed = store.claim("a", T0, T0.plusSeconds(1)).get();
            Work taken = store.claim("b", T0.plusSeconds(1), T0.plusSeconds(60)).get();
            Deployment next = DeploymentLifecycle.startDeploying(d, T0).get();
            Work build = Work.deploymentStep(WorkKind.BUILD, P, next);
            assertEquals(new StoreRefusal.WorkGone(claimed.id()),
                    store.replace(P, next, 1, DeploymentWrite.enqueueing(build).completing(claimed)).getLeft());
            assertEquals(d, store.findById(P, id(1)).get());
            accepted(store.replace(P, next, 1, DeploymentWrite.enqueueing(build).completing(taken)));
            assertEquals(List.of(build), store.work());
        }

        @Test
        @DisplayName("enqueues work as given, its lease and attempts too, in place of the stored item with its id")
        void enqueueReplacesTheItemWithItsId() {
            Deployment d = deployment(1, "k1");
            Work heldByA = Work.running(P, d).claimedBy("a", T0.plusSeconds(60));
            accepted(store.insert(P, d, DeploymentWrite.enqueueing(heldByA)));
            assertEquals(List.of(heldByA), store.work());
            assertTrue(store.claim("b", T0, T0.plusSeconds(60)).isEmpty(), "held by a as written");
            assertTrue(store.renew(heldByA, T0.plusSeconds(90)), "the writer holds the claim it wrote");

            Deployment next = d.withVersion(2);
            Work heldByB = Work.running(P, next).claimedBy("b", T0.plusSeconds(120));
            assertEquals(heldByA.id(), heldByB.id(), "one run item per Deployment, whatever its version");
            accepted(store.replace(P, next, 1, DeploymentWrite.enqueueing(heldByB)));
            assertEquals(List.of(heldByB), store.work());
            assertFalse(store.renew(heldByA, T0.plusSeconds(150)), "the replaced claim is gone");
            assertFalse(store.complete(heldByA));
            assertTrue(store.claim("c", T0.plusSeconds(119), T0.plusSeconds(180)).isEmpty());

            Deployment third = next.withVersion(3);
            accepted(store.replace(P, third, 2, DeploymentWrite.enqueueing(Work.running(P, third))));
            assertEquals(List.of(Work.running(P, third)), store.work(), "unleased in place of the lease");
            assertFalse(store.renew(heldByB, T0.plusSeconds(150)));
            Work claimed = store.claim("c", T0, T0.plusSeconds(60), Set.of(WorkKind.RUN)).get();
            assertEquals(Work.running(P, third).claimedBy("c", T0.plusSeconds(60)), claimed);
            assertTrue(store.renew(claimed, T0), "a lease given up ends now");
            assertEquals(2, store.claim("d", T0, T0.plusSeconds(60)).get().attempts(), "claimable at once");
        }

        @Test
        @DisplayName("gives each item to one of many claimants at once")
        void claimsOnce() throws Exception {
            for (int i = 1; i <= 100; i++) {
                Deployment d = deployment(i, "k" + i);
                accepted(store.insert(P, d, DeploymentWrite.enqueueing(deploy(d))));
            }
            Set<String> seen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> claims = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String owner = "o" + t;
                claims.add(pool.submit(() -> {
                    int n = 0;
                    Option<Work> w;
                    while ((w = store.claim(owner, T0, T0.plusSeconds(60))).isDefined()) {
                        assertTrue(seen.add(w.get().id()), "claimed twice: " + w.get().id());
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : claims) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(100, total);
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {

        @Test
        @DisplayName("removes the Deployment, its key, its logs and its work, completing the claim, and answers it")
        void removesEverything() {
            Deployment d = deployment(1, "k1");
            accepted(store.insert(P, d, DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.UNDEPLOY, P, d))
                    .logging(List.of(log("service", T0, "hello")))));
            Work claimed = store.claim("a", T0, T0.plusSeconds(60)).get();
            assertEquals(d, accepted(store.delete(P, id(1), 1, claimed)));
            assertTrue(store.findById(P, id(1)).isEmpty());
            assertTrue(store.findByKey(P, "k1").isEmpty());
            assertEquals(List.of(), store.work());
            assertEquals(List.of(), store.logs(id(1), new DeploymentLogRange(null, null, 0, null, 10)));
            inserted(P, deployment(2, "k1"));
        }

        @Test
        @DisplayName("refuses another version, another project, and a claim no longer held")
        void refusals() {
            Deployment d = deployment(1, "k1");
            accepted(store.insert(P, d, DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.UNDEPLOY, P, d))));
            Work claimed = store.claim("a", T0, T0.plusSeconds(1)).get();
            store.claim("b", T0.plusSeconds(1), T0.plusSeconds(60));
            assertInstanceOf(StoreRefusal.VersionMismatch.class, store.delete(P, id(1), 2, null).getLeft());
            assertInstanceOf(StoreRefusal.NotFound.class, store.delete(Q, id(1), 1, null).getLeft());
            assertEquals(new StoreRefusal.WorkGone(claimed.id()), store.delete(P, id(1), 1, claimed).getLeft());
            assertTrue(store.findById(P, id(1)).isDefined());
        }
    }

    @Nested
    @DisplayName("query")
    class Query {

        private void fill() {
            for (int i = 1; i <= 30; i++) {
                Deployment d = deployment(i, "k" + i);
                DeploymentType type = i % 3 == 0 ? DeploymentType.PRODUCTION : DeploymentType.SANDBOX;
                DeploymentConnector c = d.connector();
                List<IntegrationType> types = i % 2 == 0 ? List.of(IntegrationType.TAX) : List.of(IntegrationType.PSP);
                d = d.toBuilder().type(type).version(i).connector(new DeploymentConnector(c.id(), c.key(), c.version(),
                        c.name(), c.description(), types, c.creator(), c.repository(), c.configurations(),
                        c.globalConfiguration(), c.certified(), c.supportedRegions(), c.documentationUrl())).build();
                inserted(i <= 25 ? P : Q, d);
            }
        }

        @Test
        @DisplayName("pages the project's Deployments by id, with the total")
        void pagesByProject() {
            fill();
            DeploymentQueryPage page = store.query(DeploymentQuery.of(P).withLimit(10).withOffset(20));
            assertEquals(25, page.total());
            assertEquals(List.of(id(21), id(22), id(23), id(24), id(25)), page.results().stream().map(Deployment::id).toList());
            assertEquals(0, store.query(DeploymentQuery.of("nobody")).total());
        }

        @Test
        @DisplayName("filters by deploymentType and integrationTypes, and sorts by version descending")
        void filtersAndSorts() {
            fill();
            DeploymentQueryPage page = store.query(DeploymentQuery.of(P).withDeploymentType(DeploymentType.PRODUCTION)
                    .withIntegrationTypes(Set.of(IntegrationType.TAX)).withSort(List.of(Sort.desc(SortField.VERSION))));
            assertEquals(List.of(id(24), id(18), id(12), id(6)), page.results().stream().map(Deployment::id).toList());
            assertEquals(4, page.total());
        }

        @Test
        @DisplayName("sorts by key with ties broken by id, and answers an empty page past the end")
        void sortsByKey() {
            fill();
            List<String> keys = store.query(DeploymentQuery.of(P).withSort(List.of(Sort.asc(SortField.KEY))).withLimit(3))
                    .results().stream().map(Deployment::key).toList();
            assertEquals(List.of("k1", "k10", "k11"), keys);
            assertEquals(List.of(), store.query(DeploymentQuery.of(P).withOffset(100)).results());
        }

        private List<String> ids(SortField field, boolean ascending) {
            return store.query(DeploymentQuery.of(P).withSort(List.of(ascending ? Sort.asc(field) : Sort.desc(field))))
                    .results().stream().map(Deployment::id).toList();
        }

        @Test
        @DisplayName("sorts by createdAt both ways, to the nanosecond, ties broken by id, a Deployment without a time first going up")
        void sortsByCreatedAt() {
            inserted(P, deployment(1, "k1").withCreatedAt(T0.plusSeconds(60)));
            inserted(P, deployment(2, "k2").withCreatedAt(T0.plusNanos(1)));
            inserted(P, deployment(3, "k3").withCreatedAt(null).withLastModifiedAt(null));
            inserted(P, deployment(4, "k4").withCreatedAt(T0));
            inserted(P, deployment(5, "k5").withCreatedAt(T0.plusSeconds(60)));
            inserted(Q, deployment(6, "k6").withCreatedAt(T0.minusSeconds(60)));
            assertEquals(List.of(id(3), id(4), id(2), id(1), id(5)), ids(SortField.CREATED_AT, true));
            assertEquals(List.of(id(1), id(5), id(2), id(4), id(3)), ids(SortField.CREATED_AT, false));
        }

        @Test
        @DisplayName("sorts by lastModifiedAt as a replace leaves it")
        void sortsByLastModifiedAt() {
            for (int i = 1; i <= 3; i++) {
                inserted(P, deployment(i, "k" + i).withCreatedAt(T0.plusSeconds(i)).withLastModifiedAt(T0.plusSeconds(i)));
            }
            assertEquals(List.of(id(3), id(2), id(1)), ids(SortField.LAST_MODIFIED_AT, false));
            Deployment first = store.findById(P, id(1)).get();
            accepted(store.replace(P, first.toBuilder().version(2).lastModifiedAt(T0.plusSeconds(10)).build(), 1,
                    DeploymentWrite.NONE));
            assertEquals(List.of(id(2), id(3), id(1)), ids(SortField.LAST_MODIFIED_AT, true));
            assertEquals(List.of(id(1), id(2), id(3)), ids(SortField.CREATED_AT, true));
            assertEquals(T0.plusSeconds(10), store.findById(P, id(1)).get().lastModifiedAt());
        }
    }

    @Nested
    @DisplayName("logs")
    class Logs {

        @Test
        @DisplayName("reads appended entries by timestamp, entries of one instant in the order they were appended")
        void order() {
            Deployment d = inserted(P, deployment(1, "k1"));
            Deployment next = DeploymentLifecycle.startDeploying(d, T0).get();
            accepted(store.replace(P, next, 1, DeploymentWrite.NONE.logging(List.of(
                    log("service", T0.plusSeconds(5), "b1"), log("service", T0.plusSeconds(5), "b2"),
                    log("events", T0, "a")))));
            accepted(store.replace(P, next.withVersion(3), 2, DeploymentWrite.NONE.logging(List.of(
                    log("service", T0.plusSeconds(5), "b3"), log("events", T0.plusSeconds(9), "c")))));
            assertEquals(List.of("a", "b1", "b2", "b3", "c"), texts(store.logs(id(1), new DeploymentLogRange(null, null, 0, null, 10))));
            assertEquals(List.of("b1", "b2", "b3"), texts(store.logs(id(1), new DeploymentLogRange("service", null, 0, null, 10))));
            assertEquals(List.of("b2", "b3"), texts(store.logs(id(1),
                    new DeploymentLogRange(null, T0.plusSeconds(5), 1, null, 2))));
            assertEquals(List.of("a", "b1", "b2", "b3"), texts(store.logs(id(1),
                    new DeploymentLogRange(null, null, 0, T0.plusSeconds(5), 10))));
            assertEquals(List.of(), store.logs(id(2), new DeploymentLogRange(null, null, 0, null, 10)));
            assertEquals(DeploymentLogSeverity.INFO, store.logs(id(1), new DeploymentLogRange(null, null, 0, null, 1)).get(0).severity());
        }

        @Test
        @DisplayName("appends an application's output outside a change of its Deployment, version unchanged; refuses another project's or a gone Deployment")
        void appendsOutsideAWrite() {
            Deployment d = inserted(P, deployment(1, "k1"));
            assertTrue(store.appendLogs(P, id(1), List.of(log("service", T0, "listening"), log("service", T0, "ready"))));
            assertFalse(store.appendLogs("other-project", id(1), List.of(log("service", T0, "intruder"))));
            assertFalse(store.appendLogs(P, id(2), List.of(log("service", T0, "nobody"))));
            assertEquals(List.of("listening", "ready"), texts(store.logs(id(1), new DeploymentLogRange(null, null, 0, null, 10))));
            assertEquals(d, store.findById(P, id(1)).get());
            accepted(store.delete(P, id(1), d.version(), null));
            assertFalse(store.appendLogs(P, id(1), List.of(log("service", T0, "after"))));
            assertEquals(List.of(), store.logs(id(1), new DeploymentLogRange(null, null, 0, null, 10)));
        }

        @Test
        @DisplayName("keeps instants to the nanosecond and reads a run deep into many entries")
        void many() {
            inserted(P, deployment(1, "k1"));
            List<DeploymentLog> batch = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                batch.add(log(i % 2 == 0 ? "service" : "events", T0.plusNanos(i * 1_000_001L), "m" + i));
            }
            Deployment current = store.findById(P, id(1)).get();
            accepted(store.replace(P, current.withVersion(2), 1, DeploymentWrite.NONE.logging(batch)));
            List<DeploymentLog> run = store.logs(id(1), new DeploymentLogRange("events", T0.plusNanos(1001 * 1_000_001L), 0, null, 3));
            assertEquals(List.of("m1001", "m1003", "m1005"), texts(run));
            assertEquals(T0.plusNanos(1001 * 1_000_001L), run.get(0).timestamp());
            assertEquals(batch.get(1001), run.get(0));
        }

        @Test
        @DisplayName("keeps only the newest entries past its bound, by timestamp then order of appends, as a whole and per application")
        void boundedAppends() {
            store = newStore(4);
            inserted(P, deployment(1, "k1"));
            inserted(P, deployment(2, "k2"));
            assertTrue(store.appendLogs(P, id(1), List.of(log("service", T0.plusSeconds(2), "s2"), log("events", T0.plusSeconds(3), "e3"))));
            assertTrue(store.appendLogs(P, id(1), List.of(log("service", T0.plusSeconds(3), "s3"), log("events", T0.plusSeconds(1), "e1-late"))));
            assertTrue(store.appendLogs(P, id(2), List.of(log("service", T0, "other"))));
            assertEquals(List.of("e1-late", "s2", "e3", "s3"), texts(all(1)));
            assertTrue(store.appendLogs(P, id(1), List.of(log("events", T0.plusSeconds(3), "e3b"), log("service", T0.plusSeconds(4), "s4"))));
            assertEquals(List.of("e3", "s3", "e3b", "s4"), texts(all(1)));
            assertEquals(List.of("s3", "s4"), texts(store.logs(id(1), new DeploymentLogRange("service", null, 0, null, 10))));
            assertEquals(List.of("e3", "e3b"), texts(store.logs(id(1), new DeploymentLogRange("events", null, 0, null, 10))));
            assertTrue(store.appendLogs(P, id(1), List.of(log("service", T0, "too-old"))));
            assertEquals(List.of("e3", "s3", "e3b", "s4"), texts(all(1)));
            assertEquals(List.of("other"), texts(all(2)));
        }

        @Test
        @DisplayName("keeps its bound when a write's own logs go past it, and pages by cursor over what it kept")
        void boundedWrites() {
            store = newStore(3);
            Deployment d = inserted(P, deployment(1, "k1"));
            List<DeploymentLog> batch = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                batch.add(log(i % 2 == 0 ? "service" : "events", T0.plusSeconds(i / 2), "m" + i));
            }
            accepted(store.replace(P, d.withVersion(2), 1, DeploymentWrite.NONE.logging(batch)));
            assertEquals(List.of("m4", "m5", "m6"), texts(all(1)));
            assertEquals(List.of("m5", "m6"), texts(store.logs(id(1), new DeploymentLogRange(null, T0.plusSeconds(2), 1, null, 10))));
            assertEquals(List.of("m6"), texts(store.logs(id(1), new DeploymentLogRange(null, T0.plusSeconds(3), 0, null, 10))));
            assertEquals(List.of("m5"), texts(store.logs(id(1), new DeploymentLogRange("events", null, 0, null, 10))));
            accepted(store.replace(P, d.withVersion(3), 2, DeploymentWrite.NONE.logging(List.of(log("events", T0.plusSeconds(9), "m7")))));
            assertEquals(List.of("m5", "m6", "m7"), texts(all(1)));
        }

        @Test
        @DisplayName("keeps its bound from the insert of a Deployment on")
        void boundedInsert() {
            store = newStore(2);
            accepted(store.insert(P, deployment(1, "k1"), DeploymentWrite.NONE.logging(List.of(
                    log("service", T0.plusSeconds(1), "a"), log("service", T0.plusSeconds(2), "b"), log("service", T0.plusSeconds(3), "c")))));
            assertEquals(List.of("b", "c"), texts(all(1)));
            assertTrue(store.appendLogs(P, id(1), List.of(log("service", T0.plusSeconds(4), "d"))));
            assertEquals(List.of("c", "d"), texts(all(1)));
        }

        private List<DeploymentLog> all(int n) {
            return store.logs(id(n), new DeploymentLogRange(null, null, 0, null, 100));
        }

        private List<String> texts(List<DeploymentLog> logs) {
            return logs.stream().map(l -> l.details().get("message").asText()).toList();
        }
    }
}
