package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Region;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.junit.ConnectServerExtension;
import io.connectstage.junit.ConnectServerInfo;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import io.connectstage.testkit.MutableClock;
import io.connectstage.testkit.SampleDeployments;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Deployments over HTTP")
class HttpDeploymentsTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    static final DeploymentFaults FAULTS = new DeploymentFaults();

    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .projectKey("project-a")
            .clock(CLOCK)
            .spaces(PerProjectSpaces.builder().clock(CLOCK).executor(Runnable::run).faults(FAULTS)
                    .analyzer((repository, at) -> new Analysis(true, List.of(new ConnectorReportEntry(
                            ConnectorReportEntryType.INFORMATION, "ok", null, at, null)),
                            SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null))
                    .build())
            .client(OAuthClient.parse("viewer:viewer-secret:view_connectors:project-a").get())
            .client(OAuthClient.parse("other:other-secret:manage_connectors_deployments:project-b").get())
            .client(OAuthClient.parse("deployer:deployer-secret:view_connectors_deployments:project-a").get())
            .build();

    private final List<String> bodies = new ArrayList<>();

    private Http.Reply seen(Http.Reply reply) {
        bodies.add(reply.body());
        return reply;
    }

    private static String draft(String key, DeploymentType type, boolean staged) {
        DeploymentDraft.Builder b = DeploymentDraft.builder().key(key).type(type).region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", SampleDeployments.DB_PASSWORD))
                .globalConfiguration(SampleDeployments.validGlobal());
        b = staged ? b.stagedConnectorKey("seed-connector") : b.connectorKey("seed-connector");
        return DeploymentJson.writeForStorage(b.build());
    }

    @Test
    @DisplayName("run the seed's workflow: preview deployment, publish, production deployment, failed build, redeploy, logs, 202 delete")
    void seedWorkflow(ConnectServerInfo info) {
        Http http = new Http(info.baseUri());
        String token = info.token();
        JsonNode c = http.post("/connectors/drafts", token, Http.draft("seed-connector")).expect(201).json();
        c = http.post("/connectors/drafts/key=seed-connector", token, "{\"version\":" + c.get("version").asLong()
                + ",\"actions\":[{\"action\":\"addPrivateProject\",\"privateProject\":\"europe-west1.gcp:project-a\"},"
                + "{\"action\":\"updatePreviewable\"}]}").expect(201).json();
        c = http.get("/connectors/drafts/key=seed-connector", token).expect(200).json();
        assertEquals("true", c.get("isPreviewable").asText());

        JsonNode preview = seen(http.post("/project-a/deployments", token, draft("seed-preview", DeploymentType.PREVIEW, true)))
                .expect(201).json();
        assertEquals("Queued", preview.get("status").asText());
        assertEquals("Deployed", seen(http.get("/project-a/deployments/key=seed-preview", token)).expect(200).json()
                .get("status").asText());

        http.post("/connectors/drafts/key=seed-connector", token, "{\"version\":" + c.get("version").asLong()
                + ",\"actions\":[{\"action\":\"publish\",\"certification\":false}]}").expect(201);
        assertEquals("Published", http.get("/connectors/drafts/key=seed-connector", token).expect(200).json().get("status").asText());

        JsonNode production = seen(http.post("/project-a/deployments", token,
                draft("seed-production", DeploymentType.PRODUCTION, false))).expect(201).json();
        String id = production.get("id").asText();
        JsonNode deployed = seen(http.get("/project-a/deployments/" + id, token)).expect(200).json();
        assertEquals("Deployed", deployed.get("status").asText());

        FAULTS.failNextBuild("project-a", ResourceRef.id(id), "service");
        seen(http.post("/project-a/deployments/" + id, token, "{\"version\":" + deployed.get("version").asLong()
                + ",\"actions\":[{\"action\":\"redeploy\"}]}")).expect(200);
        JsonNode failed = seen(http.get("/project-a/deployments/" + id, token)).expect(200).json();
        assertEquals("Failed", failed.get("status").asText());
        seen(http.post("/project-a/deployments/" + id, token, "{\"version\":" + (failed.get("version").asLong() - 1)
                + ",\"actions\":[{\"action\":\"redeploy\"}]}")).expect(409, "ConcurrentModification");
        seen(http.post("/project-a/deployments/key=seed-production", token, "{\"version\":" + failed.get("version").asLong()
                + ",\"actions\":[{\"action\":\"redeploy\"}]}")).expect(200);
        JsonNode again = seen(http.get("/project-a/deployments/" + id, token)).expect(200).json();
        assertEquals("Deployed", again.get("status").asText());

        List<JsonNode> logs = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = seen(http.get("/project-a/deployments/" + id + "/logs?limit=4"
                    + (next == null ? "" : "&pageToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8)), token)).expect(200).json();
            page.get("data").forEach(logs::add);
            assertTrue(page.get("next").isTextual(), "next is a required string: " + page);
            next = page.get("next").asText().isEmpty() ? null : page.get("next").asText();
            pages++;
        } while (next != null);
        assertTrue(pages > 2, "pages: " + pages);
        assertEquals(info.space().deployments().store().logs(id, new io.connectstage.deployment.DeploymentLogRange(
                null, null, 0, null, 10_000)).size(), logs.size(), "every entry once, in pages of 4");
        assertTrue(logs.stream().anyMatch(l -> l.get("severity").asText().equals("ERROR")));
        seen(http.get("/project-a/deployments/" + id + "/logs?pageToken=forged", token)).expect(400, "DeploymentLogInvalidPageToken");
        seen(http.get("/project-a/deployments/" + id + "/logs?applicationName=nope", token))
                .expect(400, "DeploymentApplicationDoesNotExist");

        JsonNode listed = seen(http.get("/project-a/deployments?deploymentType=production", token)).expect(200).json();
        assertEquals(1, listed.get("total").asLong());
        seen(http.get("/project-a/deployments?deploymentType=nope", token)).expect(400, "InvalidQueryParam");

        JsonNode undeploying = seen(http.delete("/project-a/deployments/" + id, token)).expect(202).json();
        assertEquals("Undeploying", undeploying.get("status").asText());
        seen(http.get("/project-a/deployments/" + id, token)).expect(404, "ResourceNotFound");

        for (String body : bodies) {
            for (String secret : SampleDeployments.SECRETS) {
                assertFalse(body.contains(secret), body);
            }
        }
    }

    @Test
    @DisplayName("take a job's schedule override, show it in applications[].schedule, keep it on redeploy, "
            + "and refuse a non-cron one and one for a service, each by its field")
    void jobScheduleOverride(ConnectServerInfo info) {
        Http http = new Http(info.baseUri());
        String token = info.token();
        JsonNode c = http.post("/connectors/drafts", token, Http.draft("scheduled")).expect(201).json();
        http.post("/connectors/drafts/key=scheduled", token, "{\"version\":" + c.get("version").asLong()
                + ",\"actions\":[{\"action\":\"publish\",\"certification\":false}]}").expect(201);

        String draft = DeploymentJson.writeForStorage(DeploymentDraft.builder().key("scheduled-sandbox").connectorKey("scheduled")
                .region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSchedule("30 2 * * 1-5"))
                .globalConfiguration(SampleDeployments.validGlobal()).build());
        JsonNode bad = http.post("/project-a/deployments", token, draft
                .replace("\"30 2 * * 1-5\"", "\"every night\"")
                .replace("\"applicationName\":\"service\",", "\"applicationName\":\"service\",\"schedule\":\"@daily\","))
                .expect(400, "InvalidJsonInput").json();
        assertEquals(2, bad.get("errors").size(), bad.toString());
        assertTrue(bad.toString().contains("configurations[0].schedule: only a job application has a schedule"), bad.toString());
        assertTrue(bad.toString().contains("configurations[1].schedule: must be a cron expression"), bad.toString());

        JsonNode created = http.post("/project-a/deployments", token, draft).expect(201).json();
        assertEquals("30 2 * * 1-5", scheduleOf(created, "nightly"));
        assertTrue(scheduleOf(created, "service") == null, created.toString());
        JsonNode deployed = http.get("/project-a/deployments/key=scheduled-sandbox", token).expect(200).json();
        http.post("/project-a/deployments/key=scheduled-sandbox", token, "{\"version\":" + deployed.get("version").asLong()
                + ",\"actions\":[{\"action\":\"redeploy\",\"configurationValues\":[{\"applicationName\":\"nightly\","
                + "\"standardConfiguration\":[{\"key\":\"BATCH_SIZE\",\"value\":\"5\"}],\"securedConfiguration\":[]}]}]}")
                .expect(200);
        assertEquals("30 2 * * 1-5", scheduleOf(http.get("/project-a/deployments/key=scheduled-sandbox", token).expect(200).json(),
                "nightly"));
    }

    /** The {@code schedule} of the named application of a Deployment, {@code null} when it has none. */
    private static String scheduleOf(JsonNode deployment, String applicationName) {
        for (JsonNode app : deployment.get("applications")) {
            if (app.get("applicationName").asText().equals(applicationName)) {
                return app.has("schedule") ? app.get("schedule").asText() : null;
            }
        }
        throw new AssertionError("no application " + applicationName + " in " + deployment);
    }

    @Test
    @DisplayName("answer 403 to a token of another project and to a token without a deployment scope; a viewer may not create")
    void scopes(ConnectServerInfo info) {
        Http http = new Http(info.baseUri());
        String other = http.token("other", "other-secret", null).expect(200).json().get("access_token").asText();
        String viewer = http.token("viewer", "viewer-secret", null).expect(200).json().get("access_token").asText();
        String deployViewer = http.token("deployer", "deployer-secret", null).expect(200).json().get("access_token").asText();
        assertEquals(403, http.get("/project-a/deployments", other).status());
        assertEquals(403, http.get("/project-a/deployments", viewer).status());
        http.get("/project-a/deployments", deployViewer).expect(200);
        assertEquals(403, http.post("/project-a/deployments", deployViewer, "{}").status());
        http.get("/project-a/deployments/no-such-id", deployViewer).expect(404, "ResourceNotFound");
        assertEquals(401, http.get("/project-a/deployments", null).status());
    }
}
