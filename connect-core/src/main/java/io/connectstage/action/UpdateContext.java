package io.connectstage.action;

import io.connectstage.connector.Connector;
import java.time.Instant;
import java.util.Objects;

/**
 * What an update needs from outside the core: the time of the request, who makes it (the
 * project key of the caller, used as {@code userId} of certification comments), and the
 * production Connector of the connector when it is known, which {@code hasChanges} is computed
 * against. The core never reads a clock or a store; the service makes one of these per request.
 *
 * @param production the published Connector, or {@code null} when it is not known (then a change
 *                   of published data marks {@code hasChanges} when a production version exists)
 */
public record UpdateContext(Instant now, String userId, Connector production) {

    public UpdateContext {
        Objects.requireNonNull(now, "now is null");
        Objects.requireNonNull(userId, "userId is null");
    }

    /** A context without knowledge of the production Connector. */
    public UpdateContext(Instant now, String userId) {
        this(now, userId, null);
    }
}
