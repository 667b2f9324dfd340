package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code setCreatorLogo}: sets the logo URL of the creator ({@code Creator.logoUrl}); from the RAML, not in the seed reference. {@code null} removes it. */
@JsonTypeName("setCreatorLogo")
public record ConnectorSetCreatorLogoAction(String logoUrl) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.creator(next.creator().withLogoUrl(logoUrl));
        return Outcome.NONE;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
