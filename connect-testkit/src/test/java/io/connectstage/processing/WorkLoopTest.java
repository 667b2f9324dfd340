package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.testkit.MutableClock;
import io.connectstage.testkit.SampleConnectors;
import io.connectstage.testkit.SimpleConnectorStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The work loop, apart from what the work is")
class WorkLoopTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.000Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final QueuedExecutor executor = new QueuedExecutor();

    /** A queue holding a preview and a publish of one connector. */
    private static SimpleConnectorStore queueWithPreviewAndPublish() {
        SimpleConnectorStore store = new SimpleConnectorStore();
        ConnectorStaged c = SampleConnectors.fullyPopulated();
        store.insert(c);
        ConnectorStaged next = c.withVersion(c.version() + 1).withPreviewable(IsPreviewable.PENDING);
        store.replace(next, c.version(), List.of(Work.preview(next), Work.publish(next, false)), null);
        return store;
    }

    private WorkLoop loop(List<WorkLoop.Source> sources) {
        return new WorkLoop(sources, "loop-a", clock, Duration.ofSeconds(30), executor, null, null, Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("claims from every queue alike, only the kinds of each source, and hands each claim to its source's worker")
    void claimsFromEachSourceItsKinds() {
        SimpleConnectorStore first = queueWithPreviewAndPublish();
        SimpleConnectorStore second = queueWithPreviewAndPublish();
        List<String> done = new ArrayList<>();
        WorkLoop loop = loop(List.of(
                new WorkLoop.Source(first, Set.of(WorkKind.PREVIEW), w -> done.add("1:" + w.id()), WorkLoop.Parked.NONE),
                new WorkLoop.Source(second, Set.of(WorkKind.PUBLISH), w -> done.add("2:" + w.id()), WorkLoop.Parked.NONE)));

        assertEquals(2, loop.runClaimable());
        assertEquals(List.of("1:" + SampleConnectors.ID + "/preview/8", "2:" + SampleConnectors.ID + "/publish/8"), done);
        assertEquals(Set.of(WorkKind.PUBLISH), Set.copyOf(first.work().stream().filter(w -> w.lease() == null)
                .map(Work::kind).toList()), "the other kind is left unclaimed");
        assertEquals(Set.of(WorkKind.PREVIEW), Set.copyOf(second.work().stream().filter(w -> w.lease() == null)
                .map(Work::kind).toList()));
    }

    @Test
    @DisplayName("coalesces wake-ups into one run on the executor, and looks again after a wake-up during a run")
    void coalescesWakeUps() {
        SimpleConnectorStore queue = queueWithPreviewAndPublish();
        List<Work> done = new ArrayList<>();
        WorkLoop[] self = new WorkLoop[1];
        self[0] = loop(List.of(new WorkLoop.Source(queue, Set.of(WorkKind.PREVIEW, WorkKind.PUBLISH), w -> {
            done.add(w);
            queue.complete(w);
            self[0].wake();
        }, WorkLoop.Parked.NONE)));
        self[0].wake();
        self[0].wake();
        assertEquals(1, executor.pending());
        executor.runAll();
        assertEquals(2, done.size());
        assertEquals(List.of(), queue.work());
        assertEquals(0, executor.pending());
    }

    @Test
    @DisplayName("marks a claim lost when its renewal is refused, and renews parked claims, forgetting those taken over")
    void renewsAndLoses() {
        SimpleConnectorStore queue = queueWithPreviewAndPublish();
        List<Work> parked = new ArrayList<>();
        List<Work> forgotten = new ArrayList<>();
        WorkLoop.Parked parking = new WorkLoop.Parked() {
            @Override
            public List<Work> claims() {
                return List.copyOf(parked);
            }

            @Override
            public void forget(Work claim) {
                forgotten.add(claim);
                parked.remove(claim);
            }
        };
        boolean[] heldAfterRenewal = new boolean[1];
        WorkLoop[] self = new WorkLoop[1];
        self[0] = loop(List.of(new WorkLoop.Source(queue, Set.of(WorkKind.PREVIEW), w -> {
            clock.advance(Duration.ofSeconds(31));
            Work taken = queue.claim("loop-b", clock.instant(), clock.instant().plusSeconds(30)).get();
            self[0].renewLeases();
            heldAfterRenewal[0] = self[0].stillHeld(w);
            parked.add(taken.claimedBy("loop-a", clock.instant()));
        }, parking)));
        assertEquals(1, self[0].runClaimable());
        assertFalse(heldAfterRenewal[0], "taken over by loop-b");
        self[0].renewLeases();
        assertEquals(1, forgotten.size());
        assertTrue(parked.isEmpty());
    }
}
