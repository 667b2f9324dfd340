package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("The settlement of a claimed preview or publish, without I/O")
class ConnectorSettlementTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.000Z");
    private static final Analysis VALID = new Analysis(true, List.of(new ConnectorReportEntry(
            ConnectorReportEntryType.INFORMATION, "valid", null, NOW, null)), List.of(SampleConnectors.configuration()),
            null, null);
    private static final Analysis INVALID = Analysis.failed("invalid", "no connect.yaml", NOW);

    private static ConnectorStaged previewRequested() {
        return ConnectorLifecycle.requestPreview(SampleConnectors.fullyPopulated()).get();
    }

    private static ConnectorStaged publishRequested(boolean certification) {
        return ConnectorLifecycle.requestPublish(SampleConnectors.fullyPopulated(), certification).get();
    }

    private static Work claimed(Work w) {
        return w.claimedBy("processor-a", NOW.plusSeconds(30));
    }

    @Test
    @DisplayName("settles a pending preview as granted, completing its claim and publishing nothing")
    void grantsAPreview() {
        ConnectorStaged pending = previewRequested();
        Work claim = claimed(Work.preview(pending));
        ConnectorSettle settle = ConnectorSettlement.settle(claim, Option.some(pending), Option.none(), VALID, NOW);
        assertEquals(IsPreviewable.TRUE, settle.next().isPreviewable());
        assertEquals(pending.version(), settle.expectedVersion());
        assertEquals(ConnectorWrite.completing(claim), settle.write());
    }

    @Test
    @DisplayName("settles a publish without certification as Published, with the published Connector at version 1 in the same write")
    void publishesInTheSettlingWrite() {
        ConnectorStaged processing = publishRequested(false);
        Work claim = claimed(Work.publish(processing, false));
        ConnectorSettle settle = ConnectorSettlement.settle(claim, Option.some(processing), Option.none(), VALID, NOW);
        assertEquals(ConnectorStatus.PUBLISHED, settle.next().status());
        ConnectorWrite.Publish publish = (ConnectorWrite.Publish) settle.write().publishes();
        assertEquals(Connector.publishedFrom(settle.next(), 1), publish.connector());
        assertEquals(settle.next().alreadyListed(), publish.listed());
        assertSame(claim, settle.write().completes());
    }

    @Test
    @DisplayName("keeps the version of a published Connector with the same data, and takes the next one for new data")
    void versionsThePublication() {
        ConnectorStaged processing = publishRequested(false);
        Work claim = claimed(Work.publish(processing, false));
        ConnectorStaged settled = ConnectorSettlement.settle(claim, Option.some(processing), Option.none(), VALID, NOW).next();
        Connector same = Connector.publishedFrom(settled, 4);
        assertEquals(same, publication(claim, processing, Option.some(same)).connector());
        Connector older = Connector.publishedFrom(settled.withName("older name"), 4);
        assertEquals(5, publication(claim, processing, Option.some(older)).connector().version());
    }

    private static ConnectorWrite.Publish publication(Work claim, ConnectorStaged found, Option<Connector> published) {
        return (ConnectorWrite.Publish) ConnectorSettlement.settle(claim, Option.some(found), published, VALID, NOW)
                .write().publishes();
    }

    @Test
    @DisplayName("publishes nothing for a publish that asks for certification or whose analysis fails")
    void publishesOnlySuccessWithoutCertification() {
        ConnectorStaged certifying = publishRequested(true);
        assertNull(ConnectorSettlement.settle(claimed(Work.publish(certifying, true)), Option.some(certifying),
                Option.none(), VALID, NOW).write().publishes());
        ConnectorStaged processing = publishRequested(false);
        ConnectorSettle failed = ConnectorSettlement.settle(claimed(Work.publish(processing, false)),
                Option.some(processing), Option.none(), INVALID, NOW);
        assertEquals(ConnectorStatus.FAILED, failed.next().status());
        assertNull(failed.write().publishes());
    }

    @Test
    @DisplayName("only completes the claim of a connector that is gone or settled already")
    void onlyCompletesAStaleClaim() {
        ConnectorStaged processing = publishRequested(false);
        Work claim = claimed(Work.publish(processing, false));
        assertEquals(ConnectorSettle.onlyCompleting(claim),
                ConnectorSettlement.settle(claim, Option.none(), Option.none(), VALID, NOW));
        ConnectorStaged settled = ConnectorSettlement.settle(claim, Option.some(processing), Option.none(), VALID, NOW).next();
        assertEquals(ConnectorSettle.onlyCompleting(claim),
                ConnectorSettlement.settle(claim, Option.some(settled), Option.none(), VALID, NOW));
    }

    /** A claimed item and the connector as found: gone, waiting for it, or settled already. */
    record Case(WorkKind kind, boolean certification, int found, boolean valid, boolean publishedBefore) {
    }

    private static Gen<Case> cases() {
        return integers().between(0, 1).zip(booleans().all(), integers().between(0, 2), booleans().all(),
                (kind, certification, found, valid) -> new Case(kind == 0 ? WorkKind.PREVIEW : WorkKind.PUBLISH,
                        certification, found, valid, false))
                .zip(booleans().all(), (c, before) -> new Case(c.kind(), c.certification(), c.found(), c.valid(), before));
    }

    @Test
    @DisplayName("every settlement completes exactly its own claim; a stale one only completes; only a successful publish publishes")
    void completesItsOwnClaim() {
        qt().withExamples(300).forAll(cases()).checkAssert(c -> {
            ConnectorStaged waiting = c.kind() == WorkKind.PREVIEW ? previewRequested() : publishRequested(c.certification());
            Work claim = claimed(c.kind() == WorkKind.PREVIEW ? Work.preview(waiting) : Work.publish(waiting, c.certification()));
            Analysis analysis = c.valid() ? VALID : INVALID;
            Option<ConnectorStaged> found = c.found() == 0 ? Option.none() : Option.some(waiting);
            if (c.found() == 2) {
                found = Option.some(ConnectorSettlement.settle(claim, found, Option.none(), analysis, NOW).next());
            }
            Option<Connector> published = c.publishedBefore()
                    ? Option.some(Connector.publishedFrom(waiting.withName("before"), 3)) : Option.none();

            ConnectorSettle settle = ConnectorSettlement.settle(claim, found, published, analysis, NOW);

            assertSame(claim, settle.write().completes());
            assertSame(claim, settle.claim());
            assertEquals(List.of(), settle.write().enqueue());
            if (c.found() != 1) {
                assertEquals(ConnectorSettle.onlyCompleting(claim), settle);
                return;
            }
            assertEquals(waiting.version(), settle.expectedVersion());
            assertEquals(waiting.id(), settle.next().id());
            assertTrue(!ConnectorSettlement.waiting(claim, settle.next()), "settled: no longer waits");
            boolean publishes = c.kind() == WorkKind.PUBLISH && c.valid() && !c.certification();
            assertEquals(publishes, settle.write().publishes() != null);
            if (publishes) {
                Connector p = ((ConnectorWrite.Publish) settle.write().publishes()).connector();
                assertEquals(waiting.id(), p.id());
                assertEquals(c.publishedBefore() ? 4 : 1, p.version());
            }
        });
    }
}
