package io.connectstage.action;

import io.connectstage.connector.ConnectorStaged;

/**
 * How error messages name a connector. Moved to {@link io.connectstage.rule.Resources}, which every
 * package can use without pointing back up; this one delegates until its last callers move.
 *
 * @deprecated use {@link io.connectstage.rule.Resources}
 */
@Deprecated
public final class Resources {
    private Resources() {
    }

    public static String describe(ConnectorStaged connector) {
        return io.connectstage.rule.Resources.describe(connector);
    }

    public static String describe(String id, String key) {
        return io.connectstage.rule.Resources.describe(id, key);
    }
}
