package io.connectstage.rule;

import io.connectstage.connector.ConnectorStaged;

/** How error messages name a connector: {@code id=… or key=…}, as the Connect error templates do. */
public final class Resources {
    private Resources() {
    }

    public static String describe(ConnectorStaged connector) {
        return describe(connector.id(), connector.key());
    }

    public static String describe(String id, String key) {
        return key == null ? "id=" + id : "id=" + id + " or key=" + key;
    }
}
