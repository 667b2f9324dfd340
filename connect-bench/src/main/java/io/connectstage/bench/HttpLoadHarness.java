package io.connectstage.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP tail latency harness: wrk {@code -t2 -c8} keep-alive GETs, one target after the other,
 * each in a process of its own, each warmed up for as long as it is then measured:
 * <ol>
 * <li>{@code ./connect serve} (its runnable jar, memory store, with a token): GET a connector by id;</li>
 * <li>{@code @labdigital/commercetools-mock} 4.4 (node, authentication on): GET a channel by id;</li>
 * <li>a bare Jetty 12 handler on ConnectServer's Jetty setup answering a fixed 150-byte JSON;</li>
 * <li>the JDK's {@code HttpServer} ({@code -Dsun.net.httpserver.nodelay=true}) answering the same JSON.</li>
 * </ol>
 * Prints, for each, requests per second, p50 and p99 (wrk {@code --latency}) and the load average
 * just before it; then our p99 against the node mock's and our throughput against the faster bare
 * handler. Run it through {@code connect-bench/http-latency.sh}, which installs wrk and the node
 * mock and builds the jars; the JVM options of every Java server come from {@code SERVER_JAVA_OPTS}.
 * <pre>
 * java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.HttpLoadHarness SECONDS SERVE_JAR NODE_DIR
 * </pre>
 */
public final class HttpLoadHarness {
    private static final String CLIENT = "bench:bench-secret-of-the-harness:manage_project:bench-project";

    record Result(String name, double loadAverage, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %-46s | %5.2f | %,10.0f | %6.3f | %6.3f | %d |", name, loadAverage,
                    requestsPerSecond, p50Millis, p99Millis, errors);
        }
    }

    private HttpLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path serveJar = Path.of(args.length > 1 ? args[1] : "connect-cli/target/connectstage.jar");
        Path nodeDir = Path.of(args.length > 2 ? args[2] : "connect-bench/target/node-mock");
        Path benchJar = Path.of(HttpLoadHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> javaOpts = javaOpts();
        if (BareHandlers.FIXED.length != 150) {
            throw new IllegalStateException("the fixed answer is " + BareHandlers.FIXED.length + " bytes");
        }

        Result ours = ours(serveJar, javaOpts, seconds);
        Result mock = nodeMock(nodeDir, seconds);
        Result jetty = bare("bare Jetty 12 handler, fixed 150-byte JSON", benchJar, javaOpts, List.of(), "jetty", seconds);
        Result jdk = bare("JDK HttpServer (nodelay), fixed 150-byte JSON", benchJar, javaOpts,
                List.of("-Dsun.net.httpserver.nodelay=true"), "jdk", seconds);

        System.out.println();
        System.out.println("wrk -t2 -c8 -d" + seconds + "s --latency, keep-alive, each target warmed up for " + seconds
                + " s first; server JVM options: " + (javaOpts.isEmpty() ? "(none)" : String.join(" ", javaOpts)));
        System.out.println("| target | load average before | requests/s | p50 ms | p99 ms | non-2xx or socket errors |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : List.of(ours, mock, jetty, jdk)) {
            System.out.println(r);
        }
        Result faster = jetty.requestsPerSecond >= jdk.requestsPerSecond ? jetty : jdk;
        System.out.printf(Locale.ROOT, "%np99: ours %.3f ms / node mock %.3f ms = %.2f (target <= 1)%n", ours.p99Millis,
                mock.p99Millis, ours.p99Millis / mock.p99Millis);
        System.out.printf(Locale.ROOT, "throughput: ours %,.0f / %s %,.0f = %.0f%% (target >= 90%%)%n", ours.requestsPerSecond,
                faster.name, faster.requestsPerSecond, 100 * ours.requestsPerSecond / faster.requestsPerSecond);
        double maxLoad = Math.max(Math.max(ours.loadAverage, mock.loadAverage), Math.max(jetty.loadAverage, jdk.loadAverage));
        System.out.printf(Locale.ROOT, "highest load average before a target: %.2f (%s)%n", maxLoad,
                maxLoad < 2 ? "quiet: under 2" : "NOT quiet: figures from a loaded machine");
        if (ours.errors + mock.errors + jetty.errors + jdk.errors > 0) {
            System.out.println("errors: a target answered non-2xx or dropped connections");
            System.exit(1);
        }
    }

    /** SERVER_JAVA_OPTS, split on spaces: the JVM options of every Java server measured. */
    private static List<String> javaOpts() {
        String value = System.getenv("SERVER_JAVA_OPTS");
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** The 1-minute load average of /proc/loadavg; -1 where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code ./connect serve}'s jar on a free port, one connector created; GET it by id with a token. */
    private static Result ours(Path serveJar, List<String> javaOpts, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(javaOpts);
        command.addAll(List.of("-jar", serveJar.toString(), "serve", "--port", "0", "--client", CLIENT));
        try (Started server = Started.of(command)) {
            URI base = URI.create(server.url);
            HttpClient http = HttpClient.newHttpClient();
            String[] parts = CLIENT.split(":");
            HttpResponse<String> tokenAnswer = http.send(HttpRequest.newBuilder(base.resolve("/oauth/token"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (parts[0] + ":" + parts[1]).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = find(tokenAnswer.body(), "\"access_token\"\\s*:\\s*\"([^\"]+)\"");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/connectors/drafts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"bench\",\"name\":\"Bench\","
                            + "\"creator\":{\"email\":\"bench@example.com\"},\"repository\":{\"url\":"
                            + "\"https://github.com/acme/bench.git\",\"tag\":\"1.0.0\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
            }
            return wrk("connectstage GET /connectors/drafts/{id}", base + "/connectors/drafts/" + id(created.body()), token, seconds);
        }
    }

    private static Result bare(String name, Path benchJar, List<String> javaOpts, List<String> more, String kind, int seconds)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(javaOpts);
        command.addAll(more);
        command.addAll(List.of("-cp", benchJar.toString(), BareHandlers.class.getName(), kind));
        try (Started server = Started.of(command)) {
            return wrk(name, server.url + "/", null, seconds);
        }
    }

    /** A server process and the URL of its first {@code listening on URL} line; stopped on close. */
    private record Started(Process process, String url) implements AutoCloseable {
        static Started of(List<String> command) throws IOException {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String url = ReadyLine.await(p);
            if (url != null) {
                return new Started(p, url);
            }
            p.destroyForcibly();
            throw new IllegalStateException("did not start: " + String.join(" ", command));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static String id(String json) {
        return find(json, "\"id\"\\s*:\\s*\"([^\"]+)\"");
    }

    /** Warms the target up (the JIT's run, not counted), then measures it; the load average is the one before the warm-up. */
    static Result wrk(String name, String url, String token, int seconds) throws Exception {
        double load = loadAverage();
        run(name + " (warm-up)", load, url, token, seconds);
        return run(name, load, url, token, seconds);
    }

    private static Result run(String name, double load, String url, String token, int seconds) throws Exception {
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
        System.out.println("### " + name + " (load average before: " + load + ")\n" + out);
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
        return new Result(name, load, rps, millis(find(out, "\\s50%\\s+([\\d.]+\\w+)")), millis(find(out, "\\s99%\\s+([\\d.]+\\w+)")), errors);
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

    static Result nodeMock(Path nodeDir, int seconds) throws Exception {
        if (!Files.isDirectory(nodeDir.resolve("node_modules/@labdigital/commercetools-mock"))) {
            throw new IllegalStateException("install the node mock first: connect-bench/http-latency.sh does");
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
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
