package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorSetDescriptionAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.store.ConnectorStore;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads updating ONE connector through {@link ConnectorStagedService} over a store: each
 * reads the current version and sends an update with it. The store's compare-and-set must let
 * exactly one writer per version win and refuse the others with {@code ConcurrentModification}.
 * Each store runs it with a short subclass; a slow store may send fewer updates.
 *
 * <pre>{@code
 * class InMemoryConcurrentUpdatesTest extends ConcurrentUpdatesContract {
 *     protected ConnectorStore newStore() { return new InMemoryConnectorStore(); }
 * }
 * }</pre>
 */
@DisplayName("Concurrent updates of one connector")
public abstract class ConcurrentUpdatesContract {
    /** Writers at the same time. */
    public static final int THREADS = 8;
    /** Update requests each writer sends. */
    public static final int UPDATES_PER_THREAD = 10_000;

    /** A new, empty store. */
    protected abstract ConnectorStore newStore();

    /** Writers at the same time; {@link #THREADS} unless a store says otherwise. */
    protected int threads() {
        return THREADS;
    }

    /** Update requests per writer; {@link #UPDATES_PER_THREAD} unless a store says otherwise. */
    protected int updatesPerThread() {
        return UPDATES_PER_THREAD;
    }

    /** What one writer saw. */
    private record Tally(int thread, int accepted, int refused, String lastAccepted,
            Map<Long, String> acceptedByVersion, List<String> unexpected) {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("lose no accepted update, and refuse every other one with ConcurrentModification (409)")
    void loseNoUpdate() throws Exception {
        ConnectorStagedService service = ConnectorStagedService.builder(newStore()).build();
        ConnectorStaged created = service.create(ConnectorStagedDraft.of("Contended connector",
                        Creator.ofEmail("john.doe@example.com"),
                        new Repository("git@github.com:commercetools/connect-application-kit.git", "0.0.0"))
                .withKey("contended")).getOrElseThrow(e -> new AssertionError("create failed: " + e));
        String id = created.id();
        int threads = threads();
        int updates = updatesPerThread();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Tally>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return write(service, id, thread, updates);
                }));
            }
            start.countDown();
            List<Tally> tallies = new ArrayList<>();
            for (Future<Tally> future : futures) {
                tallies.add(future.get(60, TimeUnit.SECONDS));
            }
            check(service.get(ResourceRef.id(id)).getOrElseThrow(e -> new AssertionError("connector gone: " + e)), tallies,
                    threads, updates);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Tally write(ConnectorStagedService service, String id, int thread, int updates) {
        int accepted = 0;
        int refused = 0;
        String lastAccepted = null;
        Map<Long, String> acceptedByVersion = new HashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < updates; i++) {
            Either<ErrorResponse, ConnectorStaged> read = service.get(ResourceRef.id(id));
            if (read.isLeft()) {
                unexpected.add("read " + i + ": " + read.getLeft());
                continue;
            }
            long version = read.get().version();
            Thread.yield(); // widen the window between read and write, so that writers race more often
            String description = "thread " + thread + " update " + i;
            Either<ErrorResponse, ConnectorStaged> result = service.update(ResourceRef.id(id),
                    ConnectorUpdate.of(version, new ConnectorSetDescriptionAction(description)));
            if (result.isRight()) {
                accepted++;
                lastAccepted = description;
                ConnectorStaged written = result.get();
                if (written.version() != version + 1 || !description.equals(written.description())) {
                    unexpected.add("accepted " + description + " as version " + written.version() + " with "
                            + written.description() + ", read version " + version);
                }
                acceptedByVersion.put(written.version(), description);
            } else {
                refused++;
                ErrorResponse response = result.getLeft();
                boolean conflict = response.statusCode() == 409
                        && response.errors().stream().allMatch(ConcurrentUpdatesContract::isConflict);
                if (!conflict && unexpected.size() < 10) {
                    unexpected.add("refused " + description + " with " + response);
                }
            }
        }
        return new Tally(thread, accepted, refused, lastAccepted, acceptedByVersion, unexpected);
    }

    private static void check(ConnectorStaged last, List<Tally> tallies, int threads, int updates) {
        List<String> unexpected = new ArrayList<>();
        tallies.forEach(t -> unexpected.addAll(t.unexpected()));
        assertEquals(List.of(), unexpected, "every refusal is a ConcurrentModification, every success a +1");

        int accepted = tallies.stream().mapToInt(Tally::accepted).sum();
        int refused = tallies.stream().mapToInt(Tally::refused).sum();
        assertEquals((long) threads * updates, (long) accepted + refused, "every request answered once");
        assertEquals(1 + accepted, last.version(), "the version counts the accepted updates");

        Map<Long, String> byVersion = new HashMap<>();
        for (Tally tally : tallies) {
            for (Map.Entry<Long, String> entry : tally.acceptedByVersion().entrySet()) {
                String other = byVersion.putIfAbsent(entry.getKey(), entry.getValue());
                assertTrue(other == null, () -> "version " + entry.getKey() + " was accepted twice: '" + other
                        + "' and '" + entry.getValue() + "' (one of them is lost)");
            }
        }
        assertEquals(accepted, byVersion.size(), "one accepted update per version");
        for (long version = 2; version <= last.version(); version++) {
            assertTrue(byVersion.containsKey(version), "no accepted update made version " + version);
        }
        assertEquals(byVersion.get(last.version()), last.description(), "the last accepted update is the state");
        assertTrue(tallies.stream().anyMatch(t -> last.description().equals(t.lastAccepted())),
                "the state is the last accepted update of some writer");

        System.out.printf("%d writers x %d updates on one connector: %d accepted, %d refused (ConcurrentModification)%n",
                threads, updates, accepted, refused);
    }

    /** The refusal a lost race answers: {@code ConcurrentModification} carrying the current version. */
    private static boolean isConflict(ConnectError error) {
        return error.code() == ErrorCode.CONCURRENT_MODIFICATION && error.fields().containsKey("currentVersion");
    }
}
