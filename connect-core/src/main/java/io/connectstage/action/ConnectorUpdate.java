package io.connectstage.action;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An update request: the version the client expects the connector to have, and the actions to
 * apply in order, all or nothing. It holds what was sent, valid or not: a {@code null} list is
 * empty and a {@code null} action stays where it is, so that applying the request answers with
 * an error naming it ({@code actions[1]: is required}) rather than throwing here.
 *
 * <pre>{@code
 * new ConnectorUpdate(1, List.of(new ConnectorSetNameAction("New Connector name")));
 * }</pre>
 */
public record ConnectorUpdate(long version, List<ConnectorUpdateAction> actions) {

    public ConnectorUpdate {
        actions = actions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(actions));
    }

    public static ConnectorUpdate of(long version, ConnectorUpdateAction... actions) {
        return new ConnectorUpdate(version, actions == null ? null : Arrays.asList(actions));
    }
}
