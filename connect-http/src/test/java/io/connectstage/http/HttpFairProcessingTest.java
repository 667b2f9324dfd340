package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Region;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ProcessingPool;
import io.connectstage.testkit.SampleDeployments;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One project's slow repository does not hold up another project's work: processing runs on a
 * bounded pool where each project takes one worker at most.
 */
@DisplayName("Processing shared fairly between projects")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpFairProcessingTest {
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private ProcessingPool pool;
    private PerProjectSpaces spaces;
    private ConnectServer server;
    private Http http;

    /** Repositories made slow once created (a create reads the repository too, on the request's thread). */
    private final java.util.Set<String> slow = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Analyses of a slow repository wait until the test ends; the others pass at once. */
    private Analysis analyze(io.connectstage.connector.Repository repository, java.time.Instant at) {
        if (slow.contains(repository.url())) {
            slowStarted.countDown();
            try {
                slowRelease.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Analysis(true, List.of(new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null);
    }

    @BeforeEach
    void start() {
        pool = new ProcessingPool(2);
        spaces = PerProjectSpaces.builder().analyzer(this::analyze).pool(pool).build();
        server = ConnectServer.builder()
                .client(OAuthClient.parse("a:sa:manage_project:project-a").get())
                .client(OAuthClient.parse("b:sb:manage_project:project-b").get())
                .spaces(spaces).start();
        http = new Http(server.baseUri());
    }

    @AfterEach
    void stop() {
        slowRelease.countDown();
        server.close();
        spaces.close();
        pool.close();
    }

    private String token(String id, String secret) {
        return http.token(id, secret, null).expect(200).json().get("access_token").asText();
    }

    private JsonNode update(String token, String key, String actions) {
        long version = http.get("/connectors/drafts/key=" + key, token).expect(200).json().get("version").asLong();
        return http.post("/connectors/drafts/key=" + key, token, "{\"version\":" + version + ",\"actions\":[" + actions + "]}")
                .expect(201).json();
    }

    /** Creates a connector of project A whose repository is slow from now on. */
    private void createSlow(String token, String key) {
        http.post("/connectors/drafts", token, Http.draft(key)).expect(201);
        slow.add("git@github.com:acme/" + key + ".git");
    }

    private static void within(int seconds, String what, Supplier<Boolean> done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    @DisplayName("settles project B's preview and deploys its Deployment while project A's publishes hang on slow repositories")
    void aSlowProjectDelaysNoOther() throws Exception {
        String a = token("a", "sa");
        String b = token("b", "sb");
        for (String key : List.of("big-one", "big-two")) {
            createSlow(a, key);
            update(a, key, "{\"action\":\"publish\",\"certification\":false}");
        }
        createSlow(a, "big-three");
        update(a, "big-three", "{\"action\":\"updatePreviewable\"}");
        assertTrue(slowStarted.await(30, TimeUnit.SECONDS), "project A's first analysis started");

        http.post("/connectors/drafts", b, Http.draft("quick")).expect(201);
        update(b, "quick", "{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:project-b\"},"
                + "{\"action\":\"updatePreviewable\"}");
        within(20, "project B's preview settled", () ->
                "true".equals(http.get("/connectors/drafts/key=quick", b).expect(200).json().get("isPreviewable").asText()));

        String draft = DeploymentJson.writeForStorage(DeploymentDraft.builder().key("quick-preview").type(DeploymentType.PREVIEW)
                .region(Region.EUROPE_WEST1_GCP).stagedConnectorKey("quick")
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", SampleDeployments.DB_PASSWORD))
                .globalConfiguration(SampleDeployments.validGlobal()).build());
        http.post("/project-b/deployments", b, draft).expect(201);
        within(20, "project B's Deployment deployed", () ->
                "Deployed".equals(http.get("/project-b/deployments/key=quick-preview", b).expect(200).json().get("status").asText()));

        assertEquals("Processing", http.get("/connectors/drafts/key=big-one", a).expect(200).json().get("status").asText(),
                "project A's work still hangs");
        slowRelease.countDown();
        within(20, "project A's publishes settled", () -> List.of("big-one", "big-two").stream().allMatch(k ->
                "Published".equals(http.get("/connectors/drafts/key=" + k, a).expect(200).json().get("status").asText())));
    }
}
