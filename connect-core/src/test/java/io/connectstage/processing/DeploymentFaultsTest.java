package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            faults.failNextBuild("d1", "service").failNextBuild("d1", "nightly").failNextUndeploy("d1").hold("d1");

            assertSame(faults, faults.clear("d1"));

            assertEquals(List.of(), takeAll(PROJECT, "d1", "k1"));
            assertFalse(faults.isHeld("d1"));
        }

        @Test
        @DisplayName("leaves the faults of other Deployments, by id and by key, and this Deployment's faults by key")
        void leavesOtherFaults() {
            faults.failNextBuild("d1", "service").hold("d1");
            faults.failNextBuild("d2", "service").failNextUndeploy("d2").hold("d2");
            faults.failNextBuildByKey(PROJECT, "k1", "nightly");

            faults.clear("d1");

            assertEquals(List.of("build service", "undeploy", "held"), takeAll(PROJECT, "d2", "k2"));
            assertEquals(List.of("build nightly"), takeAll(PROJECT, "d1", "k1"));
        }

        @Test
        @DisplayName("releases a held build as release does, and only a hold it ends")
        void releasesAHold() {
            faults.hold("d1").hold("d2");

            faults.clear("d1");
            faults.clear("d3");

            assertEquals(List.of(DeploymentFaults.Target.id("d1")), released);
            assertTrue(faults.isHeld("d2"));
        }
    }

    @Nested
    @DisplayName("clear by key")
    class ClearByKey {

        @Test
        @DisplayName("forgets every fault set by that key in that project, and releases its hold")
        void forgetsTheKeysFaults() {
            faults.failNextBuildByKey(PROJECT, "k1", "service").failNextUndeployByKey(PROJECT, "k1").holdByKey(PROJECT, "k1");

            assertSame(faults, faults.clearByKey(PROJECT, "k1"));

            assertEquals(List.of(), takeAll(PROJECT, "d1", "k1"));
            assertEquals(List.of(DeploymentFaults.Target.key(PROJECT, "k1")), released);
        }

        @Test
        @DisplayName("leaves the same key in another project, other keys, and faults by id")
        void leavesOtherFaults() {
            faults.failNextBuildByKey(PROJECT, "k1", "service");
            faults.failNextBuildByKey(OTHER_PROJECT, "k1", "service").holdByKey(OTHER_PROJECT, "k1");
            faults.failNextUndeployByKey(PROJECT, "k2");
            faults.hold("d1");

            faults.clearByKey(PROJECT, "k1");

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
            faults.failNextBuildByKey(PROJECT, "k1", "service").holdByKey(PROJECT, "k2");
            faults.failNextBuild("a1", "nightly").failNextUndeploy("a2").hold("a2");
            faults.failNextBuildByKey(OTHER_PROJECT, "k1", "service").holdByKey(OTHER_PROJECT, "k2");
            faults.failNextUndeploy("b1").hold("b1");
            Set<String> ofProject = Set.of("a1", "a2");

            assertSame(faults, faults.clearProject(PROJECT, ofProject::contains));

            assertEquals(List.of(), takeAll(PROJECT, "a1", "k1"));
            assertEquals(List.of(), takeAll(PROJECT, "a2", "k2"));
            assertEquals(Set.of(DeploymentFaults.Target.key(PROJECT, "k2"), DeploymentFaults.Target.id("a2")), Set.copyOf(released));
            assertEquals(List.of("build service"), takeAll(OTHER_PROJECT, "b9", "k1"));
            assertEquals(List.of("held"), takeAll(OTHER_PROJECT, "b9", "k2"));
            assertEquals(List.of("undeploy", "held"), takeAll(OTHER_PROJECT, "b1", null));
        }

        @Test
        @DisplayName("asks which ids are the project's only about ids that have a fault, and outside its lock")
        void asksOnlyAboutIdsWithFaults() {
            faults.failNextBuild("a1", "service").hold("b1");
            List<String> asked = new ArrayList<>();

            faults.clearProject(PROJECT, id -> {
                asked.add(id);
                assertFalse(Thread.holdsLock(faults), "asked under the lock");
                return id.equals("a1");
            });

            assertEquals(Set.of("a1", "b1"), Set.copyOf(asked));
            assertEquals(List.of(), takeAll(PROJECT, "a1", null));
            assertTrue(faults.isHeld("b1"));
        }

        @Test
        @DisplayName("rejects a null project or predicate")
        void rejectsNulls() {
            assertThrows(NullPointerException.class, () -> faults.clearProject(null, id -> true));
            assertThrows(NullPointerException.class, () -> faults.clearProject(PROJECT, null));
            assertThrows(NullPointerException.class, () -> faults.clear((String) null));
            assertThrows(NullPointerException.class, () -> faults.clearByKey(PROJECT, null));
        }
    }

    @Test
    @DisplayName("a one-shot fault set again after a clear applies again")
    void setAgainAfterClear() {
        faults.failNextBuild("d1", "service").clear("d1").failNextBuild("d1", "service");

        assertEquals(List.of("build service"), takeAll(PROJECT, "d1", null));
    }
}
