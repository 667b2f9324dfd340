package io.connectstage.action;

import java.time.Instant;
import java.util.Objects;

/**
 * What an update needs from outside the core: the time of the request and who makes it (the
 * project key of the caller, used as {@code userId} of certification comments). The core never
 * reads a clock; the service makes one of these per request.
 */
public record UpdateContext(Instant now, String userId) {

    public UpdateContext {
        Objects.requireNonNull(now, "now is null");
        Objects.requireNonNull(userId, "userId is null");
    }
}
