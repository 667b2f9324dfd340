package io.connectstage.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.Deployments;
import io.connectstage.store.DeploymentQuery;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.testkit.SampleDeployments;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writers, claimers and readers of a few Deployments at once. Each write at version {@code v}
 * appends the log line {@code "v"} and enqueues the step {@code …/build/v}, so what a reader
 * sees can be checked against the version it sees.
 */
@DisplayName("InMemoryDeploymentStore under concurrent writers, claimers and readers")
class InMemoryDeploymentStoreConcurrencyTest {
    private static final String PROJECT = "example-project-key";
    private static final int DEPLOYMENTS = 4;
    private static final int WRITES_PER_WRITER = 2_000;
    private static final DeploymentLogRange ALL = new DeploymentLogRange(null, null, 0, null, Integer.MAX_VALUE);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryDeploymentStore store = new InMemoryDeploymentStore();

    private static DeploymentLog line(Deployment d) {
        return DeploymentLog.text(d.id(), "service", DeploymentLogSeverity.INFO, T0.plusSeconds(d.version()),
                Long.toString(d.version()));
    }

    private static DeploymentWrite writeOf(Deployment d) {
        WorkKind kind = d.version() == 1 ? WorkKind.DEPLOY : WorkKind.BUILD;
        return DeploymentWrite.enqueueing(Work.deploymentStep(kind, PROJECT, d)).logging(List.of(line(d)));
    }

    private static long versionOf(Work w) {
        return w.connectorVersion();
    }

    /** Keeps the first few torn reads, so that a failure stays readable. */
    private static void tornRead(List<String> torn, String what) {
        synchronized (torn) {
            if (torn.size() < 10) {
                torn.add(what);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("never show a Deployment without its logs and work, nor logs or work ahead of it, and lose no write")
    void writesAreWholeAndSerial() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < DEPLOYMENTS; n++) {
            Deployment d = Deployments.create(SampleDeployments.validDraft().key("d" + n).build(), SampleDeployments.published(),
                    PROJECT, String.format("00000000-0000-4000-8000-%012d", n), T0).get();
            assertTrue(store.insert(PROJECT, d, writeOf(d)).isRight());
            ids.add(d.id());
        }
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        ids.forEach(id -> accepted.put(id, new AtomicInteger(1)));
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> torn = new ArrayList<>();

        int writers = 3;
        int readers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writerRuns = new ArrayList<>();
        List<Future<?>> others = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                writerRuns.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < WRITES_PER_WRITER; i++) {
                        String id = ids.get(random.nextInt(ids.size()));
                        Deployment current = store.findById(PROJECT, id).get();
                        Deployment next = current.withVersion(current.version() + 1);
                        Either<StoreRefusal, Deployment> stored = store.replace(PROJECT, next, current.version(), writeOf(next));
                        if (stored.isRight()) {
                            accepted.get(id).incrementAndGet();
                        } else {
                            assertTrue(stored.getLeft() instanceof StoreRefusal.VersionMismatch, stored.getLeft()::toString);
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            others.add(pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    Option<Work> claimed = store.claim("claimer", T0, T0.plusSeconds(60));
                    if (claimed.isDefined()) {
                        assertTrue(store.complete(claimed.get()));
                        claims.incrementAndGet();
                    }
                }
                return null;
            }));
            for (int r = 0; r < readers; r++) {
                others.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (writing.get()) {
                        String id = ids.get(random.nextInt(ids.size()));
                        // The Deployment, then its logs and work: they hold at least what its version wrote.
                        long seen = store.findById(PROJECT, id).get().version();
                        List<DeploymentLog> logs = store.logs(id, ALL);
                        if (logs.size() < seen) {
                            tornRead(torn, "version " + seen + " with " + logs.size() + " log entries");
                        }
                        // Logs and work, then the Deployment: it is at least at the version that wrote them.
                        long logged = store.logs(id, ALL).size();
                        long queued = store.work().stream().filter(w -> w.connectorId().equals(id))
                                .mapToLong(InMemoryDeploymentStoreConcurrencyTest::versionOf).max().orElse(0);
                        long now = store.findById(PROJECT, id).get().version();
                        if (now < logged || now < queued) {
                            tornRead(torn, logged + " log entries and work of version " + queued + " before version " + now);
                        }
                        checks.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : writerRuns) {
                run.get(100, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> run : others) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        System.out.printf("%d writes accepted, %d refused, %d claims, %d reader checks%n",
                accepted.values().stream().mapToInt(AtomicInteger::get).sum() - DEPLOYMENTS, refused.get(), claims.get(),
                checks.get());

        assertEquals(List.of(), torn, "a reader saw part of a write");
        assertEquals(writers * WRITES_PER_WRITER, accepted.values().stream().mapToInt(AtomicInteger::get).sum() - DEPLOYMENTS
                + refused.get());
        for (String id : ids) {
            Deployment d = store.findById(PROJECT, id).get();
            assertEquals(accepted.get(id).get(), d.version(), "one version per accepted write: " + id);
            List<String> lines = store.logs(id, ALL).stream().map(l -> l.details().get("message").asText()).toList();
            assertEquals(IntStream.rangeClosed(1, (int) d.version()).mapToObj(Integer::toString).toList(), lines,
                    "one line per accepted write, in order: " + id);
            for (Work w : store.work()) {
                assertTrue(!w.connectorId().equals(id) || versionOf(w) <= d.version(), w::toString);
            }
        }

        for (String id : ids) {
            assertTrue(store.delete(PROJECT, id, store.findById(PROJECT, id).get().version(), null).isRight());
            assertEquals(List.of(), store.logs(id, ALL));
        }
        assertEquals(List.of(), store.work());
        assertEquals(0, store.query(DeploymentQuery.of(PROJECT)).total());
    }
}
