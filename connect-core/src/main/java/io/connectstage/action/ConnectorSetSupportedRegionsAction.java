package io.connectstage.action;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Lists;
import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.FieldRules;
import io.vavr.collection.Seq;
import java.util.List;

/** {@code setSupportedRegions}: sets the Regions the Connector can be deployed in: at least one. */
@JsonTypeName("setSupportedRegions")
public record ConnectorSetSupportedRegionsAction(List<Region> regions) implements ConnectorUpdateAction {

    public ConnectorSetSupportedRegionsAction {
        regions = Lists.inputCopy(regions);
    }

    @Override
    public Seq<ConnectError> writeTo(ConnectorStaged.Changes next, UpdateContext context) {
        Seq<ConnectError> errors = FieldRules.list("regions", regions, 1);
        if (errors.isEmpty()) {
            next.supportedRegions(regions);
        }
        return errors;
    }

    @Override
    public boolean changesPublishedData() {
        return true;
    }
}
