package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;

/** {@code setCreatorNoOfContributors}: sets the number of contributors of the creator: at least 1. */
@JsonTypeName("setCreatorNoOfContributors")
public record ConnectorSetCreatorNoOfContributorsAction(Integer creatorNoOfContributors) implements ConnectorUpdateAction {

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = FieldRules.contributors("creatorNoOfContributors", creatorNoOfContributors, false);
        if (errors.isEmpty()) {
            next.creator(next.creator().withNoOfContributors(creatorNoOfContributors));
        }
        return errors;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
