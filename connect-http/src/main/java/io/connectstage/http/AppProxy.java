package io.connectstage.http;

import io.connectstage.processing.DeploymentRunner;
import io.connectstage.processing.DeploymentRunner.RunningApplication;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * {@code ANY /.connectstage/apps/{deploymentId}/{applicationName}/**}: the URL a running
 * application gets ({@code applications[].url}), forwarded to it at
 * {@code http://127.0.0.1:{port}/{rest}?{query}}, without OAuth, as a Cloud Run service URL is
 * public. The method, the headers but the hop-by-hop ones and {@code Host}, and the body go on; the
 * answer comes back streamed. Every exchange is an {@code HTTP_REQUEST} entry of the Deployment's
 * logs ({@link ProxiedRequest}).
 *
 * <p>Bounded whatever the client or the application does ({@link AppProxyLimits}): a body over the
 * limit is 413; an answer declared over its limit is 502, one streamed over it is cut; an exchange
 * that has not answered by the timeout is 504, one that is still streaming then is cut. Nothing that
 * frames a message ({@code Transfer-Encoding}, {@code Content-Length}, {@code Connection} and the
 * headers it names) is forwarded: the HTTP client frames its own request, so a request cannot
 * smuggle another. Errors of the proxy itself are the Connect error JSON: 501 when the server runs
 * no applications, 503 when this one is not running, 502 when it does not answer on its port.
 */
final class AppProxy {
    /** Where every application URL starts, on the server's base URL. */
    static final String PREFIX = "/.connectstage/apps/";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host");
    /** The most bytes of an application's answer headers that are passed on. */
    static final int MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

    private final RunningApps apps;
    private final Scheduler scheduler;
    private final HttpClient client;

    AppProxy(RunningApps apps, Scheduler scheduler) {
        this.apps = apps;
        this.scheduler = scheduler;
        // no client (and its selector thread) on a server that runs no applications
        this.client = apps.runner().isEmpty() ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Answer forward(Call call) {
        if (apps.runner().isEmpty()) {
            return RunningApps.runsNone();
        }
        DeploymentRunner runner = apps.runner().get();
        String deploymentId = call.path().text("deploymentId");
        String name = call.path().text("applicationName");
        Option<RunningApplication> running = runner.application(deploymentId, name);
        if (running.isEmpty()) {
            return Answer.general(503, "Application '" + QueryParameters.shorten(name) + "' of Deployment '"
                    + QueryParameters.shorten(deploymentId) + "' is not running on this server");
        }
        Request request = call.request();
        ProxiedRequest record = new ProxiedRequest(request, deploymentId, name, apps.clock().instant(), System.nanoTime());
        URI target;
        try {
            target = target(running.get().address(), call.path().tail(), request.getHttpURI().getQuery());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return logged(record, Answer.general(400, "The path or query string cannot be forwarded: " + e.getMessage()), null);
        }
        long declared = request.getLength();
        AppProxyLimits limits = apps.limits();
        if (declared > limits.maxRequestBytes()) {
            return logged(record, Answer.general(413, "The body is larger than " + limits.maxRequestBytes() + " bytes"), null);
        }
        CappedBody body = new CappedBody(Request.asInputStream(request), limits.maxRequestBytes());
        if (!hasBody(request)) {
            body.none();
        }
        HttpRequest upstream;
        try {
            upstream = upstream(request, target, body, limits.timeout());
        } catch (IllegalArgumentException e) {
            return logged(record, Answer.general(405, "The method " + QueryParameters.shorten(request.getMethod())
                    + " cannot be forwarded to an application"), body);
        }
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(upstream, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return logged(record, Answer.general(504, about(deploymentId, name) + " did not answer within "
                    + limits.timeout().toSeconds() + " seconds"), body);
        } catch (IOException e) {
            if (body.tooLarge()) {
                return logged(record, Answer.general(413, "The body is larger than " + limits.maxRequestBytes() + " bytes"), body);
            }
            if (body.broken()) {
                return logged(record, Answer.general(400, "The body could not be read"), body);
            }
            return logged(record, Answer.general(502, about(deploymentId, name) + (e instanceof ConnectException
                    ? " is not answering on its port" : " closed the connection without an answer")), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return logged(record, Answer.general(503, "The server is stopping"), body);
        }
        body.detach();
        long length = answer.headers().firstValueAsLong("content-length").orElse(-1);
        if (length > limits.maxResponseBytes() || headerBytes(answer) > MAX_RESPONSE_HEADER_BYTES) {
            closeQuietly(answer.body());
            return logged(record, Answer.general(502, about(deploymentId, name) + " answered more than this server passes on"
                    + " (" + limits.maxResponseBytes() + " bytes of body, " + MAX_RESPONSE_HEADER_BYTES + " of headers)"), body);
        }
        long left = limits.timeout().toNanos() - (System.nanoTime() - record.startNanos());
        InputStream in = answer.body();
        // past the timeout a trickling answer is cut: closing the stream ends the copy below
        Scheduler.Task deadline = scheduler.schedule(() -> closeQuietly(in), Math.max(left, 0), TimeUnit.NANOSECONDS);
        return Answer.streamed(answer.statusCode(), (response, callback) -> stream(answer, in, body, record, response, callback,
                deadline));
    }

    private void stream(HttpResponse<InputStream> answer, InputStream in, CappedBody body, ProxiedRequest record,
            Response response, Callback callback, Scheduler.Task deadline) {
        AppProxyLimits limits = apps.limits();
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((header, values) -> {
            if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT)) || header.equalsIgnoreCase("content-length")) {
                values.forEach(v -> response.getHeaders().add(header, v));
            }
        });
        if (!body.ended()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the rest of the client's body is not read
        }
        long sent = 0;
        Throwable failure = null;
        try (in; OutputStream out = Content.Sink.asOutputStream(response)) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sent += n;
                if (sent > limits.maxResponseBytes()) {
                    throw new IOException("the answer is larger than " + limits.maxResponseBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            deadline.cancel();
        }
        apps.append(record.entry(answer.statusCode(), body.bytes(), sent, System.nanoTime(),
                failure == null ? null : failure.getMessage()));
        if (failure == null) {
            callback.succeeded();
        } else {
            callback.failed(failure); // the status is sent already: the client learns it from the connection closing early
        }
    }

    /** The answer, once the exchange's entry is in its Deployment's logs. */
    private Answer logged(ProxiedRequest record, Answer answer, CappedBody body) {
        if (body != null) {
            body.detach();
        }
        apps.append(record.entry(answer.status(), body == null ? 0 : body.bytes(), answer.body().length, System.nanoTime(), null));
        return answer;
    }

    private static String about(String deploymentId, String name) {
        return "Application '" + QueryParameters.shorten(name) + "' of Deployment '" + QueryParameters.shorten(deploymentId) + "'";
    }

    /** {@code http://HOST:PORT/{tail}?{query}}: the tail (decoded) encoded again, the query as the client wrote it. */
    static URI target(InetSocketAddress address, String tail, String rawQuery) throws URISyntaxException {
        String path = new URI(null, null, "/" + tail, null).getRawPath();
        String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        return URI.create("http://" + host + ":" + address.getPort() + path + (rawQuery == null ? "" : "?" + rawQuery));
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static HttpRequest upstream(Request request, URI target, CappedBody body, Duration timeout) {
        String method = request.getMethod();
        long declared = request.getLength();
        HttpRequest.BodyPublisher publisher = !hasBody(request) ? HttpRequest.BodyPublishers.noBody()
                : declared > 0 ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), declared)
                : HttpRequest.BodyPublishers.ofInputStream(() -> body);
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout).method(method, publisher);
        Set<String> named = connectionTokens(request);
        for (HttpField field : request.getHeaders()) {
            String header = field.getName().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(header) || named.contains(header)) {
                continue;
            }
            try {
                b.header(field.getName(), field.getValue());
            } catch (IllegalArgumentException e) {
                // a header the HTTP client frames itself (or refuses): not the application's to see
            }
        }
        String remote = Request.getRemoteAddr(request);
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        b.header("X-Forwarded-For", forwarded == null ? remote : forwarded + ", " + remote);
        b.header("X-Forwarded-Proto", request.getHttpURI().getScheme() == null ? "http" : request.getHttpURI().getScheme());
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null) {
            b.header("X-Forwarded-Host", host);
        }
        return b.build();
    }

    /** The headers a {@code Connection} header names: hop-by-hop too (RFC 9110, 7.6.1). */
    private static Set<String> connectionTokens(Request request) {
        Set<String> named = new TreeSet<>();
        for (String value : request.getHeaders().getValuesList(HttpHeader.CONNECTION)) {
            for (String token : value.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return named;
    }

    private static long headerBytes(HttpResponse<?> answer) {
        long n = 0;
        for (Map.Entry<String, List<String>> e : answer.headers().map().entrySet()) {
            for (String v : e.getValue()) {
                n += e.getKey().length() + v.length() + 4;
            }
        }
        return n;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing to end the exchange: nothing more to do
        }
    }
}
