package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.http.Http;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Under the extension's defaults every repository is accepted and the work settles")
@ConnectServerTest
class ProcessingByDefaultTest {

    @Test
    void aPublishSettlesAsPublishedAndLaterUpdatesAreAccepted(ConnectServerInfo connect) {
        ConnectorStaged created = connect.post("/connectors/drafts", Http.draft("to-publish")).assertStatus(201).staged();
        ConnectorStaged publishing = connect.post("/connectors/drafts/" + created.id(), Updates.publish(created.version()))
                .assertStatus(201).staged();

        connect.awaitSettled();

        ConnectorStaged settled = connect.get("/connectors/drafts/" + created.id()).assertStatus(200).staged();
        assertEquals(ConnectorStatus.PUBLISHED, settled.status(), "was " + publishing.status() + " before");
        connect.get("/connectors/" + created.id()).assertStatus(200);
        connect.post("/connectors/drafts/" + created.id(), Updates.setName(settled.version(), "renamed")).assertStatus(201);
    }

    @Test
    void aPreviewRequestSettlesAsPreviewable(ConnectServerInfo connect) {
        ConnectorStaged created = connect.post("/connectors/drafts", Http.draft("to-preview")).assertStatus(201).staged();
        connect.post("/connectors/drafts/" + created.id(), Updates.requestPreview(created.version())).assertStatus(201);

        connect.awaitSettled();

        assertEquals(IsPreviewable.TRUE, connect.get("/connectors/drafts/" + created.id()).assertStatus(200).staged()
                .isPreviewable());
    }
}
