package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PerProjectSpaces.reset: every project forgotten, as if none had called yet")
class PerProjectSpacesResetTest {
    private static final ConnectorStagedDraft DRAFT = ConnectorStagedDraft.of("Kept?", Creator.ofEmail("a@example.com"),
            new Repository("git@github.com:acme/kept.git", "1.0.0")).withKey("kept");

    private static ConnectorStaged createAndPublish(ProjectSpace space) {
        ConnectorStaged created = space.connectors().create(DRAFT).get();
        space.processor().get().published().save(Connector.publishedFrom(created, 1), true);
        return created;
    }

    @Test
    void theDefaultStoresStartEmptyTheFaultsAreClearedAndTheProcessorsStopped() {
        DeploymentFaults faults = new DeploymentFaults();
        PerProjectSpaces spaces = PerProjectSpaces.builder().analyzer(ConnectorAnalyzer.acceptingEverything())
                .executor(Runnable::run).faults(faults).build();
        ProjectSpace before = spaces.of("p1");
        ConnectorStaged created = createAndPublish(before);
        faults.hold("p1", ResourceRef.key("d1"));

        spaces.reset();

        assertEquals(Set.of(), spaces.projectKeys());
        ProjectSpace after = spaces.of("p1");
        assertNotSame(before, after);
        assertTrue(after.connectors().store().findByKey("kept").isEmpty());
        assertTrue(after.published().get(ResourceRef.id(created.id())).isLeft(), "the published Connector is gone");
        assertTrue(spaces.of("p2").published().get(ResourceRef.id(created.id())).isLeft());
        assertFalse(faults.isHeld("p1", ResourceRef.key("d1")));
        assertTrue(after.connectors().create(DRAFT).isRight(), "the same key again is no DuplicateField");
        assertSame(faults, spaces.faults().get());
    }

    @Test
    void aPublishedStoreGivenToTheBuilderIsKept() {
        InMemoryPublishedConnectorStore given = new InMemoryPublishedConnectorStore();
        PerProjectSpaces spaces = PerProjectSpaces.builder().analyzer(ConnectorAnalyzer.acceptingEverything())
                .executor(Runnable::run).published(new SharedPublished(given, PublishedAccess.memory())).build();
        ConnectorStaged created = createAndPublish(spaces.of("p1"));

        spaces.reset();

        assertTrue(given.findById(created.id()).isDefined());
    }
}
