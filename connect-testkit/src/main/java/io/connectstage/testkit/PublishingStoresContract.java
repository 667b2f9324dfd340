package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUnlistAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.CertificationDesk;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.vavr.control.Either;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A staged store that keeps the published Connectors with its staged ones
 * ({@link ConnectorStore#publishesTo}): the publication a settling write carries is stored in that
 * write, all or nothing. A refused settle publishes nothing, so a processor whose claim was taken
 * over leaves no published Connector behind. Each store's test is a short subclass.
 *
 * <pre>{@code
 * class InMemoryPublishingStoresTest extends PublishingStoresContract {
 *     protected Stores openStores() {
 *         InMemoryPublishedConnectorStore published = new InMemoryPublishedConnectorStore();
 *         return new Stores(new InMemoryConnectorStore(published), published);
 *     }
 * }
 * }</pre>
 */
@DisplayName("A staged store that publishes in its own writes")
public abstract class PublishingStoresContract extends ProcessorsFixture {
    /** A staged store and the published store its writes publish into. */
    public record Stores(ConnectorStore staged, PublishedConnectorStore published) {
    }

    /** New stores, empty, paired. */
    protected abstract Stores openStores();

    private ConnectorStore staged;
    private PublishedConnectorStore published;

    @BeforeEach
    void open() {
        Stores stores = openStores();
        staged = stores.staged();
        published = stores.published();
    }

    /** A public connector with a publish request stored with its work. */
    private ConnectorStaged processing() {
        ConnectorStaged draft = SampleConnectors.fullyPopulated().withPrivate(false);
        assertTrue(staged.insert(draft).isRight());
        ConnectorStaged processing = draft.withVersion(draft.version() + 1).withStatus(ConnectorStatus.PROCESSING);
        assertTrue(staged.replace(processing, draft.version(), List.of(Work.publish(processing, false)), null).isRight());
        return processing;
    }

    private Work claim(String owner) {
        return staged.claim(owner, clock.instant(), clock.instant().plus(LEASE)).get();
    }

    private static ConnectorStaged settled(ConnectorStaged processing) {
        return processing.withVersion(processing.version() + 1).withStatus(ConnectorStatus.PUBLISHED).withAlreadyListed(true);
    }

    private static ConnectorWrite settling(Work claim, ConnectorStaged settled) {
        return ConnectorWrite.completing(claim).publishing(new ConnectorWrite.Publish(Connector.publishedFrom(settled, 1), true));
    }

    private void assertNothingPublished(ConnectorStaged stored) {
        assertTrue(published.findById(stored.id()).isEmpty(), "nothing published");
        assertEquals(stored, staged.findById(stored.id()).get(), "nothing staged");
    }

    @Test
    @DisplayName("publishes into the published store it was made with, and no other")
    void pairedWithItsPublishedStore() {
        assertTrue(staged.publishesTo(published));
        assertFalse(staged.publishesTo(new SimplePublishedConnectorStore()));
    }

    @Test
    @DisplayName("creates the published Connector, listed, in the write that settles the publish and completes its claim")
    void publishesInTheSettlingWrite() {
        ConnectorStaged processing = processing();
        Work claim = claim("a");
        ConnectorStaged settled = settled(processing);
        assertEquals(Either.right(settled), staged.replace(settled, processing.version(), settling(claim, settled)));
        assertEquals(Connector.publishedFrom(settled, 1), published.findById(settled.id()).get());
        assertEquals(List.of(Connector.publishedFrom(settled, 1)), published.search(ConnectorSearch.defaults()).results());
        assertEquals(List.of(), staged.work());
    }

    @Test
    @DisplayName("publishes nothing when the settle is refused: another version, a claim taken over, a changed key, a connector gone")
    void refusedSettlePublishesNothing() {
        ConnectorStaged processing = processing();
        Work lost = claim("a");
        ConnectorStaged settled = settled(processing);

        assertInstanceOf(StoreRefusal.VersionMismatch.class,
                staged.replace(settled, processing.version() - 1, settling(lost, settled)).getLeft());
        assertNothingPublished(processing);

        clock.advance(LEASE);
        Work taken = claim("b");
        assertEquals(new StoreRefusal.WorkGone(lost.id()),
                staged.replace(settled, processing.version(), settling(lost, settled)).getLeft());
        assertNothingPublished(processing);

        assertEquals(new StoreRefusal.KeyChanged(processing.id()),
                staged.replace(settled.withKey("another-key"), processing.version(), settling(taken, settled)).getLeft());
        assertNothingPublished(processing);
        assertEquals(List.of(taken), staged.work(), "the claim stays held");

        assertTrue(staged.delete(processing.id(), processing.version()).isRight());
        assertInstanceOf(StoreRefusal.NotFound.class,
                staged.replace(settled, processing.version(), settling(taken, settled)).getLeft());
        assertTrue(published.findById(processing.id()).isEmpty(), "nothing published");
    }

    @Test
    @DisplayName("throws for a publication of another connector, and changes nothing")
    void refusesAnotherConnectorsPublication() {
        ConnectorStaged processing = processing();
        Work claim = claim("a");
        ConnectorStaged settled = settled(processing);
        ConnectorWrite other = ConnectorWrite.completing(claim).publishing(new ConnectorWrite.Publish(
                Connector.publishedFrom(Connectors.minimal("another-id", "another-key"), 1), true));
        assertThrows(IllegalArgumentException.class, () -> staged.replace(settled, processing.version(), other));
        assertNothingPublished(processing);
        assertEquals(List.of(claim), staged.work(), "the claim stays held");
    }

    @Test
    @DisplayName("unlists the published Connector in the write of the change, and leaves it listed when that write is refused")
    void listsInTheWrite() {
        ConnectorStaged processing = processing();
        ConnectorStaged settled = settled(processing);
        assertTrue(staged.replace(settled, processing.version(), settling(claim("a"), settled)).isRight());
        ConnectorStaged unlisted = settled.withVersion(settled.version() + 1).withAlreadyListed(false);
        ConnectorWrite unlisting = ConnectorWrite.NONE.publishing(new ConnectorWrite.Listing(false));

        assertTrue(staged.replace(unlisted, settled.version() + 7, unlisting).isLeft());
        assertEquals(1, published.search(ConnectorSearch.defaults()).total(), "still listed");

        assertEquals(Either.right(unlisted), staged.replace(unlisted, settled.version(), unlisting));
        assertEquals(0, published.search(ConnectorSearch.defaults()).total(), "unlisted");
        assertEquals(Connector.publishedFrom(settled, 1), published.findById(settled.id()).get(), "still readable");
    }

    @Test
    @DisplayName("keeps the newer published Connector when a settle carries an older version, and still settles")
    void keepsTheNewerPublishedConnector() {
        ConnectorStaged processing = processing();
        ConnectorStaged settled = settled(processing);
        published.save(Connector.publishedFrom(settled.withName("newer"), 2), true);
        assertTrue(staged.replace(settled, processing.version(), settling(claim("a"), settled)).isRight());
        assertEquals("newer", published.findById(settled.id()).get().name());
        assertEquals(ConnectorStatus.PUBLISHED, staged.findById(settled.id()).get().status());
    }

    @Test
    @DisplayName("an approval lists the published Connector in its own write, and an unlist request unlists it in the update's write")
    void approvalAndUnlistInTheirWrites() {
        ConnectorProcessor processor = build(ConnectorProcessor.builder(staged, published,
                (repository, at) -> new Analysis(true, List.of(), List.of(), null, null)).executor(Runnable::run), "a");
        ConnectorStagedService service = ConnectorStagedService.builder(staged).processing(processor).clock(clock).build();
        CertificationDesk desk = new CertificationDesk(staged, processor);
        ConnectorStaged created = service.create(SampleConnectors.minimalDraft().withKey("listed-connector")).get();
        ConnectorStaged ready = service.update(ResourceRef.id(created.id()),
                ConnectorUpdate.of(created.version(), new ConnectorPublishAction(true))).get();
        assertEquals(ConnectorStatus.READY_FOR_CERTIFICATION, staged.findById(ready.id()).get().status());
        assertTrue(desk.start(ready.id()).isRight());
        ConnectorStaged approved = desk.approve(ready.id()).get();
        assertEquals(1, published.search(ConnectorSearch.defaults()).total(), "listed with the approval");
        assertEquals(Connector.publishedFrom(approved, 1), published.findById(approved.id()).get());

        assertTrue(service.update(ResourceRef.id(approved.id()),
                ConnectorUpdate.of(approved.version(), new ConnectorUnlistAction())).isRight());
        assertEquals(0, published.search(ConnectorSearch.defaults()).total(), "unlisted with the update");
        assertTrue(published.findById(approved.id()).isDefined(), "still readable");
    }

    @Test
    @DisplayName("a processor whose claim was taken over while it analyzed publishes nothing, and the new holder publishes once")
    void processorTakenOverPublishesNothing() {
        ConnectorStaged processing = processing();
        Work[] taken = new Work[1];
        ConnectorProcessor slow = build(ConnectorProcessor.builder(staged, published, (repository, at) -> {
            clock.advance(LEASE); // the lease ends while this analysis runs, and b takes the item over
            taken[0] = claim("b");
            return new Analysis(true, List.of(), List.of(), null, null);
        }).executor(Runnable::run), "a");

        assertEquals(1, slow.runClaimable());

        assertNothingPublished(processing);
        assertEquals(List.of(taken[0]), staged.work(), "b holds the item");
        ConnectorProcessor b = build(ConnectorProcessor.builder(staged, published,
                (repository, at) -> new Analysis(true, List.of(), List.of(), null, null)).executor(Runnable::run), "b");
        clock.advance(LEASE);
        assertEquals(1, b.runClaimable());
        assertEquals(ConnectorStatus.PUBLISHED, staged.findById(processing.id()).get().status());
        assertEquals(1, published.findById(processing.id()).get().version());
        assertEquals(List.of(), staged.work());
    }
}
