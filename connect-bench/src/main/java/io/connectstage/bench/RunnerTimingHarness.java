package io.connectstage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.http.ConnectServer;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.ProcessingPool;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.runner.FixtureConnector;
import io.connectstage.runner.ProcessDeploymentRunner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a developer waits with {@code --run-apps}: from the request that creates a preview
 * Deployment of the fixture connector (connect-runner's: a service, an event and a job application
 * on node:http, no npm dependencies) to its service answering at its URL, and from the request that
 * deletes it to the last of its applications' ports closed. A server in this JVM with the real
 * {@link ProcessDeploymentRunner} and processing on a pool, as {@code serve} has them.
 *
 * <p>"Cold" is a new runner over a new work folder (an empty npm cache), "warm" the next
 * Deployments of the same runner. The baseline, in the same run: the same commands by hand for
 * the same three folders (npm ci or install, npm run build, npm start with a PORT), no server.
 * Prints each round and the load average before and after: take figures only when it is under 2
 * and nothing else runs.
 * <pre>
 * java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.RunnerTimingHarness [ROUNDS] [FIXTURE_FOLDER]
 * </pre>
 */
public final class RunnerTimingHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern PORT_LINE = Pattern.compile("answers on its port (\\d+)");
    private static final String PROJECT = "timing-project";

    private RunnerTimingHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path fixture = args.length > 1 ? Path.of(args[1]) : Path.of("connect-runner/src/test/fixture-connector");
        Path tmp = Files.createTempDirectory("runner-timing");
        Path repo = FixtureConnector.repository(fixture, tmp.resolve("repo"));
        System.out.printf(Locale.ROOT, "load average before: %.2f%n", load());
        List<long[]> cold = new ArrayList<>();
        List<long[]> warm = new ArrayList<>();
        List<long[]> plain = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            plain.add(PlainNpm.round(fixture, tmp.resolve("plain-" + r)));
            try (Session s = new Session(repo, tmp.resolve("run-" + r))) {
                cold.add(s.round("cold-" + r));
                warm.add(s.round("warm-" + r));
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", load());
        report("cold (new work folder, empty npm cache)", cold);
        report("warm (same runner, npm cache warm)", warm);
        long[] plainStart = plain.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] plainStop = plain.stream().mapToLong(r -> r[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "baseline (npm ci, npm run build, npm start of the three folders by hand, no server): "
                + "to the service answering median %d ms (min %d, max %d); SIGTERM -> ports closed median %d ms%n",
                plainStart[plainStart.length / 2], plainStart[0], plainStart[plainStart.length - 1],
                plainStop[plainStop.length / 2]);
    }

    private static void report(String name, List<long[]> rounds) {
        long[] create = rounds.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] delete = rounds.stream().mapToLong(r -> r[1]).sorted().toArray();
        long[] gone = rounds.stream().mapToLong(r -> r[2]).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: create -> service answers median %d ms (min %d, max %d); "
                + "delete -> ports closed median %d ms (min %d, max %d); delete -> Deployment gone median %d ms "
                + "(min %d, max %d); %d rounds%n", name,
                create[create.length / 2], create[0], create[create.length - 1],
                delete[delete.length / 2], delete[0], delete[delete.length - 1],
                gone[gone.length / 2], gone[0], gone[gone.length - 1], rounds.size());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** One server with its own runner and work folder. */
    private static final class Session implements AutoCloseable {
        private final ConnectServer server;
        private final URI base;
        private final String token;

        Session(Path repo, Path work) throws Exception {
            CompletableFuture<URI> serverBase = new CompletableFuture<>();
            server = ConnectServer.builder()
                    .client(OAuthClient.parse("timing:secret:manage_project:" + PROJECT).get())
                    .spaces(PerProjectSpaces.builder().pool(new ProcessingPool(2))
                            .analyzer(new SpecAnalyzer(GitRepositorySource.builder().mirror(FixtureConnector.URL, repo).build()))
                            .build())
                    .runner(ProcessDeploymentRunner.builder().serverBase(serverBase::join).workDirectory(work)
                            .mirrors(Map.of(FixtureConnector.URL, repo)).build())
                    .start();
            base = server.baseUri();
            serverBase.complete(base);
            token = JSON.readTree(send("POST", "/oauth/token", "Basic " + Base64.getEncoder().encodeToString(
                    "timing:secret".getBytes(StandardCharsets.UTF_8)), "application/x-www-form-urlencoded",
                    "grant_type=client_credentials").body()).get("access_token").asText();
            ok(send("POST", "/connectors/drafts", bearer(), "application/json", "{\"key\":\"fixture\",\"name\":\"Fixture\","
                    + "\"creator\":{\"email\":\"timing@example.com\"},\"repository\":{\"url\":\"" + FixtureConnector.URL
                    + "\",\"tag\":\"" + FixtureConnector.GOOD + "\"}}"));
            ok(send("POST", "/connectors/drafts/key=fixture", bearer(), "application/json", "{\"version\":1,\"actions\":["
                    + "{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:" + PROJECT + "\"},"
                    + "{\"action\":\"updatePreviewable\"}]}"));
            await(Duration.ofSeconds(60), () -> "true".equals(get("/connectors/drafts/key=fixture").path("isPreviewable").asText()));
        }

        /** Create to answering, delete to closed, in milliseconds. */
        long[] round(String key) throws Exception {
            String draft = "{\"key\":\"" + key + "\",\"type\":\"preview\",\"connector\":{\"key\":\"fixture\",\"staged\":true},"
                    + "\"region\":\"europe-west1.gcp\",\"globalConfiguration\":{\"standardConfiguration\":[{\"key\":\"SHARED_NAME\","
                    + "\"value\":\"timing\"}]},\"configurations\":[{\"applicationName\":\"service\",\"standardConfiguration\":"
                    + "[{\"key\":\"GREETING\",\"value\":\"hello\"}],\"securedConfiguration\":[{\"key\":\"SERVICE_SECRET\","
                    + "\"value\":\"timing-secret\"}]},{\"applicationName\":\"event\"},{\"applicationName\":\"job\"}]}";
            long start = System.nanoTime();
            JsonNode created = JSON.readTree(ok(send("POST", "/" + PROJECT + "/deployments", bearer(), "application/json", draft)).body());
            String id = created.get("id").asText();
            String serviceUrl = base + "/.connectstage/apps/" + id + "/service/service";
            await(Duration.ofMinutes(5), () -> answers(serviceUrl));
            long answering = System.nanoTime() - start;

            List<Integer> ports = new ArrayList<>();
            Matcher m = PORT_LINE.matcher(send("GET", "/" + PROJECT + "/deployments/key=" + key + "/logs?limit=500", bearer(),
                    null, null).body());
            while (m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
            long version = get("/" + PROJECT + "/deployments/key=" + key).get("version").asLong();
            long stop = System.nanoTime();
            ok(send("DELETE", "/" + PROJECT + "/deployments/key=" + key + "?version=" + version, bearer(), null, null));
            await(Duration.ofMinutes(1), () -> ports.stream().noneMatch(RunnerTimingHarness::listens));
            long closed = System.nanoTime() - stop;
            // the undeploy step goes on after the ports closed (the folder is removed, then the
            // Deployment); the project's processing lane is busy until then, so the next round waits
            await(Duration.ofMinutes(1), () -> send("GET", "/" + PROJECT + "/deployments/key=" + key, bearer(), null, null)
                    .statusCode() == 404);
            long gone = System.nanoTime() - stop;
            System.out.printf(Locale.ROOT, "%s: create -> answering %d ms, delete -> %d ports closed %d ms, -> gone %d ms%n",
                    key, answering / 1_000_000, ports.size(), closed / 1_000_000, gone / 1_000_000);
            return new long[] {answering / 1_000_000, closed / 1_000_000, gone / 1_000_000};
        }

        private String bearer() {
            return "Bearer " + token;
        }

        private JsonNode get(String path) {
            try {
                return JSON.readTree(ok(send("GET", path, bearer(), null, null)).body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private HttpResponse<String> send(String method, String path, String authorization, String contentType, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            try {
                return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /**
     * The baseline: what a developer does by hand for the same three applications, with the same
     * commands in the same order (install and build each, then start each with a PORT), and no
     * repository, server or runner.
     */
    private static final class PlainNpm {
        static long[] round(Path fixture, Path folder) throws Exception {
            copy(fixture, folder);
            long start = System.nanoTime();
            for (String app : List.of("service", "event", "job")) {
                Path dir = folder.resolve(app);
                run(dir, Files.exists(dir.resolve("package-lock.json")) ? List.of("npm", "ci", "--no-audit", "--no-fund")
                        : List.of("npm", "install", "--no-audit", "--no-fund"));
                if (Files.readString(dir.resolve("package.json")).contains("\"build\"")) {
                    run(dir, List.of("npm", "run", "build"));
                }
            }
            List<Process> started = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            for (String app : List.of("service", "event", "job")) {
                int port;
                try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                ProcessBuilder pb = new ProcessBuilder("npm", "start").directory(folder.resolve(app).toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("PORT", Integer.toString(port));
                pb.environment().put("GREETING", "hello");
                pb.environment().put("SERVICE_SECRET", "s");
                started.add(pb.start());
                ports.add(port);
            }
            await(Duration.ofMinutes(1), () -> answers("http://127.0.0.1:" + ports.get(0) + "/service"));
            long answering = System.nanoTime() - start;
            long stop = System.nanoTime();
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
            await(Duration.ofMinutes(1), () -> ports.stream().noneMatch(RunnerTimingHarness::listens));
            long closed = System.nanoTime() - stop;
            System.out.printf(Locale.ROOT, "plain: to answering %d ms, SIGTERM -> ports closed %d ms%n", answering / 1_000_000,
                    closed / 1_000_000);
            return new long[] {answering / 1_000_000, closed / 1_000_000};
        }

        private static void run(Path dir, List<String> command) throws Exception {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + " failed in " + dir);
            }
        }

        private static void copy(Path from, Path to) throws IOException {
            try (java.util.stream.Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static boolean answers(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + limit);
            }
            Thread.sleep(5);
        }
    }
}
