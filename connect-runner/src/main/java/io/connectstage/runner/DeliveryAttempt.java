package io.connectstage.runner;

import java.time.Duration;

/**
 * One push request of an event's delivery, as {@link EventDelivery} reports it: its number (from
 * 1), the status the application answered ({@code 0} when it did not answer in time or could not
 * be reached), how long it took, what went wrong ({@code null} when delivered), and whether another
 * attempt follows.
 */
public record DeliveryAttempt(int attempt, int status, Duration took, String problem, boolean delivered,
                              boolean willRetry) {
}
