package io.connectstage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;

/**
 * The soak harness: {@code ./connect serve} (its runnable jar) with {@code -Xmx256m} for some minutes
 * of mixed load on one store, then a verdict. Not a unit test and not a timing: it looks for what
 * grows (live heap after a full GC, threads, file descriptors, database connections) and for any
 * request that fails.
 * <ul>
 * <li>four clients, each keeping at most 40 connectors of its own: creates, updates (with the current
 *     version), gets by id and key, queries (a page at a random offset, sorted), deletes of its oldest;</li>
 * <li>one client asking for a new token every 50 requests and using it;</li>
 * <li>one client creating a preview Deployment of a connector made previewable from a local git
 *     repository, waiting until it is {@code Deployed}, deleting it and waiting until it is gone.</li>
 * </ul>
 * Live heap ({@code jcmd PID GC.run}, then {@code GC.heap_info}), threads and open file descriptors of
 * the server and, on PostgreSQL, its connections ({@code pg_stat_activity} by application name) are
 * reported at minute 2 (or half-way, for shorter runs) and at the end. Exits 1 when a request failed
 * (an answer other than the one expected, or none) or the server died.
 * <pre>
 * java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.SoakHarness MINUTES SERVE_JAR memory
 * java -cp ... SoakHarness MINUTES SERVE_JAR 'jdbc:postgresql://127.0.0.1:5432/connectstage?user=U&amp;password=P'
 * </pre>
 */
public final class SoakHarness {
    private static final String PROJECT = "soak-project";
    private static final String REPOSITORY = "https://github.com/acme/soak-connector.git";
    private static final String SECRET = "soak-secret-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 4;
    private static final int KEPT_PER_CLIENT = 40;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong deploymentsDone = new AtomicLong();
    private volatile boolean running = true;

    private SoakHarness(URI base) {
        this.base = base;
    }

    record Sample(String when, long liveHeapKb, int threads, int fileDescriptors, int dbConnections) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %-10s | %,9d KB | %4d | %4d | %s |", when, liveHeapKb, threads, fileDescriptors,
                    dbConnections < 0 ? "-" : String.valueOf(dbConnections));
        }
    }

    public static void main(String[] args) throws Exception {
        // The client drops a pooled connection idle for 20 s, before the server closes it at 30 s
        // (ConnectServer's idle and receive timeouts), as a client of any keep-alive server should:
        // the JDK's default (1,200 s) reuses connections the server has closed, and a request sent
        // as the server's close arrives fails unanswered (seen once in 1.1 million requests).
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        }
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Path serveJar = Path.of(args.length > 1 ? args[1] : "connect-cli/target/connectstage.jar");
        String store = args.length > 2 ? args[2] : "memory";
        boolean postgres = store.startsWith("jdbc:postgresql:");
        String nonce = Long.toHexString(System.nanoTime());
        String application = "soak_" + nonce;
        String prefix = "cs_soak_" + nonce;
        if (postgres) {
            store = store + (store.contains("?") ? "&" : "?") + "ApplicationName=" + application;
        }
        Path work = Files.createTempDirectory("connect-soak");
        Path repo = gitRepository(work.resolve("repo"));

        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", serveJar.toString(), "serve", "--port", "0",
                "--client", "soak:" + SECRET + ":manage_project:" + PROJECT, "--store", store, "--poll-seconds", "1",
                "--repo-mirror", REPOSITORY + "=" + repo));
        if (postgres) {
            command.addAll(List.of("--schema-prefix", prefix));
        }
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int status = 1;
        try {
            URI base = URI.create(listening(server));
            System.out.printf(Locale.ROOT, "soak: %s minutes on %s, server pid %d, -Xmx256m, %s%n", minutes,
                    postgres ? "PostgreSQL (schema prefix " + prefix + ")" : store, server.pid(), base);
            status = new SoakHarness(base).run(minutes, server, postgres ? jdbc(args[2]) : null, application);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            if (postgres) {
                dropSchemas(jdbc(args[2]), prefix);
            }
        }
        System.exit(status);
    }

    private int run(double minutes, Process server, String jdbc, String application) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long firstSample = start + Math.min(TimeUnit.MINUTES.toNanos(2), (end - start) / 2);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int me = i;
            threads.add(new Thread(() -> guard(() -> connectors(me)), "soak-connectors-" + i));
        }
        threads.add(new Thread(() -> guard(this::tokens), "soak-tokens"));
        threads.add(new Thread(() -> guard(this::deployments), "soak-deployments"));
        threads.forEach(Thread::start);

        List<Sample> samples = new ArrayList<>();
        sleepUntil(firstSample, server);
        samples.add(sample(String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - start) / 60e9), server, jdbc, application));
        System.out.println("soak: " + samples.get(0) + " " + requests.get() + " requests so far");
        sleepUntil(end, server);
        if (!server.isAlive()) {
            running = false;
            System.out.println("soak: FAILED, the server died (exit " + server.exitValue() + ")");
            return 1;
        }
        // still under load, as at the first sample: the same amount of live data, so what grew shows
        samples.add(sample(String.format(Locale.ROOT, "end %.1f min", (System.nanoTime() - start) / 60e9), server, jdbc, application));
        running = false;
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }

        System.out.println();
        System.out.println("| when | live heap after a full GC | threads | open files | database connections |");
        System.out.println("|---|---|---|---|---|");
        samples.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n%,d requests, %,d Deployments created, deployed and deleted, %d failed%n", requests.get(),
                deploymentsDone.get(), failures.get());
        if (failures.get() > 0) {
            System.out.println("soak: FAILED, requests failed (none are allowed)");
            return 1;
        }
        return 0;
    }

    private void sleepUntil(long nanoTime, Process server) throws InterruptedException {
        while (System.nanoTime() < nanoTime && server.isAlive()) {
            Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime()))));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private void guard(Work work) {
        try {
            work.run();
        } catch (Exception | AssertionError e) {
            fail("client stopped: " + e);
        }
    }

    private void fail(String what) {
        if (failures.incrementAndGet() <= 20) {
            System.out.println("soak: failure: " + what);
        }
    }

    // --- the clients -----------------------------------------------------------------------------

    private record Kept(String id, String key, long version) {
    }

    private void connectors(int me) throws Exception {
        String token = token();
        Deque<Kept> kept = new ArrayDeque<>();
        long n = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            n++;
            int roll = random.nextInt(100);
            if (kept.size() < KEPT_PER_CLIENT / 2 || roll < 10) {
                String key = "soak-" + me + "-" + n;
                HttpResponse<String> r = send("POST", "/connectors/drafts", token, draft(key), 201);
                if (r != null) {
                    kept.addLast(new Kept(field(r.body(), "id"), key, version(r.body())));
                }
                if (kept.size() > KEPT_PER_CLIENT) {
                    Kept oldest = kept.removeFirst();
                    send("DELETE", "/connectors/drafts/" + oldest.id + "?version=" + oldest.version, token, null, 200);
                }
            } else if (roll < 40) {
                Kept k = kept.removeFirst();
                HttpResponse<String> r = send("POST", "/connectors/drafts/key=" + k.key, token, "{\"version\":" + k.version
                        + ",\"actions\":[{\"action\":\"setName\",\"name\":\"Soak " + n + "\"},{\"action\":\"setDescription\","
                        + "\"description\":\"update " + n + "\"}]}", 201);
                kept.addLast(r != null ? new Kept(k.id, k.key, version(r.body())) : k);
            } else if (roll < 75) {
                Kept k = kept.peekLast();
                send("GET", roll % 2 == 0 ? "/connectors/drafts/" + k.id : "/connectors/drafts/key=" + k.key, token, null, 200);
            } else {
                send("GET", "/connectors/drafts?limit=20&offset=" + random.nextInt(100) + "&sort="
                        + URLEncoder.encode("createdAt desc", StandardCharsets.UTF_8), token, null, 200);
            }
        }
        for (Kept k : kept) {
            send("DELETE", "/connectors/drafts/" + k.id + "?version=" + k.version, token, null, 200);
        }
    }

    private void tokens() throws Exception {
        String token = token();
        long n = 0;
        while (running) {
            if (++n % 50 == 0) {
                token = token();
            }
            send("GET", "/connectors/drafts?limit=5", token, null, 200);
            Thread.sleep(2);
        }
    }

    private void deployments() throws Exception {
        String token = token();
        HttpResponse<String> created = send("POST", "/connectors/drafts", token, "{\"key\":\"soak-deployable\",\"name\":\"Soak\","
                + "\"creator\":{\"email\":\"soak@example.com\"},\"repository\":{\"url\":\"" + REPOSITORY + "\",\"tag\":\"1.0.0\"}}", 201);
        if (created == null) {
            return;
        }
        send("POST", "/connectors/drafts/key=soak-deployable", token, "{\"version\":" + version(created.body())
                + ",\"actions\":[{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:" + PROJECT + "\"},"
                + "{\"action\":\"updatePreviewable\"}]}", 201);
        if (!await(() -> "true".equals(field(get("/connectors/drafts/key=soak-deployable", token), "isPreviewable")), token)) {
            fail("the connector did not become previewable within 120 s");
            return;
        }
        long n = 0;
        while (running) {
            String key = "soak-d-" + (++n);
            HttpResponse<String> d = send("POST", "/" + PROJECT + "/deployments", token, "{\"key\":\"" + key + "\",\"type\":\"preview\","
                    + "\"connector\":{\"key\":\"soak-deployable\",\"staged\":true},\"region\":\"europe-west1.gcp\","
                    + "\"configurations\":[{\"applicationName\":\"service-app\"}]}", 201);
            if (d == null) {
                continue;
            }
            String path = "/" + PROJECT + "/deployments/key=" + key;
            if (!await(() -> "Deployed".equals(field(get(path, token), "status")), token)) {
                fail("Deployment " + key + " not Deployed within 120 s: " + get(path, token));
                continue;
            }
            long version = version(get(path, token));
            send("DELETE", path + "?version=" + version, token, null, 202); // accepted: undeploying
            if (!await(() -> status(path, token) == 404, token)) {
                fail("Deployment " + key + " not gone within 120 s after its delete");
                continue;
            }
            deploymentsDone.incrementAndGet();
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private boolean await(Check check, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    // --- requests ----------------------------------------------------------------------------------

    private String token() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/oauth/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("soak:" + SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        requests.incrementAndGet();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "access_token");
    }

    /** The answer when its status is the expected one; otherwise a failure counted and {@code null}. */
    private HttpResponse<String> send(String method, String path, String token, String body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        requests.incrementAndGet();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                String answer = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
                fail(method + " " + path + ": " + r.statusCode() + " " + answer);
                return null;
            }
            return r;
        } catch (IOException e) {
            fail(method + " " + path + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String get(String path, String token) throws Exception {
        HttpResponse<String> r = send("GET", path, token, null, 200);
        return r == null ? "" : r.body();
    }

    private int status(String path, String token) throws Exception {
        requests.incrementAndGet();
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String draft(String key) {
        return "{\"key\":\"" + key + "\",\"name\":\"Soak " + key + "\",\"creator\":{\"email\":\"soak@example.com\"},"
                + "\"repository\":{\"url\":\"https://github.com/acme/" + key + ".git\",\"tag\":\"1.0.0\"},"
                + "\"supportedRegions\":[\"europe-west1.gcp\"],\"description\":\"A connector of the soak harness\"}";
    }

    /** A top-level field of a JSON object as text; {@code null} when absent or not JSON. */
    private static String field(String json, String name) {
        try {
            JsonNode value = JSON.readTree(json).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static long version(String json) {
        String v = field(json, "version");
        if (v == null) {
            throw new IllegalStateException("no version in " + json);
        }
        return Long.parseLong(v.trim());
    }

    // --- the server's state ---------------------------------------------------------------------------

    private static Sample sample(String when, Process server, String jdbc, String application) throws Exception {
        long pid = server.pid();
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        if (!used.find()) {
            throw new IllegalStateException("no heap use in: " + heap);
        }
        int threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring(8).trim());
            }
        }
        int files;
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            files = (int) fds.count();
        }
        int connections = -1;
        if (jdbc != null) {
            try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'")) {
                rs.next();
                connections = rs.getInt(1);
            }
        }
        return new Sample(when, Long.parseLong(used.group(1)), threads, files, connections);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + ": " + out);
        }
        return out;
    }

    // --- set-up -------------------------------------------------------------------------------------

    private static String listening(Process server) throws IOException {
        String url = ReadyLine.await(server);
        if (url != null) {
            return url;
        }
        throw new IllegalStateException("the server did not start");
    }

    /** A git repository with a connect.yaml of one service at tag 1.0.0, mirrored for the server. */
    private static Path gitRepository(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("connect.yaml"),
                    "deployAs:\n  - name: service-app\n    applicationType: service\n    endpoint: /service\n");
            git.add().addFilepattern("connect.yaml").call();
            git.commit().setMessage("one service").setAuthor("soak", "soak@example.com").setCommitter("soak", "soak@example.com")
                    .setSign(false).call();
            git.tag().setName("1.0.0").setAnnotated(false).call();
        }
        return dir;
    }

    /** The store's URL as a JDBC URL for this harness's own queries (without the application name). */
    private static String jdbc(String store) {
        return store;
    }

    private static void dropSchemas(String jdbc, String prefix) {
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (String s : schemas) {
                st.execute("DROP SCHEMA \"" + s + "\" CASCADE");
            }
        } catch (Exception e) {
            System.out.println("soak: could not drop the schemas " + prefix + "*: " + e.getMessage());
        }
    }
}
