package io.connectstage.store;

import java.time.Instant;
import java.util.Objects;

/** Who holds a work item, and until when; once {@code until} has passed, anyone may claim it again. */
public record Lease(String owner, Instant until) {
    public Lease {
        Objects.requireNonNull(owner, "owner is null");
        Objects.requireNonNull(until, "until is null");
    }
}
