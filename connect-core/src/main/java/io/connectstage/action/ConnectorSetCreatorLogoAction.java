package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setCreatorLogo}: sets the logo URL of the creator ({@code Creator.logoUrl}); from the RAML, not in the seed reference. {@code null} removes it. */
@JsonTypeName("setCreatorLogo")
public record ConnectorSetCreatorLogoAction(String logoUrl) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Either.right(current.withCreator(current.creator().withLogoUrl(logoUrl)));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
