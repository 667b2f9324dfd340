package io.connectstage.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link EventDelivery} retries a push request: how long one attempt may take before it counts
 * as not acknowledged, the backoff between attempts (doubling from {@code minBackoff} up to
 * {@code maxBackoff}) and the most attempts.
 *
 * <pre>{@code
 * DeliveryPolicy quick = new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400), 4);
 * quick.backoffAfter(3); // 200 ms
 * }</pre>
 */
public record DeliveryPolicy(Duration deadline, Duration minBackoff, Duration maxBackoff, int maxAttempts) {
    public DeliveryPolicy {
        Objects.requireNonNull(deadline, "deadline is null");
        Objects.requireNonNull(minBackoff, "minBackoff is null");
        Objects.requireNonNull(maxBackoff, "maxBackoff is null");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= min <= max: " + minBackoff + ", " + maxBackoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /**
     * What Connect does for an event application: Pub/Sub push with a 10 s acknowledgement deadline
     * (Connect's documented ack timeout, connect-digest §1.9, docs "deployment behavior and
     * environments") and the backoff of a Pub/Sub subscription's RetryPolicy left at its defaults,
     * minimum 10 s and maximum 600 s (google.pubsub.v1.RetryPolicy: "Defaults to 10 seconds" /
     * "Defaults to 600 seconds"). Pub/Sub itself keeps retrying until the message expires (7 days
     * in Connect); we stop after 100 attempts, the most a connect.yaml {@code retryPolicy} allows.
     */
    public static DeliveryPolicy connect() {
        return new DeliveryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(600), 100);
    }

    /** The wait after {@code failedAttempts} attempts failed in a row: {@code minBackoff·2^(failedAttempts-1)}, at most {@code maxBackoff}. */
    public Duration backoffAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        int doublings = Math.min(failedAttempts - 1, 40);
        try {
            Duration wait = minBackoff.multipliedBy(1L << doublings);
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        } catch (ArithmeticException tooLong) {
            return maxBackoff;
        }
    }
}
