package io.connectstage.bench;

import io.connectstage.http.ConnectServer;
import io.connectstage.oauth.OAuthClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP load harness: 8 concurrent keep-alive clients on loopback against
 * <ol>
 * <li>{@code ./connect serve}'s server (memory store, with a token): GET a connector by id (wrk),
 *     and update by id (8 Java clients, each updating its own connector with its current version);</li>
 * <li>{@code @labdigital/commercetools-mock} 4.4 (node, authentication on): GET a channel by id (wrk);</li>
 * <li>a bare Jetty handler on the same server stack answering a fixed 150-byte JSON (wrk): the
 *     limit of this machine.</li>
 * </ol>
 * Run (wrk from Debian's package; the node mock installed with {@code npm ci} in
 * {@code connect-bench/src/main/node}):
 * <pre>
 * mvn -B -pl connect-bench -am package -DskipTests
 * (cd connect-bench/src/main/node &amp;&amp; npm ci)
 * java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.HttpLoadHarness [seconds] [node-dir]
 * </pre>
 */
public final class HttpLoadHarness {
    private static final byte[] FIXED = ("{\"id\":\"5ab3edcd-9d23-4934-8f48-256805253119\",\"version\":1,"
            + "\"key\":\"bench\",\"name\":\"A fixed answer of exactly 150 bytes\",\"status\":\"Draft\",\"pad\":\"xxxxxxxx\"}")
            .getBytes(StandardCharsets.UTF_8);

    record Result(String name, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %-44s | %,10.0f | %6.2f | %6.2f | %d |", name, requestsPerSecond, p50Millis,
                    p99Millis, errors);
        }
    }

    private HttpLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path nodeDir = Path.of(args.length > 1 ? args[1] : "connect-bench/src/main/node");
        if (FIXED.length != 150) {
            throw new IllegalStateException("the fixed answer is " + FIXED.length + " bytes");
        }
        List<Result> results = new ArrayList<>();
        Server bare = bareHandler();
        try {
            int port = ((ServerConnector) bare.getConnectors()[0]).getLocalPort();
            results.add(wrk("bare Jetty handler, fixed 150-byte JSON", "http://127.0.0.1:" + port + "/", null, seconds));
        } finally {
            bare.stop();
        }
        OAuthClient client = OAuthClient.parse("bench:bench-secret:manage_project:bench-project").get();
        try (ConnectServer server = ConnectServer.builder().client(client).start()) {
            String token = server.tokens().issue(client, null).get().value();
            HttpClient http = HttpClient.newHttpClient();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/connectors/drafts"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"bench-" + i + "\",\"name\":\"Bench " + i
                                + "\",\"creator\":{\"email\":\"bench@example.com\"},\"repository\":{\"url\":"
                                + "\"https://github.com/acme/bench.git\",\"tag\":\"1.0.0\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
                }
                ids.add(id(created.body()));
            }
            results.add(wrk("connectstage GET /connectors/drafts/{id}", server.baseUri() + "/connectors/drafts/" + ids.get(0),
                    token, seconds));
            results.add(updates(server.baseUri(), token, ids.subList(0, 8), ids.get(8), seconds));
        }
        results.add(nodeMock(nodeDir, seconds));

        System.out.println();
        System.out.println("| target | requests/s | p50 ms | p99 ms | non-2xx or errors |");
        System.out.println("|---|---|---|---|---|");
        results.forEach(System.out::println);
        Result bareResult = results.get(0);
        Result get = results.get(1);
        Result mock = results.get(3);
        System.out.printf(Locale.ROOT, "%nGET throughput: %.2f x the node mock (target >= 1.5), %.0f%% of the bare handler (target >= 60%%);"
                + " p99 %.2f ms vs the node mock's %.2f ms%n", get.requestsPerSecond / mock.requestsPerSecond,
                100 * get.requestsPerSecond / bareResult.requestsPerSecond, get.p99Millis, mock.p99Millis);
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    /** A bare handler on the server stack of ConnectServer: the same Jetty, connector and configuration. */
    static Server bareHandler() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, FIXED.length);
                response.write(true, ByteBuffer.wrap(FIXED), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    static Result wrk(String name, String url, String token, int seconds) throws Exception {
        run(name, url, token, seconds); // warm-up (JIT), not counted
        return run(name, url, token, seconds);
    }

    private static Result run(String name, String url, String token, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (apt-get install -y wrk): " + out);
        }
        System.out.println("### " + name + "\n" + out);
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
        long errors = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return new Result(name, rps, millis(find(out, "\\s50%\\s+([\\d.]+\\w+)")), millis(find(out, "\\s99%\\s+([\\d.]+\\w+)")), errors);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    private static double millis(String wrkDuration) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(wrkDuration);
        if (!m.matches()) {
            throw new IllegalStateException(wrkDuration);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    /** 8 keep-alive clients, each updating its own connector (setName) with its current version, for this long. */
    static Result updates(URI base, String token, List<String> ids, String warmId, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[ids.size()][];
        int[] counts = new int[ids.size()];
        long[] errors = new long[ids.size()];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < ids.size(); t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 20];
                long version = 1;
                int n = 0;
                URI uri = base.resolve("/connectors/drafts/" + ids.get(me));
                while (running.get() && n < mine.length) {
                    String body = "{\"version\":" + version + ",\"actions\":[{\"action\":\"setName\",\"name\":\"n" + n + "\"}]}";
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        mine[n++] = System.nanoTime() - start;
                        if (r.statusCode() == 201) {
                            version++;
                        } else {
                            errors[me]++;
                        }
                    } catch (IOException | InterruptedException e) {
                        errors[me]++;
                    }
                }
                latencies[me] = Arrays.copyOf(mine, n);
                counts[me] = n;
            });
            threads.add(thread);
        }
        warmUpdates(base, token, warmId);
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long total = Arrays.stream(counts).sum();
        return new Result("connectstage POST /connectors/drafts/{id} (Java, 8 clients)", total / elapsed,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, Arrays.stream(errors).sum());
    }

    /** Updates one connector for a few seconds, so that the measured run finds the code compiled. */
    private static void warmUpdates(URI base, String token, String id) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = base.resolve("/connectors/drafts/" + id);
        String current = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long version = Long.parseLong(find(current, "\"version\"\\s*:\\s*(\\d+)"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"version\":" + version + ",\"actions\":[{\"action\":\"setName\",\"name\":\"w\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                version++;
            }
        }
    }

    static Result nodeMock(Path nodeDir, int seconds) throws Exception {
        if (!Files.isDirectory(nodeDir.resolve("node_modules/@labdigital/commercetools-mock"))) {
            throw new IllegalStateException("install the node mock first: (cd " + nodeDir + " && npm ci)");
        }
        int port = 18989;
        Process node = new ProcessBuilder("node", "mock-server.mjs", String.valueOf(port)).directory(nodeDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException("the node mock did not start");
            }
            return wrk("@labdigital/commercetools-mock GET channel by id", "http://127.0.0.1:" + port + find(line, "\"path\":\"([^\"]+)\""),
                    find(line, "\"token\":\"([^\"]+)\""), seconds);
        } finally {
            node.destroy();
            node.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
