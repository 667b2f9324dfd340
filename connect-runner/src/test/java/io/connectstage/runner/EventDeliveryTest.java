package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectstage.processing.DeploymentRunner.EventMessage;
import io.connectstage.testkit.MutableClock;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("EventDelivery pushes a message to an event application as Pub/Sub does")
class EventDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");
    private static final String SUBSCRIPTION = "projects/local/subscriptions/orders";
    private static final EventMessage MESSAGE = new EventMessage(
            "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), Map.of("type", "OrderCreated"));
    /** Short waits so the retries of a test come at once; the deadline is long enough for any answer of a busy machine. */
    private static final DeliveryPolicy QUICK = new DeliveryPolicy(Duration.ofSeconds(5), Duration.ofMillis(10),
            Duration.ofMillis(40), 4);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient client = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private LocalHttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
        scheduler.shutdownNow();
    }

    private EventDelivery delivery(DeliveryPolicy policy) {
        return new EventDelivery(client, scheduler, clock, policy);
    }

    private boolean deliver(EventDelivery events, String messageId) throws Exception {
        return events.deliver(server.uri(), SUBSCRIPTION, MESSAGE, messageId, attempts::add).get(30, TimeUnit.SECONDS);
    }

    @Nested
    @DisplayName("when the application acknowledges")
    class Acknowledged {
        @Test
        @DisplayName("the first attempt delivers a Pub/Sub push body as JSON")
        void deliversPushBodyOnFirstAcknowledgement() throws Exception {
            server = LocalHttpServer.answering((n, r) -> 204);
            try (EventDelivery events = delivery(QUICK)) {
                assertTrue(deliver(events, "4242"));
            }
            assertEquals(List.of(new DeliveryAttempt(1, 204, Duration.ZERO, null, true, false)), attempts);
            LocalHttpServer.Received r = server.take();
            assertEquals("POST", r.method());
            assertEquals("/events", r.path());
            assertEquals("application/json", r.header("Content-Type"));
            JsonNode body = new ObjectMapper().readTree(r.body());
            JsonNode message = body.get("message");
            assertEquals("{\"orderId\":\"o-1\"}",
                    new String(Base64.getDecoder().decode(message.get("data").asText()), StandardCharsets.UTF_8));
            assertEquals("OrderCreated", message.get("attributes").get("type").asText());
            assertEquals("4242", message.get("messageId").asText());
            assertEquals("2026-12-07T21:00:00Z", message.get("publishTime").asText());
            assertEquals(SUBSCRIPTION, body.get("subscription").asText());
            assertEquals(2, body.size(), body.toString());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {200, 201, 202, 204})
        @DisplayName("each status Pub/Sub counts as an acknowledgement ends the delivery")
        void acknowledgingStatusEndsDelivery(int status) throws Exception {
            server = LocalHttpServer.answering((n, r) -> status);
            try (EventDelivery events = delivery(QUICK)) {
                assertTrue(deliver(events, "1"));
            }
            assertEquals(1, attempts.size());
            assertEquals(status, attempts.get(0).status());
        }

        @Test
        @DisplayName("a fresh message id is a decimal number, different for each delivery")
        void freshMessageIdsAreDistinctNumbers() {
            try (EventDelivery events = delivery(QUICK)) {
                String first = events.newMessageId();
                String second = events.newMessageId();
                assertTrue(first.matches("[0-9]+"), first);
                assertFalse(first.equals(second));
            }
        }
    }

    @Nested
    @DisplayName("when the application does not acknowledge")
    class NotAcknowledged {
        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {203, 301, 400, 404, 429, 500, 503})
        @DisplayName("any other status is a failed attempt")
        void otherStatusFails(int status) throws Exception {
            server = LocalHttpServer.answering((n, r) -> status);
            try (EventDelivery events = delivery(new DeliveryPolicy(Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO, 1))) {
                assertFalse(deliver(events, "1"));
            }
            DeliveryAttempt only = attempts.get(0);
            assertEquals(status, only.status());
            assertFalse(only.delivered());
            assertFalse(only.willRetry());
            assertEquals("answered " + status + ", which is not one of 102, 200, 201, 202, 204", only.problem());
        }

        @Test
        @DisplayName("a 500 is retried with the same messageId until an attempt is acknowledged")
        void retriesWithSameMessageIdUntilAcknowledged() throws Exception {
            server = LocalHttpServer.answering((n, r) -> n < 3 ? 500 : 200);
            try (EventDelivery events = delivery(QUICK)) {
                assertTrue(deliver(events, "77"));
            }
            assertEquals(List.of(500, 500, 200), attempts.stream().map(DeliveryAttempt::status).toList());
            assertEquals(List.of(1, 2, 3), attempts.stream().map(DeliveryAttempt::attempt).toList());
            assertEquals(List.of(true, true, false), attempts.stream().map(DeliveryAttempt::willRetry).toList());
            ObjectMapper json = new ObjectMapper();
            for (int i = 0; i < 3; i++) {
                assertEquals("77", json.readTree(server.take().body()).get("message").get("messageId").asText());
            }
        }

        @Test
        @DisplayName("an answer slower than the deadline counts as none, and the message is sent again")
        void slowAnswerIsRetried() throws Exception {
            server = LocalHttpServer.answering((n, r) -> {
                if (n == 1) {
                    release.await(60, TimeUnit.SECONDS);
                }
                return 200;
            });
            DeliveryPolicy policy = new DeliveryPolicy(Duration.ofMillis(500), Duration.ofMillis(10), Duration.ofMillis(10), 5);
            try (EventDelivery events = delivery(policy)) {
                assertTrue(deliver(events, "9"));
            }
            DeliveryAttempt first = attempts.get(0);
            assertEquals(0, first.status());
            assertEquals("no answer within 500 ms", first.problem());
            assertTrue(first.willRetry());
            assertTrue(attempts.get(attempts.size() - 1).delivered());
        }

        @Test
        @DisplayName("after maxAttempts failed attempts the delivery gives up")
        void givesUpAfterMaxAttempts() throws Exception {
            server = LocalHttpServer.answering((n, r) -> 500);
            try (EventDelivery events = delivery(new DeliveryPolicy(Duration.ofSeconds(5), Duration.ofMillis(1),
                    Duration.ofMillis(2), 3))) {
                assertFalse(deliver(events, "5"));
            }
            assertEquals(List.of(true, true, false), attempts.stream().map(DeliveryAttempt::willRetry).toList());
            assertEquals(3, server.count());
        }

        @Test
        @DisplayName("an application that cannot be reached answers status 0 and says so")
        void unreachableIsStatusZero() throws Exception {
            URI closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
            }
            try (EventDelivery events = delivery(new DeliveryPolicy(Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO, 1))) {
                assertFalse(events.deliver(closed, SUBSCRIPTION, MESSAGE, attempts::add).get(30, TimeUnit.SECONDS));
            }
            assertEquals(0, attempts.get(0).status());
            assertTrue(attempts.get(0).problem().startsWith("could not reach " + closed), attempts.get(0).problem());
        }
    }

    @Nested
    @DisplayName("close")
    class Close {
        @Test
        @DisplayName("cancels a retry that waits, and the delivery ends undelivered")
        void cancelsWaitingRetry() throws Exception {
            server = LocalHttpServer.answering((n, r) -> 500);
            CountDownLatch failed = new CountDownLatch(1);
            EventDelivery events = delivery(new DeliveryPolicy(Duration.ofSeconds(5), Duration.ofHours(1),
                    Duration.ofHours(1), 10));
            var result = events.deliver(server.uri(), SUBSCRIPTION, MESSAGE, a -> {
                attempts.add(a);
                failed.countDown();
            });
            assertTrue(failed.await(30, TimeUnit.SECONDS));
            events.close();
            assertFalse(result.get(30, TimeUnit.SECONDS));
            assertEquals(1, server.count());
            assertEquals(1, attempts.size());
        }

        @Test
        @DisplayName("ends an attempt in flight, reported as stopped with no retry")
        void stopsAttemptInFlight() throws Exception {
            server = LocalHttpServer.answering((n, r) -> {
                release.await(60, TimeUnit.SECONDS);
                return 200;
            });
            EventDelivery events = delivery(QUICK);
            var result = events.deliver(server.uri(), SUBSCRIPTION, MESSAGE, attempts::add);
            server.take();
            events.close();
            assertFalse(result.get(30, TimeUnit.SECONDS));
            // the attempt's report may come just after the result
            for (int i = 0; i < 300 && attempts.isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertEquals(1, attempts.size());
            assertEquals("stopped: the event delivery was closed", attempts.get(0).problem());
            assertFalse(attempts.get(0).willRetry());
            assertEquals(1, server.count());
        }

        @Test
        @DisplayName("a delivery asked for after close sends nothing")
        void deliverAfterCloseSendsNothing() throws Exception {
            server = LocalHttpServer.answering((n, r) -> 200);
            EventDelivery events = delivery(QUICK);
            events.close();
            assertFalse(deliver(events, "1"));
            assertEquals(0, server.count());
            assertTrue(attempts.isEmpty());
        }
    }

    @Nested
    @DisplayName("DeliveryPolicy")
    class Policy {
        @Test
        @DisplayName("Connect's policy: 10 s deadline, backoff from 10 s doubling up to 600 s")
        void connectPolicyDoublesFromTenSecondsToTenMinutes() {
            DeliveryPolicy connect = DeliveryPolicy.connect();
            assertEquals(Duration.ofSeconds(10), connect.deadline());
            assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L),
                    List.of(1, 2, 3, 4, 5, 6, 7, 8).stream().map(n -> connect.backoffAfter(n).toSeconds()).toList());
            assertEquals(Duration.ofSeconds(600), connect.backoffAfter(Integer.MAX_VALUE));
        }

        @Test
        @DisplayName("the backoff never shrinks from one attempt to the next")
        void backoffGrows() {
            DeliveryPolicy p = QUICK;
            for (int n = 1; n < 64; n++) {
                assertTrue(p.backoffAfter(n + 1).compareTo(p.backoffAfter(n)) >= 0, "after " + n);
            }
            assertEquals(Duration.ofMillis(10), p.backoffAfter(1));
            assertEquals(Duration.ofMillis(20), p.backoffAfter(2));
            assertEquals(Duration.ofMillis(40), p.backoffAfter(3));
        }

        @Test
        @DisplayName("a huge minimum backoff is capped by the maximum instead of overflowing")
        void hugeBackoffIsCapped() {
            DeliveryPolicy p = new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(Long.MAX_VALUE / 4),
                    Duration.ofSeconds(Long.MAX_VALUE / 2), 3);
            assertEquals(p.maxBackoff(), p.backoffAfter(40));
        }

        @Test
        @DisplayName("a policy with no attempts, no deadline or a maximum below the minimum is refused")
        void nonsensePolicyIsRefused() {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new DeliveryPolicy(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, 0));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new DeliveryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, 1));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), 1));
        }
    }

    @Test
    @DisplayName("the push body carries no attributes object members when the message has none")
    void emptyAttributesStayAnObject() throws Exception {
        byte[] body = EventDelivery.pushBody(SUBSCRIPTION, new EventMessage(null, null), "1", NOW);
        JsonNode message = new ObjectMapper().readTree(body).get("message");
        assertTrue(message.get("attributes").isObject());
        assertEquals(0, message.get("attributes").size());
        assertEquals("", message.get("data").asText());
        assertNull(message.get("orderingKey"));
    }
}
