package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.vavr.collection.Seq;

/** {@code updatePreviewable}: requests the previewable status: {@code isPreviewable} becomes {@code pending} until the analysis settles it. */
@JsonTypeName("updatePreviewable")
public record ConnectorUpdatePreviewableAction() implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        return Outcome.moved(next, ConnectorLifecycle.requestPreview(next.build()));
    }
}
