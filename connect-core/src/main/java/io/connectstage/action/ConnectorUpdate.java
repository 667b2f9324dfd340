package io.connectstage.action;

import java.util.List;
import java.util.Objects;

/**
 * An update request: the version the client expects the connector to have, and the actions to
 * apply in order, all or nothing.
 *
 * <pre>{@code
 * new ConnectorUpdate(1, List.of(new ConnectorSetNameAction("New Connector name")));
 * }</pre>
 */
public record ConnectorUpdate(long version, List<ConnectorUpdateAction> actions) {

    public ConnectorUpdate {
        Objects.requireNonNull(actions, "actions is null");
        actions = List.copyOf(actions);
    }

    public static ConnectorUpdate of(long version, ConnectorUpdateAction... actions) {
        return new ConnectorUpdate(version, List.of(actions));
    }
}
