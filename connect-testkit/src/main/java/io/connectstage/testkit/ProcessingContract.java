package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Repository;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.PublishedConnectorStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Processing as durable, claimable work, written once: two processors over one store (one
 * database, each with store objects of its own, as two servers would have) settle every request
 * exactly once, and the work of a processor that stops mid-analysis is done by the other once its
 * lease ends. Each store's test is a short subclass that opens stores over one shared database.
 *
 * <pre>{@code
 * class InMemoryProcessingTest extends ProcessingContract {
 *     private final Stores stores = new Stores(new InMemoryConnectorStore(), new InMemoryPublishedConnectorStore());
 *     protected Stores openStores() { return stores; }
 * }
 * }</pre>
 */
@DisplayName("Two processors sharing a store")
public abstract class ProcessingContract extends ProcessorsFixture {

    /** Stores over this test's database: each call new store objects over the same data. */
    protected abstract Stores openStores();

    /** The connector and published store of one server. */
    public record Stores(ConnectorStore staged, PublishedConnectorStore published) {
    }

    private final Map<String, AtomicInteger> analyses = new ConcurrentHashMap<>();

    private Analysis counted(Repository repository, Instant at) {
        analyses.computeIfAbsent(repository.url(), u -> new AtomicInteger()).incrementAndGet();
        Thread.yield();
        return new Analysis(true, List.of(new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION,
                "Connector specification file validation check succeeded", null, at, null)), List.of(), null, null);
    }

    private ConnectorProcessor processor(Stores stores, String owner, ConnectorAnalyzer analyzer) {
        return build(ConnectorProcessor.builder(stores.staged(), stores.published(), analyzer).executor(Runnable::run), owner);
    }

    private static ConnectorStaged create(ConnectorStagedService service, int n) {
        return service.create(ConnectorStagedDraft.of("Connector " + n, Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/c" + n + ".git", "1.0.0")).withKey("c" + n))
                .getOrElseThrow(e -> new AssertionError(e.toString()));
    }

    private static ConnectorStaged request(ConnectorStagedService service, ConnectorStaged c, ConnectorUpdateAction action) {
        return service.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), action))
                .getOrElseThrow(e -> new AssertionError(e.toString()));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("settle each of 200 preview and publish requests exactly once: one analysis, one version bump, one Connector")
    void settleEveryRequestExactlyOnce() throws Exception {
        Stores first = openStores();
        Stores second = openStores();
        ConnectorStagedService service = ConnectorStagedService.builder(first.staged()).clock(clock).build();
        List<ConnectorStaged> requested = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            ConnectorStaged pending = request(service, create(service, n), new ConnectorUpdatePreviewableAction());
            requested.add(request(service, pending, new ConnectorPublishAction(n % 2 == 0)));
        }
        assertEquals(200, first.staged().work().size());

        ConnectorProcessor a = processor(first, "a", this::counted);
        ConnectorProcessor b = processor(second, "b", this::counted);
        Runs runs = runTogether(a, b, 100);
        assertEquals(200, runs.total(), "each item claimed once");
        System.out.printf("200 requests: %d settled by one processor, %d by the other%n", runs.byA(), runs.byB());

        assertEquals(List.of(), first.staged().work());
        for (int n = 0; n < 100; n++) {
            ConnectorStaged c = first.staged().findById(requested.get(n).id()).get();
            assertEquals(requested.get(n).version() + 2, c.version(), "two settles, one bump each: " + c.key());
            assertEquals(IsPreviewable.TRUE, c.isPreviewable());
            assertEquals(1, c.previewableReport().entries().size());
            assertEquals(1, c.publishingReport().entries().size());
            assertEquals(n % 2 == 0 ? ConnectorStatus.READY_FOR_CERTIFICATION : ConnectorStatus.PUBLISHED, c.status());
            assertEquals(n % 2 == 0 ? 0L : 1L, (long) second.published().findById(c.id()).map(p -> p.version()).getOrElse(0L));
            assertEquals(2, analyses.get(c.repository().url()).get(), "one analysis per request: " + c.key());
        }
    }

    /** The real published store, whose next save waits until released: a settle that comes late. */
    private static final class LateSave implements PublishedConnectorStore {
        private final PublishedConnectorStore store;
        final CountDownLatch saving = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        LateSave(PublishedConnectorStore store) {
            this.store = store;
        }

        @Override
        public io.vavr.control.Option<io.connectstage.connector.Connector> findById(String id) {
            return store.findById(id);
        }

        @Override
        public io.vavr.control.Option<io.connectstage.connector.Connector> findByKey(String key) {
            return store.findByKey(key);
        }

        @Override
        public void save(io.connectstage.connector.Connector connector, boolean listed) {
            saving.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.save(connector, listed);
        }

        @Override
        public boolean setListed(String id, boolean listed) {
            return store.setListed(id, listed);
        }

        @Override
        public io.connectstage.store.ConnectorSearchPage search(io.connectstage.store.ConnectorSearch search) {
            return store.search(search);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("keep the newer production Connector when one processor's publish settles after the other's newer ones")
    void keepTheNewerPublishedConnector() throws Exception {
        Stores first = openStores();
        Stores second = openStores();
        ConnectorStagedService service = ConnectorStagedService.builder(first.staged()).clock(clock).build();
        ConnectorStaged c = create(service, 1);
        LateSave late = new LateSave(first.published());
        ConnectorProcessor a = processor(new Stores(first.staged(), late), "a", this::counted);
        ConnectorProcessor b = processor(second, "b", this::counted);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // a reads no production Connector, makes version 1 of the first name, and waits to save it
            Future<?> slow = thread.submit(() -> a.publishConnector(c.withName("first")));
            assertTrue(late.saving.await(30, TimeUnit.SECONDS));
            b.publishConnector(c.withName("second")); // version 1
            b.publishConnector(c.withName("third")); // version 2
            late.release.countDown();
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            late.release.countDown();
            thread.shutdownNow();
        }
        io.connectstage.connector.Connector kept = second.published().findById(c.id()).get();
        assertEquals(2, kept.version());
        assertEquals("third", kept.name(), "the late version 1 did not take version 2 back");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("settle the work of a processor stopped mid-analysis once its lease ends, and refuse its late answer")
    void takeOverFromAStoppedProcessor() throws Exception {
        Stores first = openStores();
        Stores second = openStores();
        ConnectorStagedService service = ConnectorStagedService.builder(first.staged()).clock(clock).build();
        ConnectorStaged processing = request(service, create(service, 1), new ConnectorPublishAction(false));

        CountDownLatch analyzing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConnectorProcessor stuck = processor(first, "stuck", (repository, at) -> {
            analyzing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counted(repository, at);
        });
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> stuckRun = thread.submit(stuck::runClaimable);
            assertTrue(analyzing.await(30, TimeUnit.SECONDS));

            ConnectorProcessor other = processor(second, "other", this::counted);
            assertEquals(0, other.runClaimable(), "the lease holds");
            clock.advance(LEASE);
            assertEquals(1, other.runClaimable(), "the lease has ended");
            ConnectorStaged settled = second.staged().findById(processing.id()).get();
            assertEquals(ConnectorStatus.PUBLISHED, settled.status());
            assertEquals(processing.version() + 1, settled.version());
            assertEquals(1, second.published().findById(processing.id()).get().version());

            clock.advance(Duration.ofSeconds(-LEASE.toSeconds())); // the stopped processor's late answer is in time by its own clock
            release.countDown();
            assertEquals(1, stuckRun.get(30, TimeUnit.SECONDS));
            assertEquals(settled, first.staged().findById(processing.id()).get());
            assertEquals(1, first.published().findById(processing.id()).get().version());
            assertEquals(List.of(), first.staged().work());
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    /** A processor on a thread of its own whose analysis waits for {@code release}; answers its run. */
    private Future<Integer> stuckRun(ExecutorService thread, ConnectorProcessor stuck) {
        return thread.submit(stuck::runClaimable);
    }

    private ConnectorAnalyzer waitingFor(CountDownLatch analyzing, CountDownLatch release) {
        return (repository, at) -> {
            analyzing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counted(repository, at);
        };
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("keep a long analysis's work while its lease is renewed: no other processor takes it, and it settles once")
    void renewTheLeaseOfALongAnalysis() throws Exception {
        Stores first = openStores();
        Stores second = openStores();
        ConnectorStagedService service = ConnectorStagedService.builder(first.staged()).clock(clock).build();
        ConnectorStaged processing = request(service, create(service, 1), new ConnectorPublishAction(false));
        CountDownLatch analyzing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConnectorProcessor slow = build(ConnectorProcessor.builder(first.staged(), first.published(),
                waitingFor(analyzing, release)).executor(Runnable::run).analysisTimeout(LEASE.multipliedBy(4)), "slow");
        ConnectorProcessor other = processor(second, "other", this::counted);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = stuckRun(thread, slow);
            assertTrue(analyzing.await(30, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {
                clock.advance(LEASE.dividedBy(2));
                slow.renewLeases();
                assertEquals(0, other.runClaimable(), "renewed: the lease holds after " + (i + 1) + " half leases");
            }
            release.countDown();
            assertEquals(1, run.get(30, TimeUnit.SECONDS));
            ConnectorStaged settled = second.staged().findById(processing.id()).get();
            assertEquals(ConnectorStatus.PUBLISHED, settled.status());
            assertEquals(processing.version() + 1, settled.version());
            assertEquals(1, analyses.get(processing.repository().url()).get());
            assertEquals(List.of(), second.staged().work());
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("settle nothing, not even the published Connector, of work whose renewal found it taken over")
    void settleNothingOfALostClaim() throws Exception {
        Stores first = openStores();
        Stores second = openStores();
        ConnectorStagedService service = ConnectorStagedService.builder(first.staged()).clock(clock).build();
        ConnectorStaged processing = request(service, create(service, 1), new ConnectorPublishAction(false));
        CountDownLatch analyzing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConnectorProcessor slow = build(ConnectorProcessor.builder(first.staged(), first.published(),
                waitingFor(analyzing, release)).executor(Runnable::run).analysisTimeout(LEASE.multipliedBy(4)), "slow");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = stuckRun(thread, slow);
            assertTrue(analyzing.await(30, TimeUnit.SECONDS));
            clock.advance(LEASE);
            assertTrue(second.staged().claim("taker", clock.instant(), clock.instant().plus(LEASE)).isDefined(),
                    "the lease ran out before a renewal");
            slow.renewLeases();
            release.countDown();
            assertEquals(1, run.get(30, TimeUnit.SECONDS));
            assertEquals(processing, second.staged().findById(processing.id()).get(), "still waiting for the taker");
            assertTrue(second.published().findById(processing.id()).isEmpty(), "no Connector published by the loser");
            assertEquals("taker", second.staged().work().get(0).lease().owner());
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    @DisplayName("redo an interrupted publish after a restart, with the certification it asked for")
    void redoAnInterruptedPublish() {
        Stores before = openStores();
        ConnectorStagedService service = ConnectorStagedService.builder(before.staged()).clock(clock).build();
        ConnectorStaged processing = request(service, create(service, 1), new ConnectorPublishAction(true));
        assertTrue(before.staged().claim("crashed", clock.instant(), clock.instant().plus(LEASE)).isDefined());

        Stores after = openStores();
        ConnectorProcessor restarted = processor(after, "restarted", this::counted);
        assertEquals(0, restarted.runClaimable(), "the dead processor's lease holds");
        clock.advance(LEASE);
        restarted.resume();
        ConnectorStaged settled = after.staged().findById(processing.id()).get();
        assertEquals(ConnectorStatus.READY_FOR_CERTIFICATION, settled.status());
        assertEquals(processing.version() + 1, settled.version());
        assertEquals(List.of(), after.staged().work());
    }
}
