package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.http.ConnectServer;
import io.connectstage.http.Http;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --store jdbc:postgresql:… --max-connections N}: however many projects, the server
 * holds at most N connections to PostgreSQL, and every request of every project succeeds.
 */
@DisplayName("many projects on one PostgreSQL pool")
class StoreOptionPoolTest {
    private static final String URL = System.getenv().getOrDefault("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
    private static final String USER = System.getenv().getOrDefault("CONNECTSTAGE_PG_USER", "connectstage");
    private static final String PASSWORD = System.getenv().getOrDefault("CONNECTSTAGE_PG_PASSWORD", "connectstage");
    private static final int PROJECTS = 200;
    private static final int POOL = 4;

    private final String prefix = "pool" + Long.toHexString(System.nanoTime());
    private final String application = "connectstage-" + prefix;

    @AfterEach
    void dropSchemas() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                s.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
            }
        }
    }

    private int connections() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '" + application + "'")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    @DisplayName("200 projects over HTTP hold at most --max-connections connections, and every request succeeds")
    void twoHundredProjectsShareOnePool() throws Exception {
        String store = URL + (URL.contains("?") ? "&" : "?") + "user=" + USER + "&password=" + PASSWORD
                + "&ApplicationName=" + application;
        List<OAuthClient> clients = IntStream.range(0, PROJECTS)
                .mapToObj(i -> OAuthClient.parse("c" + i + ":secret-" + i + ":manage_project:" + project(i)).get()).toList();
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(9);
        try (StoreOption stores = StoreOption.parse(store, prefix, POOL)) {
            stores.check();
            PerProjectSpaces spaces = PerProjectSpaces.builder().staged(stores.staged()).deployments(stores.deployments())
                    .published(stores.published()).executor(Runnable::run).build();
            try (ConnectServer server = ConnectServer.builder().port(0).clients(clients).spaces(spaces).start()) {
                Http http = new Http(server.baseUri());
                Future<?> sampler = threads.submit(() -> {
                    while (running.get()) {
                        most.accumulateAndGet(connections(), Math::max);
                        Thread.sleep(20);
                    }
                    return null;
                });
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int first = t;
                    work.add(threads.submit(() -> {
                        for (int i = first; i < PROJECTS; i += 8) {
                            String token = http.token("c" + i, "secret-" + i, null).expect(200).json().get("access_token").asText();
                            String base = "/connectors/drafts";
                            http.post(base, token, Http.draft("k" + i)).expect(201);
                            http.get(base + "/key=k" + i, token).expect(200);
                            http.get(base, token).expect(200);
                            http.get("/" + project(i) + "/deployments", token).expect(200);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get(5, TimeUnit.MINUTES);
                }
                running.set(false);
                sampler.get(1, TimeUnit.MINUTES);
                most.accumulateAndGet(connections(), Math::max);
                assertEquals(PROJECTS, stores.projectKeys().size(), "every project's key is recorded");
            }
        } finally {
            running.set(false);
            threads.shutdownNow();
        }
        assertTrue(most.get() >= 1, "the sampler saw the server's connections");
        assertTrue(most.get() <= POOL, "at most " + POOL + " connections, not " + most.get());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connections() > 0 && System.nanoTime() < until) {
            Thread.sleep(50); // PostgreSQL lists a backend until it has ended
        }
        assertEquals(0, connections(), "closing the store closes the pool");
    }

    private static String project(int i) {
        return "project-" + i;
    }
}
