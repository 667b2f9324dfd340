package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.Lists;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import java.util.List;

/** {@code setIntegrationTypes}: sets the integration types (an empty list clears them). */
@JsonTypeName("setIntegrationTypes")
public record ConnectorSetIntegrationTypesAction(List<IntegrationType> integrationTypes) implements ConnectorUpdateAction {

    public ConnectorSetIntegrationTypesAction {
        integrationTypes = Lists.inputCopy(integrationTypes);
    }

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = FieldRules.list("integrationTypes", integrationTypes, 0);
        if (errors.isEmpty()) {
            next.integrationTypes(integrationTypes);
        }
        return errors;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
