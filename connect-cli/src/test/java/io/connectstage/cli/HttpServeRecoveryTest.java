package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.http.Http;
import io.connectstage.repository.GitFixture;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentStore;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} killed with SIGKILL while it holds work (a held build, and on PostgreSQL a publish
 * stuck in its last write), with more work claimed by a server that died: a restarted
 * {@code serve}, which no client calls, settles all of it within a lease (3 s here).
 */
@DisplayName("serve after kill -9")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HttpServeRecoveryTest {
    private static final String PG_URL = System.getenv().getOrDefault("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
    private static final String PG_USER = System.getenv().getOrDefault("CONNECTSTAGE_PG_USER", "connectstage");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("CONNECTSTAGE_PG_PASSWORD", "connectstage");
    private static final String REPO = "https://github.com/acme/recovered-connector.git";
    private static final String PROJECT = "recover-project";
    private static final int LEASE_SECONDS = 3;

    @TempDir
    Path tmp;

    private final String prefix = "rc" + Long.toHexString(System.nanoTime());
    private ServeProcesses processes;

    @BeforeEach
    void processes() {
        processes = new ServeProcesses(tmp);
    }

    @AfterEach
    void stopChildren() throws Exception {
        processes.close();
    }

    @Test
    @DisplayName("on an H2 file, a restarted serve finishes the build it held and a publish a dead server had claimed")
    void onAnH2File() throws Exception {
        String store = "jdbc:h2:file:" + tmp.resolve("db");
        recover(store, false);
    }

    @Test
    @DisplayName("on PostgreSQL, a restarted serve finishes the build it held, the publish it was writing, and a dead server's publish")
    void onPostgres() throws Exception {
        String store = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "user=" + PG_USER + "&password=" + PG_PASSWORD;
        try {
            recover(store, true);
        } finally {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS \"" + prefix + "_" + PROJECT.replace('-', '_') + "\" CASCADE");
                s.execute("DROP SCHEMA IF EXISTS \"" + prefix + "\" CASCADE");
            }
        }
    }

    private void recover(String store, boolean postgres) throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            repo.write("connect.yaml", "deployAs:\n  - name: service-app\n    applicationType: service\n    endpoint: /service\n")
                    .commit("one service");
            repo.lightweightTag("1.0.0");
        }
        Process first = serve(store, "--hold", PROJECT + "/held");
        URI base = listening(first);
        Http http = new Http(base);
        String token = http.token("me", "s", null).expect(200).json().get("access_token").asText();
        for (String key : List.of("deployed", "dead-publish", "stuck-publish")) {
            http.post("/connectors/drafts", token, "{\"key\":\"" + key + "\",\"name\":\"Recovered\","
                    + "\"creator\":{\"email\":\"jane@example.com\"},\"repository\":{\"url\":\"" + REPO + "\",\"tag\":\"1.0.0\"}}")
                    .expect(201);
        }
        update(http, token, "deployed", "{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:" + PROJECT + "\"},"
                + "{\"action\":\"updatePreviewable\"}");
        await(60, () -> "true".equals(http.get("/connectors/drafts/key=deployed", token).json().get("isPreviewable").asText()));
        http.post("/" + PROJECT + "/deployments", token, "{\"key\":\"held\",\"type\":\"preview\","
                + "\"connector\":{\"key\":\"deployed\",\"staged\":true},\"region\":\"europe-west1.gcp\","
                + "\"configurations\":[{\"applicationName\":\"service-app\"}]}").expect(201);
        await(60, () -> "Deploying".equals(http.get("/" + PROJECT + "/deployments/key=held", token).json().get("status").asText()));

        Connection lock = null;
        if (postgres) {
            // the publish's last writes wait behind this lock, its work claimed, when the server dies
            lock = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE \"" + prefix + "\".connector_published IN EXCLUSIVE MODE");
            }
            update(http, token, "stuck-publish", "{\"action\":\"publish\",\"certification\":false}");
            String schema = "\"" + prefix + "_" + PROJECT.replace('-', '_') + "\"";
            await(60, () -> claimed(schema));
        }
        first.destroyForcibly(); // SIGKILL
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        if (lock != null) {
            lock.rollback();
            lock.close();
        }

        try (StoreOption stores = StoreOption.parse(store, prefix)) {
            ConnectorStore staged = stores.staged().apply(PROJECT);
            ConnectorStaged c = staged.findByKey("dead-publish").get();
            ConnectorStagedService.builder(staged).projectKey(PROJECT).build()
                    .update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), new ConnectorPublishAction(false)))
                    .getOrElseThrow(e -> new AssertionError(e.toString()));
            Instant now = Instant.now();
            assertTrue(staged.claim("dead-server", now, now.plusSeconds(LEASE_SECONDS)).isDefined(), "a dead server's claim");
        }

        Process second = serve(store);
        listening(second); // and no client calls it
        if (postgres) {
            try (StoreOption stores = StoreOption.parse(store, prefix)) {
                ConnectorStore staged = stores.staged().apply(PROJECT);
                DeploymentStore deployments = stores.deployments().apply(PROJECT);
                await(30, () -> settled(staged, deployments, true));
            }
            second.destroy();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        } else {
            Thread.sleep(TimeUnit.SECONDS.toMillis(4L * LEASE_SECONDS + 8)); // the H2 file is the server's while it runs
            second.destroy();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            try (StoreOption stores = StoreOption.parse(store, prefix)) {
                ConnectorStore staged = stores.staged().apply(PROJECT);
                DeploymentStore deployments = stores.deployments().apply(PROJECT);
                assertTrue(settled(staged, deployments, false), "settled: " + staged.work() + " " + deployments.work());
            }
        }
    }

    private static boolean settled(ConnectorStore staged, DeploymentStore deployments, boolean stuckPublish) {
        boolean published = staged.findByKey("dead-publish").get().status() == ConnectorStatus.PUBLISHED
                && (!stuckPublish || staged.findByKey("stuck-publish").get().status() == ConnectorStatus.PUBLISHED);
        return published && deployments.findByKey(PROJECT, "held").get().status() == DeploymentStatus.DEPLOYED
                && staged.work().isEmpty() && deployments.work().isEmpty();
    }

    private boolean claimed(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".connector_work WHERE kind = 'publish'"
                        + " AND lease_owner IS NOT NULL")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void update(Http http, String token, String key, String actions) {
        long version = http.get("/connectors/drafts/key=" + key, token).expect(200).json().get("version").asLong();
        http.post("/connectors/drafts/key=" + key, token, "{\"version\":" + version + ",\"actions\":[" + actions + "]}").expect(201);
    }

    private Process serve(String store, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--port", "0", "--store", store, "--schema-prefix", prefix,
                "--client", "me:s:manage_project:" + PROJECT, "--repo-mirror", REPO + "=" + tmp.resolve("repo"),
                "--poll-seconds", "1", "--lease-seconds", Integer.toString(LEASE_SECONDS)));
        arguments.addAll(List.of(more));
        return processes.start(arguments);
    }

    private URI listening(Process p) throws Exception {
        return processes.listening(p);
    }

    private static void await(int seconds, BooleanSupplier condition) throws InterruptedException {
        ServeProcesses.await(seconds, condition);
    }
}
