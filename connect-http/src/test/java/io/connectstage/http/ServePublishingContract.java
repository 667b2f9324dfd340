package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.testkit.MutableClock;
import io.connectstage.testkit.SampleConnectors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The stores {@code serve} gives each project ({@link PerProjectSpaces} over a {@link SharedPublished}):
 * a project's staged store is paired with the published Connectors all projects share, so the
 * settle of a publish stores the published Connector and the record of who may read it in its own
 * write, or nothing at all. Each kind of store (memory, H2, PostgreSQL) is a short subclass.
 */
public abstract class ServePublishingContract {
    private static final Duration LEASE = Duration.ofMinutes(6);
    private static final String PROJECT = "publishing-project";
    private static final String OTHER = "other-project";

    /** The staged stores of the projects, the shared published store, and what closes them. */
    public record Stores(Function<String, ConnectorStore> staged, SharedPublished shared, AutoCloseable closer) {
    }

    /** New, empty stores as {@code serve} makes them. */
    protected abstract Stores openStores();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private ConnectorAnalyzer analyzer = (repository, at) -> accepted();
    private Stores stores;
    private PerProjectSpaces spaces;
    private ConnectorStore staged;
    private ConnectorProcessor processor;

    private static Analysis accepted() {
        return new Analysis(true, List.of(), List.of(), null, null);
    }

    @BeforeEach
    void open() {
        stores = openStores();
        spaces = PerProjectSpaces.builder().staged(stores.staged()).published(stores.shared())
                .analyzer((repository, at) -> analyzer.analyze(repository, at))
                .executor(Runnable::run).clock(clock).lease(LEASE).build();
        ProjectSpace space = spaces.of(PROJECT);
        staged = space.connectors().store();
        processor = space.processor().get();
    }

    @AfterEach
    void close() throws Exception {
        spaces.close();
        stores.closer().close();
    }

    /** A private connector shared with {@link #OTHER}, with a publish request stored with its work. */
    private ConnectorStaged processing() {
        ConnectorStaged draft = SampleConnectors.fullyPopulated().withPrivate(true).withPrivateProjects(List.of(OTHER));
        assertTrue(staged.insert(draft).isRight());
        ConnectorStaged processing = draft.withVersion(draft.version() + 1).withStatus(ConnectorStatus.PROCESSING);
        assertTrue(staged.replace(processing, draft.version(), List.of(Work.publish(processing, false)), null).isRight());
        return processing;
    }

    private Work claim(String owner) {
        return staged.claim(owner, clock.instant(), clock.instant().plus(LEASE)).get();
    }

    private void assertNothingPublished(ConnectorStaged stored) {
        assertTrue(stores.shared().store().findById(stored.id()).isEmpty(), "nothing published");
        assertEquals(Optional.empty(), stores.shared().access().find(stored.id()), "no access recorded");
        assertEquals(stored, staged.findById(stored.id()).get(), "nothing staged");
    }

    @Test
    @DisplayName("a project's staged store publishes in its own writes to the views of that project only")
    void pairedWithTheViewsOfItsProject() {
        SharedPublished shared = stores.shared();
        assertTrue(staged.publishesTo(processor.published()), "the view its processor is given");
        assertTrue(staged.publishesTo(shared.viewOf(PROJECT, staged)), "another view of its project");
        assertFalse(staged.publishesTo(shared.viewOf(OTHER, staged)), "a view of another project");
        assertFalse(staged.publishesTo(shared.store()), "the shared store, which records no access");
    }

    @Test
    @DisplayName("a settled publish stores the published Connector and who may read it, in the settle's write")
    void settlePublishesAndRecordsAccess() {
        ConnectorStaged processing = processing();

        assertEquals(1, processor.runClaimable());

        ConnectorStaged settled = staged.findById(processing.id()).get();
        assertEquals(ConnectorStatus.PUBLISHED, settled.status());
        assertEquals(1, stores.shared().store().findById(processing.id()).get().version());
        assertEquals(Optional.of(new PublishedAccess.Access(PROJECT, List.of(OTHER))),
                stores.shared().access().find(processing.id()));
        assertTrue(spaces.of(OTHER).processor().get().published().findById(processing.id()).isDefined(),
                "readable by its private project");
        assertTrue(spaces.of("third-project").processor().get().published().findById(processing.id()).isEmpty(),
                "not by another");
        assertEquals(List.of(), staged.work());
    }

    @Test
    @DisplayName("a refused settle publishes nothing and records no access: another version, a claim taken over")
    void refusedSettlePublishesNothing() {
        ConnectorStaged processing = processing();
        Work lost = claim("a");
        ConnectorStaged settled = processing.withVersion(processing.version() + 1).withStatus(ConnectorStatus.PUBLISHED);
        ConnectorWrite settling = ConnectorWrite.completing(lost)
                .publishing(new ConnectorWrite.Publish(Connector.publishedFrom(settled, 1), true));

        assertInstanceOf(StoreRefusal.VersionMismatch.class,
                staged.replace(settled, processing.version() - 1, settling).getLeft());
        assertNothingPublished(processing);

        clock.advance(LEASE);
        Work taken = claim("b");
        assertEquals(new StoreRefusal.WorkGone(lost.id()), staged.replace(settled, processing.version(), settling).getLeft());
        assertNothingPublished(processing);
        assertEquals(List.of(taken), staged.work(), "the claim stays held");
    }

    @Test
    @DisplayName("a processor that lost its claim while it analyzed publishes nothing, and the next holder publishes once")
    void processorThatLostItsClaimPublishesNothing() {
        ConnectorStaged processing = processing();
        Work[] taken = new Work[1];
        analyzer = (repository, at) -> {
            clock.advance(LEASE); // the lease ends while this analysis runs, and b takes the item over
            taken[0] = claim("b");
            return accepted();
        };

        assertEquals(1, processor.runClaimable());

        assertNothingPublished(processing);
        assertEquals(List.of(taken[0]), staged.work(), "b holds the item");
        analyzer = (repository, at) -> accepted();
        clock.advance(LEASE);
        assertEquals(1, processor.runClaimable());
        assertEquals(ConnectorStatus.PUBLISHED, staged.findById(processing.id()).get().status());
        assertEquals(1, stores.shared().store().findById(processing.id()).get().version());
        assertEquals(PROJECT, stores.shared().access().find(processing.id()).get().ownerProject());
        assertEquals(List.of(), staged.work());
    }

    /** The view a project's processor publishes through, for {@code PublishingStoresContract} subclasses. */
    static PublishedConnectorStore viewOf(ProjectSpace space) {
        return space.processor().get().published();
    }
}
