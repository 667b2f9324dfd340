package io.connectstage.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.processing.DeploymentRunner.EventMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Delivers messages to an event application as Pub/Sub push requests, the way Connect's event
 * applications receive them: a POST of
 * {@code {"message":{"data":base64,"attributes":{…},"messageId":"…","publishTime":"…Z"},"subscription":"projects/…/subscriptions/…"}},
 * retried with exponential backoff ({@link DeliveryPolicy}) with the same {@code messageId} until
 * the application acknowledges it or the attempts run out.
 *
 * <pre>{@code
 * try (EventDelivery events = new EventDelivery(HttpClient.newHttpClient(), scheduler, Clock.systemUTC(), DeliveryPolicy.connect())) {
 *     events.deliver(URI.create("http://127.0.0.1:8080/"), "projects/local/subscriptions/orders",
 *             new EventMessage(bytes, Map.of()), attempt -> log(attempt));
 * }
 * }</pre>
 *
 * <p>The scheduler and the client belong to the caller: {@link #close} cancels the retries still
 * waiting and the requests in flight (their deliveries complete with {@code false}) but shuts down
 * neither.
 */
public final class EventDelivery implements AutoCloseable {
    /**
     * The answers that acknowledge a push: Connect's docs (connect-digest §1.9, "deployment behavior
     * and environments") say an event is retried unless the answer is one of these, which are the
     * statuses Pub/Sub push treats as an acknowledgement.
     */
    static final Set<Integer> ACKNOWLEDGED = Set.of(102, 200, 201, 202, 204);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final AtomicLong messageIds;
    private final Set<Delivery> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    public EventDelivery(HttpClient client, ScheduledExecutorService scheduler, Clock clock, DeliveryPolicy policy) {
        this.client = Objects.requireNonNull(client, "client is null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.policy = Objects.requireNonNull(policy, "policy is null");
        // Pub/Sub message ids are decimal numbers; these stay unique across restarts of one server
        this.messageIds = new AtomicLong(clock.millis() * 1000);
    }

    /** A fresh message id, as {@link #deliver(URI, String, EventMessage, Consumer)} would pick. */
    public String newMessageId() {
        return Long.toString(messageIds.incrementAndGet());
    }

    /**
     * Delivers {@code m} to {@code target} under a fresh message id; see
     * {@link #deliver(URI, String, EventMessage, String, Consumer)}.
     */
    public CompletableFuture<Boolean> deliver(URI target, String subscription, EventMessage m,
                                              Consumer<DeliveryAttempt> onAttempt) {
        return deliver(target, subscription, m, newMessageId(), onAttempt);
    }

    /**
     * Starts delivering {@code m} to {@code target} and answers at once: the future completes with
     * {@code true} when an attempt was acknowledged, {@code false} when the attempts ran out or this
     * was closed first. Each attempt is reported to {@code onAttempt} when it ends; should
     * {@code onAttempt} throw, the delivery stops and the future completes with that exception.
     *
     * @param subscription the push subscription's name, {@code projects/{project}/subscriptions/{name}}
     * @param messageId    the id every attempt carries
     */
    public CompletableFuture<Boolean> deliver(URI target, String subscription, EventMessage m, String messageId,
                                              Consumer<DeliveryAttempt> onAttempt) {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(subscription, "subscription is null");
        Objects.requireNonNull(m, "m is null");
        Objects.requireNonNull(messageId, "messageId is null");
        Objects.requireNonNull(onAttempt, "onAttempt is null");
        Delivery d = new Delivery(target, pushBody(subscription, m, messageId, clock.instant()), onAttempt);
        if (closed.get()) {
            d.result.complete(false);
            return d.result;
        }
        open.add(d);
        d.result.whenComplete((delivered, failure) -> open.remove(d));
        attempt(d, 1);
        return d.result;
    }

    /** The JSON body of a Pub/Sub push request carrying {@code m}. */
    static byte[] pushBody(String subscription, EventMessage m, String messageId, Instant publishTime) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode message = body.putObject("message");
        message.put("data", Base64.getEncoder().encodeToString(m.data()));
        ObjectNode attributes = message.putObject("attributes");
        m.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> attributes.put(e.getKey(), e.getValue()));
        message.put("messageId", messageId);
        // RFC 3339 in UTC with a Z, as Pub/Sub writes publishTime
        message.put("publishTime", DateTimeFormatter.ISO_INSTANT.format(publishTime));
        body.put("subscription", subscription);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
    }

    private void attempt(Delivery d, int number) {
        if (closed.get()) {
            d.result.complete(false);
            return;
        }
        Instant started = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(d.target)
                .timeout(policy.deadline())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body))
                .build();
        CompletableFuture<HttpResponse<Void>> call;
        try {
            // the answer's body is discarded as it arrives: nothing of it is kept
            call = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        d.pending = call;
        // the client's timeout covers the wait for the headers; this covers a body that never ends too
        call.copy().orTimeout(policy.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, failure) -> ended(d, number, started, response, failure));
    }

    private void ended(Delivery d, int number, Instant started, HttpResponse<Void> response, Throwable failure) {
        if (failure != null) {
            // a request given up on is not left running
            d.pending.cancel(true);
        }
        int status = response == null ? 0 : response.statusCode();
        boolean delivered = ACKNOWLEDGED.contains(status);
        boolean willRetry = !delivered && number < policy.maxAttempts() && !closed.get();
        String problem = delivered ? null : problem(d.target, status, failure);
        try {
            d.onAttempt.accept(new DeliveryAttempt(number, status, Duration.between(started, clock.instant()),
                    problem, delivered, willRetry));
        } catch (RuntimeException e) {
            d.result.completeExceptionally(e);
            return;
        }
        if (delivered || !willRetry) {
            d.result.complete(delivered);
            return;
        }
        try {
            d.pending = scheduler.schedule(() -> attempt(d, number + 1),
                    policy.backoffAfter(number).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            d.result.complete(false);
            return;
        }
        if (closed.get()) {
            d.pending.cancel(false);
            d.result.complete(false);
        }
    }

    private String problem(URI target, int status, Throwable failure) {
        if (failure == null) {
            return "answered " + status + ", which is not one of 102, 200, 201, 202, 204";
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            return "stopped: the event delivery was closed";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within " + policy.deadline().toMillis() + " ms";
        }
        String message = cause.getMessage();
        return "could not reach " + target + ": " + (message == null ? cause.getClass().getSimpleName() : message);
    }

    /** Cancels the retries still waiting and the requests in flight; their deliveries complete with {@code false}. */
    @Override
    public void close() {
        closed.set(true);
        for (Delivery d : open) {
            Future<?> pending = d.pending;
            if (pending != null) {
                pending.cancel(true);
            }
            d.result.complete(false);
        }
    }

    /** One message on its way: what to send and where, the result, and what currently waits for it. */
    private static final class Delivery {
        final URI target;
        final byte[] body;
        final Consumer<DeliveryAttempt> onAttempt;
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        volatile Future<?> pending;

        Delivery(URI target, byte[] body, Consumer<DeliveryAttempt> onAttempt) {
            this.target = target;
            this.body = body;
            this.onAttempt = onAttempt;
        }
    }
}
