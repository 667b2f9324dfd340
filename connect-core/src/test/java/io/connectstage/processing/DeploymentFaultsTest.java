package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.resource.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("DeploymentFaults")
class DeploymentFaultsTest {
    private static final String PROJECT = "project-a";
    private static final String OTHER_PROJECT = "project-b";

    private DeploymentFaults faults;
    private List<DeploymentFaults.Target> released;

    @BeforeEach
    void faultsThatRecordReleases() {
        faults = new DeploymentFaults();
        released = new CopyOnWriteArrayList<>();
        faults.onRelease(released::add);
    }

    /** Every fault a step of Deployment {@code id} (key {@code key}) of {@code project} would take now, taking them. */
    private List<String> takeAll(String project, String id, String key) {
        List<String> taken = new ArrayList<>();
        for (String app : List.of("service", "nightly")) {
            if (faults.takeBuildFailure(project, id, key, app)) {
                taken.add("build " + app);
            }
        }
        if (faults.takeUndeployFailure(project, id, key)) {
            taken.add("undeploy");
        }
        if (faults.isHeld(project, id, key)) {
            taken.add("held");
        }
        return taken;
    }

    @Nested
    @DisplayName("clear by id")
    class ClearById {

        @Test
        @DisplayName("forgets the failed builds of every application, the failed undeploy and the hold of that Deployment")
        void forgetsEveryFaultOfTheDeployment() {
            faults.failNextBuild(PROJECT, ResourceRef.id("d1"), "service").failNextBuild(PROJECT, ResourceRef.id("d1"), "nightly").failNextUndeploy(PROJECT, ResourceRef.id("d1")).hold(PROJECT, ResourceRef.id("d1"));

            assertSame(faults, faults.clear(PROJECT, ResourceRef.id("d1")));

            assertEquals(List.of(), takeAll(PROJECT, "d1", "k1"));
            assertFalse(faults.isHeld(PROJECT, ResourceRef.id("d1")));
        }

        @Test
        @DisplayName("leaves the faults of other Deployments, by id and by key, and this Deployment's faults by key")
        void leavesOtherFaults() {
            faults.failNextBuild(PROJECT, ResourceRef.id("d1"), "service").hold(PROJECT, ResourceRef.id("d1"));
            faults.failNextBuild(PROJECT, ResourceRef.id("d2"), "service").failNextUndeploy(PROJECT, ResourceRef.id("d2")).hold(PROJECT, ResourceRef.id("d2"));
            faults.failNextBuild(PROJECT, ResourceRef.key("k1"), "nightly");

            faults.clear(PROJECT, ResourceRef.id("d1"));

            assertEquals(List.of("build service", "undeploy", "held"), takeAll(PROJECT, "d2", "k2"));
            assertEquals(List.of("build nightly"), takeAll(PROJECT, "d1", "k1"));
        }

        @Test
        @DisplayName("releases a held build as release does, and only a hold it ends")
        void releasesAHold() {
            faults.hold(PROJECT, ResourceRef.id("d1")).hold(PROJECT, ResourceRef.id("d2"));

            faults.clear(PROJECT, ResourceRef.id("d1"));
            faults.clear(PROJECT, ResourceRef.id("d3"));

            assertEquals(List.of(DeploymentFaults.Target.id(PROJECT, "d1")), released);
            assertTrue(faults.isHeld(PROJECT, ResourceRef.id("d2")));
        }
    }

    @Nested
    @DisplayName("clear by key")
    class ClearByKey {

        @Test
        @DisplayName("forgets every fault set by that key in that project, and releases its hold")
        void forgetsTheKeysFaults() {
            faults.failNextBuild(PROJECT, ResourceRef.key("k1"), "service").failNextUndeploy(PROJECT, ResourceRef.key("k1")).hold(PROJECT, ResourceRef.key("k1"));

            assertSame(faults, faults.clear(PROJECT, ResourceRef.key("k1")));

            assertEquals(List.of(), takeAll(PROJECT, "d1", "k1"));
            assertEquals(List.of(DeploymentFaults.Target.key(PROJECT, "k1")), released);
        }

        @Test
        @DisplayName("leaves the same key in another project, other keys, and faults by id")
        void leavesOtherFaults() {
            faults.failNextBuild(PROJECT, ResourceRef.key("k1"), "service");
            faults.failNextBuild(OTHER_PROJECT, ResourceRef.key("k1"), "service").hold(OTHER_PROJECT, ResourceRef.key("k1"));
            faults.failNextUndeploy(PROJECT, ResourceRef.key("k2"));
            faults.hold(PROJECT, ResourceRef.id("d1"));

            faults.clear(PROJECT, ResourceRef.key("k1"));

            assertEquals(List.of("held"), takeAll(PROJECT, "d1", "k1"));
            assertEquals(List.of("build service", "held"), takeAll(OTHER_PROJECT, "d9", "k1"));
            assertEquals(List.of("undeploy"), takeAll(PROJECT, "d2", "k2"));
            assertEquals(List.of(), released);
        }
    }

    @Nested
    @DisplayName("clear a project")
    class ClearProject {

        @Test
        @DisplayName("forgets its faults by key and by id of its Deployments, releases their holds, and leaves other projects'")
        void forgetsTheProjectsFaults() {
            faults.failNextBuild(PROJECT, ResourceRef.key("k1"), "service").hold(PROJECT, ResourceRef.key("k2"));
            faults.failNextBuild(PROJECT, ResourceRef.id("a1"), "nightly").failNextUndeploy(PROJECT, ResourceRef.id("a2"))
                    .hold(PROJECT, ResourceRef.id("a2"));
            faults.failNextBuild(OTHER_PROJECT, ResourceRef.key("k1"), "service").hold(OTHER_PROJECT, ResourceRef.key("k2"));
            faults.failNextUndeploy(OTHER_PROJECT, ResourceRef.id("b1")).hold(OTHER_PROJECT, ResourceRef.id("b1"));

            assertSame(faults, faults.clearProject(PROJECT));

            assertEquals(List.of(), takeAll(PROJECT, "a1", "k1"));
            assertEquals(List.of(), takeAll(PROJECT, "a2", "k2"));
            assertEquals(Set.of(DeploymentFaults.Target.key(PROJECT, "k2"), DeploymentFaults.Target.id(PROJECT, "a2")),
                    Set.copyOf(released));
            assertEquals(List.of("build service"), takeAll(OTHER_PROJECT, "b9", "k1"));
            assertEquals(List.of("held"), takeAll(OTHER_PROJECT, "b9", "k2"));
            assertEquals(List.of("undeploy", "held"), takeAll(OTHER_PROJECT, "b1", null));
        }

        @Test
        @DisplayName("rejects a null project or reference")
        void rejectsNulls() {
            assertThrows(NullPointerException.class, () -> faults.clearProject(null));
            assertThrows(NullPointerException.class, () -> faults.clear(null, ResourceRef.id("d1")));
            assertThrows(NullPointerException.class, () -> faults.clear(PROJECT, null));
        }
    }

    @Test
    @DisplayName("a fault by id is set in a project and applies to that project's Deployment with the id only")
    void faultByIdIsOfItsProject() {
        faults.failNextBuild(PROJECT, ResourceRef.id("d1"), "service").hold(PROJECT, ResourceRef.id("d1"));

        assertEquals(List.of(), takeAll(OTHER_PROJECT, "d1", "k1"));
        assertTrue(faults.isHeld(PROJECT, ResourceRef.id("d1")));
        assertFalse(faults.isHeld(OTHER_PROJECT, ResourceRef.id("d1")));
        assertEquals(List.of("build service", "held"), takeAll(PROJECT, "d1", "k1"));
    }

    @Test
    @DisplayName("a one-shot fault set again after a clear applies again")
    void setAgainAfterClear() {
        faults.failNextBuild(PROJECT, ResourceRef.id("d1"), "service").clear(PROJECT, ResourceRef.id("d1"))
                .failNextBuild(PROJECT, ResourceRef.id("d1"), "service");

        assertEquals(List.of("build service"), takeAll(PROJECT, "d1", null));
    }
}
