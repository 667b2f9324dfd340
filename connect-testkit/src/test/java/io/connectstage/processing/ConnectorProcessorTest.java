package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUnlistAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Repository;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.error.ErrorCode;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.PublishedConnectorService;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.testkit.MutableClock;
import io.connectstage.testkit.SimpleConnectorStore;
import io.connectstage.testkit.SimplePublishedConnectorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Processing of preview and publish requests")
class ConnectorProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.000Z");
    private static final ConnectorConfigurationApplication APP = new ConnectorConfigurationApplication("app-1",
            ApplicationType.SERVICE, List.of(new StandardConfigurationKey("CONFIG_KEY", "config key", true, null)),
            List.of());

    private final SimpleConnectorStore store = new SimpleConnectorStore();
    private final SimplePublishedConnectorStore published = new SimplePublishedConnectorStore();
    private final QueuedExecutor executor = new QueuedExecutor();
    private final AtomicReference<ConnectorAnalyzer> analyzer = new AtomicReference<>(ConnectorProcessorTest::valid);
    private ConnectorProcessor processor;
    private ConnectorStagedService service;
    private CertificationDesk desk;

    private static Analysis valid(Repository repository, Instant at) {
        return new Analysis(true, List.of(new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION,
                "Connector specification file validation check succeeded", null, at, null)), List.of(APP), null, null);
    }

    @BeforeEach
    void wire() {
        processor = ConnectorProcessor.builder(store, published, (r, at) -> analyzer.get().analyze(r, at))
                .executor(executor).clock(Clock.fixed(NOW, ZoneOffset.UTC)).analysisTimeout(Duration.ofSeconds(2)).build();
        service = ConnectorStagedService.builder(store).processing(processor).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        desk = new CertificationDesk(store, processor);
    }

    private ConnectorStaged create() {
        return service.create(ConnectorStagedDraft.of("Connector", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/connector.git", "1.0.0")).withKey("connector")).get();
    }

    private ConnectorStaged update(ConnectorStaged c, io.connectstage.action.ConnectorUpdateAction action) {
        return service.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), action)).get();
    }

    private ConnectorStaged current(ConnectorStaged c) {
        return store.findById(c.id()).get();
    }

    @Test
    void createReadsTheConfigurationsOfTheRepository() {
        assertEquals(List.of(APP), create().configurations());
    }

    @Test
    void createStillSucceedsWithEmptyConfigurationsWhenTheRepositoryCannotBeRead() {
        analyzer.set((r, at) -> Analysis.failed("Git repository not reachable", "no route", at));
        ConnectorStaged created = create();
        assertEquals(List.of(), created.configurations());
        assertEquals(1, created.version());
    }

    @Nested
    @DisplayName("a preview request")
    class Preview {
        @Test
        void staysPendingUntilProcessedThenBecomesTrueWithTheReport() {
            ConnectorStaged pending = update(create(), new ConnectorUpdatePreviewableAction());
            assertEquals(IsPreviewable.PENDING, pending.isPreviewable());
            assertEquals(1, executor.pending());
            executor.runNext();
            ConnectorStaged settled = current(pending);
            assertEquals(IsPreviewable.TRUE, settled.isPreviewable());
            assertEquals(pending.version() + 1, settled.version());
            assertEquals("Connector specification file validation check succeeded",
                    settled.previewableReport().entries().get(0).title());
        }

        @Test
        void becomesFalseWithTheErrorsWhenTheAnalysisFails() {
            analyzer.set((r, at) -> Analysis.failed("Connector specification file not found", null, at));
            ConnectorStaged pending = update(create(), new ConnectorUpdatePreviewableAction());
            executor.runAll();
            ConnectorStaged settled = current(pending);
            assertEquals(IsPreviewable.FALSE, settled.isPreviewable());
            assertEquals(ConnectorReportEntryType.ERROR, settled.previewableReport().entries().get(0).type());
        }

        @Test
        void settlesToFalseWhenTheAnalyzerItselfThrows() {
            ConnectorStaged pending = update(create(), new ConnectorUpdatePreviewableAction());
            analyzer.set((r, at) -> {
                throw new IllegalStateException("analyzer bug");
            });
            executor.runAll();
            ConnectorStaged settled = current(pending);
            assertEquals(IsPreviewable.FALSE, settled.isPreviewable());
            assertTrue(settled.previewableReport().entries().get(0).message().contains("analyzer bug"));
        }

        @Test
        void settlesToFalseWhenTheAnalyzerRunsPastItsTimeout() {
            MutableClock clock = new MutableClock(NOW);
            ConnectorProcessor slow = ConnectorProcessor.builder(store, published, (r, at) -> {
                clock.advance(Duration.ofMillis(2_001));
                return valid(r, at);
            }).executor(executor).clock(clock).analysisTimeout(Duration.ofSeconds(2)).build();
            ConnectorStaged pending = update(create(), new ConnectorUpdatePreviewableAction());
            assertEquals(1, slow.runClaimable());
            ConnectorStaged settled = current(pending);
            assertEquals(IsPreviewable.FALSE, settled.isPreviewable());
            assertTrue(settled.previewableReport().entries().get(0).message().contains("did not finish"));
        }

        @Test
        void settlesEvenWhenAnotherUpdateGotInBetween() {
            ConnectorStaged pending = update(create(), new ConnectorUpdatePreviewableAction());
            ConnectorStaged renamed = update(pending, new ConnectorSetNameAction("Renamed meanwhile"));
            executor.runAll();
            ConnectorStaged settled = current(renamed);
            assertEquals(IsPreviewable.TRUE, settled.isPreviewable());
            assertEquals("Renamed meanwhile", settled.name());
        }
    }

    @Nested
    @DisplayName("a publish request")
    class Publish {
        @Test
        void processesThenPublishesAndCreatesTheProductionConnector() {
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(false));
            assertEquals(ConnectorStatus.PROCESSING, processing.status());
            assertEquals(ErrorCode.CONCURRENT_MODIFICATION, service.update(ResourceRef.id(processing.id()),
                    ConnectorUpdate.of(processing.version(), new ConnectorSetNameAction("x"))).getLeft().errors().get(0).code());
            executor.runAll();
            ConnectorStaged settled = current(processing);
            assertEquals(ConnectorStatus.PUBLISHED, settled.status());
            assertFalse(settled.hasChanges());
            Connector connector = new PublishedConnectorService(published).get(ResourceRef.id(settled.id())).get();
            assertEquals(settled.name(), connector.name());
            assertTrue(connector.isPrivate());
            assertFalse(connector.certified());
            assertEquals(List.of(APP), connector.configurations());
        }

        @Test
        void failsWithThePublishingReportWhenTheAnalysisFails() {
            analyzer.set((r, at) -> Analysis.failed("Connector specification file not found", null, at));
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(false));
            executor.runAll();
            ConnectorStaged settled = current(processing);
            assertEquals(ConnectorStatus.FAILED, settled.status());
            assertEquals("Connector specification file not found", settled.publishingReport().entries().get(0).title());
            assertTrue(published.findById(settled.id()).isEmpty());
        }

        @Test
        void hasChangesIsTrueExactlyWhileTheStagedDataDiffersFromTheConnector() {
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(false));
            executor.runAll();
            ConnectorStaged renamed = update(current(processing), new ConnectorSetNameAction("Other"));
            assertTrue(renamed.hasChanges());
            ConnectorStaged back = update(renamed, new ConnectorSetNameAction("Connector"));
            assertFalse(back.hasChanges());
        }
    }

    @Nested
    @DisplayName("a processor started over a store with unsettled requests")
    class Resume {
        @Test
        void analyzesPendingPreviewsAndRedoesPublishesWithTheCertificationTheyAskedFor() {
            ConnectorStaged previewing = update(create(), new ConnectorUpdatePreviewableAction());
            ConnectorStaged other = service.create(ConnectorStagedDraft.of("Other", Creator.ofEmail("b@example.com"),
                    new Repository("git@github.com:acme/other.git", "1.0.0")).withKey("other")).get();
            ConnectorStaged publishing = update(other, new ConnectorPublishAction(true));
            assertEquals(2, store.work().size());
            QueuedExecutor afterRestart = new QueuedExecutor();
            ConnectorProcessor restarted = ConnectorProcessor.builder(store, published, ConnectorProcessorTest::valid)
                    .executor(afterRestart).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

            restarted.resume();
            assertEquals(1, afterRestart.pending());
            afterRestart.runAll();

            assertEquals(IsPreviewable.TRUE, current(previewing).isPreviewable());
            assertEquals(ConnectorStatus.READY_FOR_CERTIFICATION, current(publishing).status());
            assertEquals(List.of(), store.work());
            assertEquals(0, restarted.runClaimable());
        }

        @Test
        void leavesRequestsOfAServiceWithoutProcessingWaitingInTheStore() {
            ConnectorStagedService unprocessed = ConnectorStagedService.builder(store).build();
            ConnectorStaged created = create();
            ConnectorStaged processing = unprocessed.update(ResourceRef.id(created.id()),
                    ConnectorUpdate.of(created.version(), new ConnectorPublishAction(false))).get();
            assertEquals(0, executor.pending());
            assertEquals(List.of(processing.id() + "/publish/" + processing.version()),
                    store.work().stream().map(w -> w.id()).toList());
            processor.resume();
            executor.runAll();
            assertEquals(ConnectorStatus.PUBLISHED, current(processing).status());
        }
    }

    @Nested
    @DisplayName("a processor that crashes between saving the Connector and settling")
    class CrashBetweenWrites {
        @Test
        void isRedoneAfterItsLeaseWithOneConnectorVersionAndOneSettle() {
            MutableClock clock = new MutableClock(NOW);
            boolean[] crashed = new boolean[1];
            PublishedConnectorStore crashingOnce = new PublishedConnectorStore() {
                @Override
                public io.vavr.control.Option<Connector> findById(String id) {
                    return published.findById(id);
                }

                @Override
                public io.vavr.control.Option<Connector> findByKey(String key) {
                    return published.findByKey(key);
                }

                @Override
                public void save(Connector connector, boolean listed) {
                    published.save(connector, listed);
                    if (!crashed[0]) {
                        crashed[0] = true;
                        throw new IllegalStateException("the process dies here");
                    }
                }

                @Override
                public boolean setListed(String id, boolean listed) {
                    return published.setListed(id, listed);
                }

                @Override
                public io.connectstage.store.ConnectorSearchPage search(ConnectorSearch search) {
                    return published.search(search);
                }
            };
            ConnectorProcessor crashing = ConnectorProcessor.builder(store, crashingOnce, ConnectorProcessorTest::valid)
                    .executor(Runnable::run).clock(clock).lease(Duration.ofMinutes(1)).build();
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(false));

            assertThrows(IllegalStateException.class, crashing::runClaimable);
            assertEquals(ConnectorStatus.PROCESSING, current(processing).status());
            assertEquals(1, published.findById(processing.id()).get().version());
            assertEquals(0, crashing.runClaimable(), "the crashed claim still holds");

            clock.advance(Duration.ofMinutes(1));
            assertEquals(1, crashing.runClaimable());
            ConnectorStaged settled = current(processing);
            assertEquals(ConnectorStatus.PUBLISHED, settled.status());
            assertEquals(processing.version() + 1, settled.version());
            assertEquals(1, settled.publishingReport().entries().size());
            assertEquals(1, published.findById(processing.id()).get().version(), "the same Connector saved again");
            assertEquals(List.of(), store.work());
        }
    }

    @Nested
    @DisplayName("the inline processor (every repository accepted, on the caller's thread)")
    class Inline {
        @Test
        void settlesEveryRequestBeforeTheUpdateReturns() {
            ConnectorStagedService simple = ConnectorStagedService.builder(store)
                    .processing(ConnectorProcessor.inline(store, published)).build();
            ConnectorStaged created = simple.create(ConnectorStagedDraft.of("Connector", Creator.ofEmail("a@example.com"),
                    new Repository("git@github.com:acme/connector.git", "1.0.0"))).getOrElseThrow(e -> new AssertionError(e.toString()));
            ConnectorStaged processing = simple.update(ResourceRef.id(created.id()), ConnectorUpdate.of(created.version(),
                    new ConnectorUpdatePreviewableAction(), new ConnectorPublishAction(false))).get();
            ConnectorStaged settled = current(processing);
            assertEquals(ConnectorStatus.PUBLISHED, settled.status());
            assertEquals(IsPreviewable.TRUE, settled.isPreviewable());
            assertEquals(ConnectorAnalyzer.NOT_ANALYZED, settled.publishingReport().entries().get(0).title());
            assertTrue(published.findById(created.id()).get().isPrivate());
            assertTrue(simple.update(ResourceRef.id(settled.id()), ConnectorUpdate.of(settled.version(),
                    new ConnectorSetNameAction("Renamed"))).isRight());
        }
    }

    @Nested
    @DisplayName("the certification path")
    class Certification {
        @Test
        void goesThroughTheDeskToAListedCertifiedPublicConnector() {
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(true));
            executor.runAll();
            assertEquals(ConnectorStatus.READY_FOR_CERTIFICATION, current(processing).status());
            assertEquals(ConnectorStatus.IN_CERTIFICATION, desk.start(processing.id()).get().status());
            assertEquals(1, desk.comment(processing.id(), "ct-staff", "Looks good").get()
                    .certificationInfo().comments().size());
            ConnectorStaged approved = desk.approve(processing.id()).get();
            assertEquals(ConnectorStatus.PUBLISHED, approved.status());
            assertTrue(approved.alreadyListed());
            assertFalse(approved.isPrivate());
            Connector connector = published.findById(approved.id()).get();
            assertTrue(connector.certified());
            assertFalse(connector.isPrivate());
            assertEquals(1, published.search(ConnectorSearch.defaults()).total());

            ConnectorStaged unlisted = update(approved, new ConnectorUnlistAction());
            assertFalse(unlisted.alreadyListed());
            assertEquals(0, published.search(ConnectorSearch.defaults()).total());
            assertTrue(published.findById(approved.id()).isDefined());
        }

        @Test
        void aPublishWithoutCertificationAfterACertifiedOneMakesTheConnectorPrivate() {
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(true));
            executor.runAll();
            desk.start(processing.id());
            ConnectorStaged approved = desk.approve(processing.id()).get();
            assertFalse(published.findById(approved.id()).get().isPrivate());

            update(approved, new ConnectorPublishAction(false));
            executor.runAll();
            ConnectorStaged republished = current(approved);
            assertEquals(ConnectorStatus.PUBLISHED, republished.status());
            Connector connector = published.findById(approved.id()).get();
            assertTrue(connector.isPrivate());
            assertEquals(republished.isPrivate(), connector.isPrivate());
        }

        @Test
        void aPublishWithoutCertificationAfterARejectedReCertificationMakesTheConnectorPrivate() {
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(true));
            executor.runAll();
            desk.start(processing.id());
            ConnectorStaged approved = desk.approve(processing.id()).get();
            update(update(approved, new ConnectorSetNameAction("Renamed")), new ConnectorPublishAction(true));
            executor.runAll();
            desk.start(approved.id());
            ConnectorStaged rejected = desk.reject(approved.id(), "Missing tests").get();
            assertFalse(published.findById(approved.id()).get().isPrivate(), "the certified Connector stays as it was");

            update(rejected, new ConnectorPublishAction(false));
            executor.runAll();
            assertEquals(ConnectorStatus.PUBLISHED, current(rejected).status());
            assertTrue(published.findById(approved.id()).get().isPrivate());
        }

        @Test
        void aRejectionFailsTheConnectorWithTheReason() {
            ConnectorStaged processing = update(create(), new ConnectorPublishAction(true));
            executor.runAll();
            desk.start(processing.id());
            ConnectorStaged rejected = desk.reject(processing.id(), "Missing tests").get();
            assertEquals(ConnectorStatus.FAILED, rejected.status());
            assertEquals("Missing tests", rejected.publishingReport().entries().get(0).message());
        }

        @Test
        void theDeskRefusesMovesTheStateMachineDoesNotAllow() {
            ConnectorStaged created = create();
            assertTrue(desk.start(created.id()).isLeft());
            assertTrue(desk.approve(created.id()).isLeft());
            assertEquals(created, current(created));
            assertEquals(ErrorCode.RESOURCE_NOT_FOUND, desk.start("nope").getLeft().errors().get(0).code());
        }
    }
}
