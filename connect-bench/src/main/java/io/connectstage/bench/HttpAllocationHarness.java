package io.connectstage.bench;

import io.connectstage.http.ConnectServer;
import io.connectstage.oauth.OAuthClient;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes the server allocates per request of {@code GET /connectors/drafts/{id}} with a token: the
 * server in this process (memory store), wrk outside it as the only client, and the allocation
 * counters of every thread of this process (the JVM's own, exact per thread) summed before and after
 * a run of wrk, divided by the requests wrk counted. Unlike a time, this figure does not depend on
 * how loaded the machine is, so it can be compared between two builds on a shared machine.
 * <pre>
 * java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.HttpAllocationHarness [SECONDS]
 * </pre>
 * For where the bytes go: add {@code -XX:StartFlightRecording=filename=alloc.jfr,settings=profile}
 * and read {@code jfr print --events jdk.ObjectAllocationSample alloc.jfr}.
 */
public final class HttpAllocationHarness {
    private HttpAllocationHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        OAuthClient client = OAuthClient.parse("bench:bench-secret-of-the-harness:manage_project:bench-project").get();
        try (ConnectServer server = ConnectServer.builder().client(client).start()) {
            String token = server.tokens().issue(client, null).get().value();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.baseUri().resolve("/connectors/drafts")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"key\":\"bench\",\"name\":\"Bench\",\"creator\":{\"email\":\"bench@example.com\"},"
                                    + "\"repository\":{\"url\":\"https://github.com/acme/bench.git\",\"tag\":\"1.0.0\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
            }
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
            if (!id.find()) {
                throw new IllegalStateException(created.body());
            }
            String url = server.baseUri() + "/connectors/drafts/" + id.group(1);
            wrk(url, token, seconds); // warm-up: the JIT's allocations (and its escape analysis) settle
            long before = allocated();
            long requests = wrk(url, token, seconds);
            long bytes = allocated() - before;
            System.out.printf(Locale.ROOT, "%,d requests, %,d bytes allocated by the server's process: %,d bytes per request%n",
                    requests, bytes, bytes / requests);
        }
    }

    /** Bytes allocated so far by the live threads of this process. */
    private static long allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, a);
        }
        return sum;
    }

    private static long wrk(String url, String token, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + seconds + "s", "-H",
                "Authorization: Bearer " + token, url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed (apt-get install -y wrk): " + out);
        }
        Matcher m = Pattern.compile("(\\d+) requests in").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(out);
        }
        return Long.parseLong(m.group(1));
    }
}
