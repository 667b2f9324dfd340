package io.connectstage.deployment;

import static io.connectstage.testkit.SampleDeployments.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.testkit.SampleDeployments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The times of a Deployment")
class DeploymentTimesTest {
    private static final Instant LATER = NOW.plusSeconds(90).plusNanos(123_456_789);
    private static final Instant LATEST = LATER.plusSeconds(30);

    @Test
    @DisplayName("are both the time of the create")
    void setByCreate() {
        Deployment d = SampleDeployments.queued();
        assertEquals(NOW, d.createdAt());
        assertEquals(NOW, d.lastModifiedAt());
    }

    @Test
    @DisplayName("change lastModifiedAt alone on an update request, to the time of the request")
    void updateSetsLastModifiedAt() {
        Deployment deployed = SampleDeployments.inStatus(DeploymentStatus.DEPLOYED);
        Deployment queued = Deployments.apply(deployed, DeploymentUpdate.of(deployed.version(),
                DeploymentRedeployAction.keepingValues()), DeploymentUpdateContext.at(LATER)).get();
        assertEquals(NOW, queued.createdAt());
        assertEquals(LATER, queued.lastModifiedAt());
    }

    @Test
    @DisplayName("change lastModifiedAt alone on every outcome move and on a delete, to the time it is given")
    void lifecycleMovesSetLastModifiedAt() {
        Deployment queued = SampleDeployments.queued();
        Deployment deploying = DeploymentLifecycle.startDeploying(queued, LATER).get();
        assertEquals(LATER, deploying.lastModifiedAt());
        Deployment deployed = DeploymentLifecycle.deployed(deploying, List.of(), LATEST).get();
        assertEquals(LATEST, deployed.lastModifiedAt());
        assertEquals(LATER, DeploymentLifecycle.failed(deploying, List.of(), LATER).get().lastModifiedAt());
        assertEquals(LATER, DeploymentLifecycle.buildAbandoned(queued, List.of(), LATER).get().lastModifiedAt());
        Deployment undeploying = DeploymentLifecycle.requestUndeploy(deployed, LATER).get();
        assertEquals(LATER, undeploying.lastModifiedAt());
        assertEquals(LATEST, DeploymentLifecycle.undeployFailed(undeploying, List.of(), LATEST).get().lastModifiedAt());
        for (Deployment d : List.of(deploying, deployed, undeploying)) {
            assertEquals(NOW, d.createdAt());
        }
    }

    @Test
    @DisplayName("are written last in the JSON, as the examples write times, and read back")
    void writtenAndRead() {
        Deployment d = SampleDeployments.queued().withLastModifiedAt(LATER);
        JsonNode tree = DeploymentJson.toTree(d);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(List.of("createdAt", "lastModifiedAt"), names.subList(names.size() - 2, names.size()));
        assertEquals("2024-02-15T10:12:12.069Z", tree.get("createdAt").textValue());
        assertEquals("2024-02-15T10:13:42.192Z", tree.get("lastModifiedAt").textValue());
        Deployment read = DeploymentJson.readDeployment(DeploymentJson.writeForStorage(d)).get();
        assertEquals(NOW, read.createdAt());
        assertEquals(LATER.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), read.lastModifiedAt());
    }

    @Test
    @DisplayName("are left out of the JSON when absent, and JSON without them still reads")
    void absent() {
        Deployment d = SampleDeployments.queued().withCreatedAt(null).withLastModifiedAt(null);
        JsonNode tree = DeploymentJson.toTree(d);
        assertFalse(tree.has("createdAt") || tree.has("lastModifiedAt"), tree.toString());
        Deployment read = DeploymentJson.readDeployment(DeploymentJson.writeForStorage(d)).get();
        assertNull(read.createdAt());
        assertNull(read.lastModifiedAt());
        assertEquals(d, read);
    }
}
