package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.http.Http;
import io.connectstage.repository.GitFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./connect serve} as a child process, as the README starts it (the jar's main class, on
 * this build's class path): one line on standard output when ready, SIGTERM stops it cleanly.
 */
@DisplayName("./connect serve in a child process")
class HttpServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @TempDir
    Path tmp;

    record Child(Process process, URI base, Path stdout, Path stderr) {
    }

    private Child serve(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.connectstage.cli.ConnectCli", "serve"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(out));
            if (m.find()) {
                return new Child(p, URI.create(m.group(1)), out, err);
            }
            if (!p.isAlive()) {
                throw new AssertionError("serve exited " + p.exitValue() + ": " + Files.readString(err));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("serve did not say it listens: " + Files.readString(err));
    }

    private static int stop(Child child) throws Exception {
        child.process().destroy(); // SIGTERM
        assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        return child.process().exitValue();
    }

    private static String token(URI base, String id, String secret) {
        return new Http(base).token(id, secret, null).expect(200).json().get("access_token").asText();
    }

    private static HttpResponse<String> getRoot(URI base) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("serves the web console at / by default, and with --no-console leaves / to the API (404 ResourceNotFound)")
    void servesTheConsoleUnlessTurnedOff() throws Exception {
        Child on = serve("--port", "0", "--client", "me:my-secret:manage_connectors:my-project");
        try {
            HttpResponse<String> page = getRoot(on.base());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
            assertTrue(page.headers().firstValue("X-Correlation-ID").orElseThrow().startsWith("connectstage-"), "as every answer");
        } finally {
            stop(on);
        }
        Child off = serve("--port", "0", "--no-console", "--client", "me:my-secret:manage_connectors:my-project");
        try {
            HttpResponse<String> page = getRoot(off.base());
            assertEquals(404, page.statusCode());
            assertTrue(page.body().contains("ResourceNotFound"), page.body());
        } finally {
            stop(off);
        }
    }

    @Test
    void printsOneLineServesAndStopsOnSigterm() throws Exception {
        Child child = serve("--port", "0", "--client", "me:my-secret:manage_connectors:my-project");
        Http http = new Http(child.base());
        String token = token(child.base(), "me", "my-secret");
        http.post("/connectors/drafts", token, Http.draft("from-child")).expect(201);
        http.get("/connectors/drafts/key=from-child", token).expect(200);
        int code = stop(child);
        assertTrue(code == 0 || code == 143, "exit code " + code);
        List<String> lines = Files.readAllLines(child.stdout());
        assertEquals(List.of("listening on " + child.base()), lines);
        assertTrue(!Files.readString(child.stderr()).contains("my-secret"));
    }

    @Test
    @DisplayName("--access-log writes one line per request with its correlation id to standard error, no token nor secret")
    void theAccessLogGoesToStandardErrorWithoutSecrets() throws Exception {
        Child child = serve("--port", "0", "--access-log", "--client", "me:my-secret:manage_connectors:my-project");
        String token;
        try {
            token = token(child.base(), "me", "my-secret");
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(child.base().resolve("/connectors/drafts?where=hush"))
                            .header("Authorization", "Bearer " + token).header("X-Correlation-ID", "from-the-cli").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("from-the-cli", r.headers().firstValue("X-Correlation-ID").orElse(null));
        } finally {
            stop(child);
        }
        String err = Files.readString(child.stderr());
        assertTrue(err.lines().anyMatch(l -> l.contains("\"GET /connectors/drafts HTTP/1.1\" 200") && l.contains("from-the-cli")),
                err);
        assertTrue(err.lines().anyMatch(l -> l.contains("\"POST /oauth/token HTTP/1.1\" 200")), err);
        assertTrue(!err.contains(token) && !err.contains("my-secret") && !err.contains("hush"), err);
        // the default level, warn, keeps Jetty's start-up lines out
        assertTrue(!err.contains("Started"), err);
        assertEquals(List.of("listening on " + child.base()), Files.readAllLines(child.stdout()));
    }

    @Test
    void logLevelInfoShowsTheLibrariesInfoLines() throws Exception {
        Child child = serve("--port", "0", "--log-level", "INFO", "--client", "me:my-secret:manage_connectors:my-project");
        stop(child);
        String err = Files.readString(child.stderr());
        assertTrue(err.contains("INFO org.eclipse.jetty.server.Server - Started"), err);
        assertTrue(!err.contains("\"GET "), "no access log unless asked: " + err);
    }

    @Test
    void withoutAClientOneIsGeneratedAndPrintedToStandardError() throws Exception {
        Child child = serve("--port", "0");
        try {
            String err = Files.readString(child.stderr());
            Matcher m = Pattern.compile("--client ([^:\\s]+):([^:\\s]+):(\\S+)").matcher(err);
            assertTrue(m.find(), err);
            String token = token(child.base(), m.group(1), m.group(2));
            new Http(child.base()).get("/connectors/drafts", token).expect(200);
        } finally {
            stop(child);
        }
    }

    @Test
    @DisplayName("an organization client, given with scopes of several projects or generated by --organization, gets a token per project")
    void organizationClientsGivenOrGeneratedGetATokenPerProject() throws Exception {
        Child child = serve("--port", "0", "--client", "org:org-secret:manage_project:shop-eu,manage_project:shop-us",
                "--organization", "gen-eu,gen-us");
        try {
            Http http = new Http(child.base());
            assertEquals("manage_project:shop-eu", http.token("org", "org-secret", null).expect(200).json().get("scope").asText());
            String us = http.token("org", "org-secret", "manage_project:shop-us").expect(200).json().get("access_token").asText();
            http.get("/shop-us/deployments", us).expect(200);
            http.get("/shop-eu/deployments", us).expect(403, "insufficient_scope");

            String err = Files.readString(child.stderr());
            Matcher m = Pattern.compile("generated an organization client: --client ([^:\\s]+):([^:\\s]+):(\\S+)").matcher(err);
            assertTrue(m.find(), err);
            assertEquals("manage_project:gen-eu,manage_project:gen-us", m.group(3));
            assertTrue(!err.contains("no --client given"), "--organization is a client: no other is generated: " + err);
            String genUs = http.token(m.group(1), m.group(2), "manage_project:gen-us").expect(200).json().get("access_token").asText();
            http.get("/gen-us/deployments", genUs).expect(200);
            http.token(m.group(1), m.group(2), "manage_project:gen-eu manage_project:gen-us").expect(400, "invalid_scope");
        } finally {
            stop(child);
        }
    }

    @Test
    void anH2FileStoreKeepsConnectorsAcrossARestart() throws Exception {
        String store = "jdbc:h2:file:" + tmp.resolve("db");
        Child first = serve("--port", "0", "--store", store, "--client", "me:s:manage_project:my-project");
        new Http(first.base()).post("/connectors/drafts", token(first.base(), "me", "s"), Http.draft("kept")).expect(201);
        stop(first);
        Child second = serve("--port", "0", "--store", store, "--client", "me:s:manage_project:my-project");
        try {
            assertEquals(1, new Http(second.base()).get("/connectors/drafts/key=kept", token(second.base(), "me", "s"))
                    .expect(200).json().get("version").asInt());
        } finally {
            stop(second);
        }
    }

    @Test
    void aPostgresStoreKeepsEachProjectInASchemaOfItsOwn() throws Exception {
        String url = System.getenv().getOrDefault("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
        String user = System.getenv().getOrDefault("CONNECTSTAGE_PG_USER", "connectstage");
        String password = System.getenv().getOrDefault("CONNECTSTAGE_PG_PASSWORD", "connectstage");
        String project = "serve-" + Long.toHexString(System.nanoTime());
        // a prefix of this test's own: the published schema it shares is dropped with the project's
        String prefix = "cs_serve_" + Long.toHexString(System.nanoTime());
        String schema = prefix + "_" + project.replace('-', '_');
        String store = url + (url.contains("?") ? "&" : "?") + "user=" + user + "&password=" + password;
        Child child = serve("--port", "0", "--store", store, "--schema-prefix", prefix,
                "--client", "me:s:manage_project:" + project);
        try {
            new Http(child.base()).post("/connectors/drafts", token(child.base(), "me", "s"), Http.draft("in-postgres")).expect(201);
        } finally {
            stop(child);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
                java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SELECT connector_key FROM \"" + schema + "\".connector_staged")) {
                assertTrue(rs.next());
                assertEquals("in-postgres", rs.getString(1));
            } finally {
                st.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
                st.execute("DROP SCHEMA IF EXISTS \"" + prefix + "\" CASCADE");
            }
        }
    }

    @Test
    void faultOptionsFailABuildAndHoldADeploymentNamedByKeyBeforeItExistsAndProductionIsDeactivated() throws Exception {
        String url = "https://github.com/acme/fault-connector.git";
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            repo.write("connect.yaml", "deployAs:\n  - name: service-app\n    applicationType: service\n    endpoint: /service\n")
                    .commit("one service");
            repo.lightweightTag("1.0.0");
        }
        Child child = serve("--port", "0", "--client", "me:s:manage_project:my-project", "--poll-seconds", "1",
                "--repo-mirror", url + "=" + tmp.resolve("repo"),
                "--fail-build", "my-project/fails-once/service-app", "--hold", "my-project/held",
                "--production-deactivated", "my-project");
        try {
            Http http = new Http(child.base());
            String token = token(child.base(), "me", "s");
            long version = http.post("/connectors/drafts", token, "{\"key\":\"fault-connector\",\"name\":\"Faults\","
                    + "\"creator\":{\"email\":\"jane@example.com\"},\"repository\":{\"url\":\"" + url + "\",\"tag\":\"1.0.0\"}}")
                    .expect(201).json().get("version").asLong();
            http.post("/connectors/drafts/key=fault-connector", token, "{\"version\":" + version
                    + ",\"actions\":[{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:my-project\"},"
                    + "{\"action\":\"updatePreviewable\"}]}").expect(201);
            await(() -> http.get("/connectors/drafts/key=fault-connector", token).json().get("isPreviewable").asText().equals("true"));

            for (String key : List.of("fails-once", "held")) {
                http.post("/my-project/deployments", token, "{\"key\":\"" + key + "\",\"type\":\"preview\","
                        + "\"connector\":{\"key\":\"fault-connector\",\"staged\":true},\"region\":\"europe-west1.gcp\","
                        + "\"configurations\":[{\"applicationName\":\"service-app\"}]}").expect(201);
            }
            http.post("/my-project/deployments", token, "{\"key\":\"in-production\",\"type\":\"production\","
                    + "\"connector\":{\"key\":\"fault-connector\"},\"region\":\"europe-west1.gcp\","
                    + "\"configurations\":[{\"applicationName\":\"service-app\"}]}").expect(400, "DeploymentProductionDeactivated");
            await(() -> status(http, token, "fails-once").equals("Failed"));
            await(() -> status(http, token, "held").equals("Deploying"));
            Thread.sleep(200);
            assertEquals("Deploying", status(http, token, "held"));
            http.post("/.connectstage/projects/my-project/faults", token, "{\"action\":\"release\",\"deploymentKey\":\"held\"}")
                    .expect(200);
            await(() -> status(http, token, "held").equals("Deployed"));
        } finally {
            stop(child);
        }
    }

    private static String status(Http http, String token, String key) {
        return http.get("/my-project/deployments/key=" + key, token).expect(200).json().get("status").asText();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 60 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void usageErrorsExit2BeforeAnythingStarts() {
        for (String[] args : new String[][] {{"--port", "x"}, {"--port", "70000"}, {"--client", "no-colons"},
                {"--client", "a:b:bad_scope:p"}, {"--client", "a:b:view_connectors:p,manage_proj:q"},
                {"--organization", "p1,P!"}, {"--organization", "p1,p2,p1"}, {"--organization", "p"},
                {"--store", "mongodb://x"}, {"--repo-mirror", "no-equals"}, {"--bogus"},
                {"--fail-build", "p1/key"}, {"--fail-build", "p1/key/"}, {"--fail-build", "P!/key/app"},
                {"--fail-undeploy", "p1/a b"}, {"--hold", "p1/k"}, {"--hold", "p1/key/app"},
                {"--log-level", "loud"}, {"--log-level"},
                {"--workers", "0"}, {"--workers", "x"}, {"--lease-seconds", "1"}, {"--lease-seconds", "99999"}}) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            String[] full = new String[args.length + 1];
            full[0] = "serve";
            System.arraycopy(args, 0, full, 1, args.length);
            int code = ConnectCli.run(full, new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code, String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }
}
