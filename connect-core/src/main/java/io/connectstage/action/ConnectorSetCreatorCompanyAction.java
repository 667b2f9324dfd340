package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;

/** {@code setCreatorCompany}: sets the company of the creator; {@code null} removes it. */
@JsonTypeName("setCreatorCompany")
public record ConnectorSetCreatorCompanyAction(String creatorCompany) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        next.creator(next.creator().withCompany(creatorCompany));
        return Outcome.NONE;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
