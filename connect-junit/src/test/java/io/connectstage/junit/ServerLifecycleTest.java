package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.connectstage.http.ConnectServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@DisplayName("The extension's servers: shared by nested classes, closed once, nothing outlives a run")
class ServerLifecycleTest {
    /** The threads a server and its processing start (Jetty's pool, processors' own, the processing pool's, the poller). */
    private static final List<String> SERVER_THREADS = List.of("connect-http", "connectstage-processing-",
            "connectstage-worker-", "connectstage-timer-", "connect-poll");

    private Set<Thread> before;

    @BeforeEach
    void forget() {
        LifecycleFixtures.SEEN.clear();
        LifecycleFixtures.PORTS.clear();
        before = Thread.getAllStackTraces().keySet();
    }

    private Events run(boolean parallel, Class<?>... classes) {
        LifecycleFixtures.launched = true;
        try {
            return launch(parallel, classes);
        } finally {
            LifecycleFixtures.launched = false;
        }
    }

    private Events launch(boolean parallel, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .execute().allEvents();
    }

    @ParameterizedTest(name = "parallel execution {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a class's server serves its @Nested classes and is closed once after the outermost")
    void nestedClassesShareTheServerOfTheirClass(boolean parallel) throws Exception {
        Events events = run(parallel, LifecycleFixtures.StaticField.class, LifecycleFixtures.Annotated.class);

        events.assertStatistics(s -> s.failed(0));
        assertEquals(5, events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count());
        ConnectServer outer = LifecycleFixtures.SEEN.get("static/outer");
        assertSame(outer, LifecycleFixtures.SEEN.get("static/inner"));
        assertSame(outer, LifecycleFixtures.SEEN.get("static/innermost"));
        assertSame(LifecycleFixtures.SEEN.get("annotated/outer"), LifecycleFixtures.SEEN.get("annotated/inner"));
        assertNotSame(outer, LifecycleFixtures.SEEN.get("annotated/outer"));
        assertNothingOutlivesTheRun();
    }

    @ParameterizedTest(name = "parallel execution {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("an instance-field registration starts a server per test and closes each")
    void anInstanceFieldGivesAServerPerTest(boolean parallel) throws Exception {
        Events events = run(parallel, LifecycleFixtures.InstanceField.class);

        events.assertStatistics(s -> s.failed(0));
        assertEquals(2, events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count());
        assertNotSame(LifecycleFixtures.SEEN.get("instance/first"), LifecycleFixtures.SEEN.get("instance/second"));
        assertNothingOutlivesTheRun();
    }

    @ParameterizedTest(name = "parallel execution {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a failing @BeforeAll still closes the server started for the class")
    void aFailingBeforeAllClosesTheServer(boolean parallel) throws Exception {
        Events events = run(parallel, LifecycleFixtures.FailingBeforeAll.class);

        events.assertStatistics(s -> s.failed(1));
        assertTrue(LifecycleFixtures.SEEN.containsKey("failing/beforeAll"));
        assertNothingOutlivesTheRun();
    }

    @ParameterizedTest(name = "parallel execution {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("a shared server serves every class of the run, its resets isolate their tests, and it is closed at the end")
    void aSharedServerServesTheWholeRun(boolean parallel) throws Exception {
        Events events = run(parallel, LifecycleFixtures.SharedOne.class, LifecycleFixtures.SharedTwo.class);

        // each test creates the same key: the reset before each lets both succeed on one server
        events.assertStatistics(s -> s.failed(0));
        assertEquals(2, events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count());
        assertSame(LifecycleFixtures.SEEN.get("shared/one"), LifecycleFixtures.SEEN.get("shared/two"));
        assertNothingOutlivesTheRun();
    }

    private void assertNothingOutlivesTheRun() throws InterruptedException {
        assertTrue(!LifecycleFixtures.PORTS.isEmpty(), "the fixtures saw a server");
        for (int port : new HashSet<>(LifecycleFixtures.PORTS)) {
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                }
            }, "nothing listens on port " + port + " after the run");
        }
        Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        for (Thread t : started) {
            if (isServerThread(t)) {
                t.join(10_000); // a stopped pool's last threads may still be on their way out
            }
        }
        List<String> alive = started.stream().filter(t -> isServerThread(t) && t.isAlive()).map(Thread::getName)
                .collect(Collectors.toList());
        assertEquals(List.of(), alive, "threads of a server outlived the run");
    }

    private static boolean isServerThread(Thread t) {
        return SERVER_THREADS.stream().anyMatch(t.getName()::startsWith);
    }
}
