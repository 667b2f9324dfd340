package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.http.Http;
import io.connectstage.repository.GitFixture;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code ./connect serve} child processes on one PostgreSQL database (a schema prefix of this
 * test's own): concurrent clients lose no update, and each preview and publish is processed once
 * although both servers run a processor.
 */
@DisplayName("several servers, one database")
class HttpMultiServerTest {
    private static final String URL = System.getenv().getOrDefault("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
    private static final String USER = System.getenv().getOrDefault("CONNECTSTAGE_PG_USER", "connectstage");
    private static final String PASSWORD = System.getenv().getOrDefault("CONNECTSTAGE_PG_PASSWORD", "connectstage");
    private static final String REPO = "https://github.com/acme/multi-connector.git";
    private static final String VALID = "deployAs:\n  - name: service-app\n    applicationType: service\n    endpoint: /service\n"
            + "    configuration:\n      standardConfiguration:\n        - key: CTP_REGION\n          description: region\n";
    private static final String PROJECT = "multi-project";
    private static final int CONNECTORS = 4;
    private static final int CLIENTS = 8;
    private static final int UPDATES_PER_CLIENT = 40;

    @TempDir
    Path tmp;

    private final String prefix = "ms" + Long.toHexString(System.nanoTime());
    private ServeProcesses processes;
    private URI[] servers;

    @BeforeEach
    void startTwoServers() throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            repo.write("connect.yaml", VALID).commit("valid");
            repo.lightweightTag("1.0.0");
        }
        String store = URL + (URL.contains("?") ? "&" : "?") + "user=" + USER + "&password=" + PASSWORD;
        processes = new ServeProcesses(tmp);
        servers = new URI[2];
        for (int i = 0; i < 2; i++) {
            servers[i] = serve("--port", "0", "--store", store, "--schema-prefix", prefix, "--poll-seconds", "1",
                    "--client", "me:multi-secret:manage_project:" + PROJECT, "--repo-mirror", REPO + "=" + tmp.resolve("repo"));
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            // every save of a production Connector, counted by the database itself
            s.execute("CREATE TABLE \"" + prefix + "\".saves (id TEXT, version BIGINT)");
            s.execute("CREATE FUNCTION \"" + prefix + "\".count_save() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO \"" + prefix + "\".saves VALUES (NEW.id, NEW.version); RETURN NEW; END $$");
            s.execute("CREATE TRIGGER count_save AFTER INSERT OR UPDATE ON \"" + prefix + "\".connector_published"
                    + " FOR EACH ROW EXECUTE FUNCTION \"" + prefix + "\".count_save()");
        }
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        for (Process p : processes.started()) {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
        processes.close();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + prefix + "_" + PROJECT.replace('-', '_') + "\" CASCADE");
            s.execute("DROP SCHEMA IF EXISTS \"" + prefix + "\" CASCADE");
        }
    }

    private URI serve(String... args) throws Exception {
        return processes.listening(processes.start(List.of(args)));
    }

    private static String token(URI base) {
        return new Http(base).token("me", "multi-secret", null).expect(200).json().get("access_token").asText();
    }

    private static String draft(String key) {
        return "{\"key\":\"" + key + "\",\"name\":\"Connector " + key + "\","
                + "\"creator\":{\"email\":\"john.doe@example.com\",\"company\":\"acme\"},"
                + "\"repository\":{\"url\":\"" + REPO + "\",\"tag\":\"1.0.0\"}}";
    }

    private static String update(long version, String action) {
        return "{\"version\":" + version + ",\"actions\":[" + action + "]}";
    }

    @Test
    void concurrentClientsThroughBothServersLoseNoUpdateAndWorkIsDoneOnce() throws Exception {
        Http[] http = {new Http(servers[0]), new Http(servers[1])};
        // tokens are signed by the client's secret: a token of one server is good at the other
        String[] tokens = {token(servers[0]), token(servers[1])};
        http[1].get("/connectors/drafts", tokens[0]).expect(200);
        http[0].get("/connectors/drafts", tokens[1]).expect(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONNECTORS; i++) {
            ids.add(http[i % 2].post("/connectors/drafts", tokens[i % 2], draft("multi-" + i)).expect(201).json().get("id").asText());
        }

        String projectSchema = "\"" + prefix + "_" + PROJECT.replace('-', '_') + "\"";
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            // every claim of work (a lease taken), counted by the database itself
            s.execute("CREATE TABLE " + projectSchema + ".claims (id TEXT, owner TEXT)");
            s.execute("CREATE FUNCTION " + projectSchema + ".count_claim() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.lease_owner IS NOT NULL AND NEW.attempts > OLD.attempts THEN "
                    + "INSERT INTO " + projectSchema + ".claims VALUES (NEW.id, NEW.lease_owner); END IF; RETURN NEW; END $$");
            s.execute("CREATE TRIGGER count_claim AFTER UPDATE ON " + projectSchema + ".connector_work"
                    + " FOR EACH ROW EXECUTE FUNCTION " + projectSchema + ".count_claim()");
        }

        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        ids.forEach(id -> accepted.put(id, new AtomicInteger()));
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int me = client;
            done.add(pool.submit(() -> {
                for (int n = 0; n < UPDATES_PER_CLIENT; n++) {
                    int server = (me + n) % 2;
                    String id = ids.get((me + n) % CONNECTORS);
                    long version = http[server].get("/connectors/drafts/" + id, tokens[server]).expect(200).json().get("version").asLong();
                    Http.Reply r = http[server].post("/connectors/drafts/" + id, tokens[server],
                            update(version, "{\"action\":\"setDescription\",\"description\":\"client " + me + " update " + n + "\"}"));
                    if (r.status() == 201) {
                        accepted.get(id).incrementAndGet();
                    } else {
                        r.expect(409, "ConcurrentModification");
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        int total = 0;
        for (String id : ids) {
            for (Http h : http) {
                assertEquals(1 + accepted.get(id).get(), h.get("/connectors/drafts/" + id, tokens[h == http[0] ? 0 : 1])
                        .expect(200).json().get("version").asLong(), "lost an update of " + id);
            }
            total += accepted.get(id).get();
        }
        assertEquals(CLIENTS * UPDATES_PER_CLIENT, total + refused.get());
        assertTrue(refused.get() > 0, "no update was ever refused: the clients did not race");

        // previews, asked through both servers, each settled once
        Map<String, Long> asked = new ConcurrentHashMap<>();
        for (int i = 0; i < CONNECTORS; i++) {
            String id = ids.get(i);
            long version = http[i % 2].get("/connectors/drafts/" + id, tokens[i % 2]).expect(200).json().get("version").asLong();
            asked.put(id, http[i % 2].post("/connectors/drafts/" + id, tokens[i % 2], update(version, "{\"action\":\"updatePreviewable\"}"))
                    .expect(201).json().get("version").asLong());
        }
        for (int i = 0; i < CONNECTORS; i++) {
            String id = ids.get(i);
            JsonNode settled = await(http[(i + 1) % 2], tokens[(i + 1) % 2], id, c -> !c.get("isPreviewable").asText().equals("pending"));
            assertEquals("true", settled.get("isPreviewable").asText(), settled.toString());
            assertEquals(asked.get(id) + 1, settled.get("version").asLong(), "one version bump for one preview");
            int succeeded = 0;
            for (JsonNode entry : settled.get("previewableReport").get("entries")) {
                succeeded += entry.get("title").asText().contains("validation check succeeded") ? 1 : 0;
            }
            assertEquals(1, succeeded, "one report: " + settled.get("previewableReport"));
        }
        Thread.sleep(2500); // two more polls of both servers: nothing is done again
        for (int i = 0; i < CONNECTORS; i++) {
            assertEquals(asked.get(ids.get(i)) + 1, http[i % 2].get("/connectors/drafts/" + ids.get(i), tokens[i % 2])
                    .expect(200).json().get("version").asLong());
        }

        // publishes, asked through both servers, each settled once with one saved Connector
        for (int i = 0; i < CONNECTORS; i++) {
            String id = ids.get(i);
            long version = http[(i + 1) % 2].get("/connectors/drafts/" + id, tokens[(i + 1) % 2]).expect(200).json().get("version").asLong();
            asked.put(id, http[(i + 1) % 2].post("/connectors/drafts/" + id, tokens[(i + 1) % 2],
                    update(version, "{\"action\":\"publish\",\"certification\":false}")).expect(201).json().get("version").asLong());
        }
        for (int i = 0; i < CONNECTORS; i++) {
            String id = ids.get(i);
            JsonNode settled = await(http[i % 2], tokens[i % 2], id, c -> !c.get("status").asText().equals("Processing"));
            assertEquals("Published", settled.get("status").asText(), settled.toString());
            assertEquals(asked.get(id) + 1, settled.get("version").asLong(), "one version bump for one publish");
            for (int s = 0; s < 2; s++) {
                assertEquals(id, http[s].get("/connectors/" + id, tokens[s]).expect(200).json().get("id").asText());
            }
        }
        Thread.sleep(2500);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            for (String id : ids) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + prefix + "\".saves WHERE id = '" + id + "'")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "the production Connector of " + id + " saved once");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + prefix + "_" + PROJECT.replace('-', '_')
                    + "\".connector_work")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "work left over");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), count(DISTINCT owner) FROM "
                    + projectSchema + ".claims")) {
                rs.next();
                assertEquals(2 * CONNECTORS, rs.getInt(2), "each preview and publish claimed");
                assertEquals(2 * CONNECTORS, rs.getInt(1), "each preview and publish claimed once");
                System.out.println("HttpMultiServerTest: " + rs.getInt(1) + " claims by " + rs.getInt(3) + " processors");
            }
        }
        for (int i = 0; i < CONNECTORS; i++) {
            assertEquals(asked.get(ids.get(i)) + 1, http[i % 2].get("/connectors/drafts/" + ids.get(i), tokens[i % 2])
                    .expect(200).json().get("version").asLong());
        }
    }

    private static JsonNode await(Http http, String token, String id, java.util.function.Predicate<JsonNode> settled)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode c = null;
        while (System.nanoTime() < deadline) {
            c = http.get("/connectors/drafts/" + id, token).expect(200).json();
            if (settled.test(c)) {
                return c;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not settled in 60 s: " + c);
    }
}
