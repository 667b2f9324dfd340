package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.testkit.Generators.UpdateRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectorModel")
class ConnectorModelTest {
    private static final ConnectorCommand PREVIEW = ConnectorCommand.request(new ConnectorUpdatePreviewableAction());
    private static final ConnectorCommand PUBLISH = ConnectorCommand.request(new ConnectorPublishAction(false));
    private static final ConnectorCommand RENAME = ConnectorCommand.request(new ConnectorSetNameAction("renamed"));

    @Test
    @DisplayName("a new connector is a Draft at version 1 with no preview requested")
    void startsAsDraft() {
        ConnectorModel.Run run = ConnectorModel.run(SampleConnectors.minimalDraft(), List.of());
        assertEquals(ConnectorStatus.DRAFT, run.last().status());
        assertEquals(IsPreviewable.NONE, run.last().previewable());
        assertEquals(1, run.last().version());
    }

    @Test
    @DisplayName("no request is accepted while a publish is processed, and a refusal leaves the state as it was")
    void refusesUpdatesWhileProcessing() {
        ConnectorModel.Run run = ConnectorModel.run(SampleConnectors.minimalDraft(), List.of(PREVIEW, PUBLISH, RENAME));
        assertEquals(List.of(true, true, false), run.steps().stream().map(ConnectorModel.Step::accepted).toList());
        assertEquals(List.of(RENAME), run.refused());
        assertEquals(ConnectorStatus.PROCESSING, run.last().status());
        assertEquals(IsPreviewable.PENDING, run.last().previewable());
        assertEquals(3, run.last().version());
        assertSame(run.steps().get(1).state(), run.last());
    }

    @Test
    @DisplayName("a second preview request is refused until the first is decided")
    void refusesPreviewWhilePending() {
        ConnectorModel.Run run = ConnectorModel.run(SampleConnectors.minimalDraft(), List.of(PREVIEW, PREVIEW,
                ConnectorCommand.move(ProcessingOutcome.PREVIEW_GRANTED, SampleConnectors.successReport()), PREVIEW));
        assertEquals(List.of(true, false, true, true), run.steps().stream().map(ConnectorModel.Step::accepted).toList());
        assertEquals(IsPreviewable.PENDING, run.last().previewable());
        assertEquals(4, run.last().version());
    }

    @Test
    @DisplayName("a request with a stale version is refused")
    void refusesStaleVersion() {
        ConnectorCommand stale = ConnectorCommand.request(new UpdateRequest(-1, List.of(new ConnectorSetNameAction("x"))));
        ConnectorModel.Run run = ConnectorModel.run(SampleConnectors.minimalDraft(), List.of(RENAME, stale, RENAME));
        assertEquals(List.of(stale), run.refused());
        assertEquals(3, run.last().version());
    }

    @Test
    @DisplayName("a publish without certification that succeeds makes a Published, private, unlisted connector")
    void publishWithoutCertification() {
        ConnectorModel.Run run = ConnectorModel.run(SampleConnectors.minimalDraft(), List.of(PUBLISH,
                ConnectorCommand.move(ProcessingOutcome.PUBLISH_ANALYSIS_SUCCEEDED_WITHOUT_CERTIFICATION,
                        SampleConnectors.successReport())));
        assertEquals(ConnectorStatus.PUBLISHED, run.last().status());
        assertTrue(run.last().isPrivate());
        assertFalse(run.last().alreadyListed());
        assertFalse(run.last().hasChanges());
    }
}
