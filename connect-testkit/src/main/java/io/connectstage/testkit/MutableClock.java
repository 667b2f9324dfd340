package io.connectstage.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand, shared by everything under test that reads time.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
 * ConnectorStagedService service = ConnectorStagedService.builder(store).clock(clock).build();
 * clock.advance(Duration.ofMinutes(6));
 * }</pre>
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
