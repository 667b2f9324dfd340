package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** {@code setCreatorNoOfContributors}: sets the number of contributors of the creator: at least 1. */
@JsonTypeName("setCreatorNoOfContributors")
public record ConnectorSetCreatorNoOfContributorsAction(Integer creatorNoOfContributors) implements ConnectorUpdateAction {

    @Override
    public Either<Seq<ConnectError>, ConnectorStaged> applyTo(ConnectorStaged current, UpdateContext context) {
        return Outcome.unless(FieldRules.contributors("creatorNoOfContributors", creatorNoOfContributors, false),
                () -> current.withCreator(current.creator().withNoOfContributors(creatorNoOfContributors)));
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
