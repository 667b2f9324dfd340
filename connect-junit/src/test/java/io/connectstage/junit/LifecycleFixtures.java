package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.http.ConnectServer;
import io.connectstage.http.Http;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes that {@link ServerLifecycleTest} runs through the Jupiter engine (surefire runs no
 * nested class on its own): each records the servers its tests see.
 */
final class LifecycleFixtures {
    /** Every server a fixture test saw, by where it saw it (class or nested class and test). */
    private static final String LAUNCHED = "io.connectstage.junit.LifecycleFixtures#launchedByTheLifecycleTest";
    static final Map<String, ConnectServer> SEEN = new ConcurrentHashMap<>();
    /** The port of every server a fixture test saw, taken while it listened. */
    static final Queue<Integer> PORTS = new ConcurrentLinkedQueue<>();
    /** Set while {@link ServerLifecycleTest} runs the fixtures, so that a build selecting them by name skips them. */
    static volatile boolean launched;

    static boolean launchedByTheLifecycleTest() {
        return launched;
    }

    private LifecycleFixtures() {
    }

    static void saw(String where, ConnectServerInfo info) {
        SEEN.put(where, info.server());
        PORTS.add(info.server().port());
        // the server answers, and a create works in every test (a reset left nothing behind)
        info.post("/connectors/drafts", Http.draft("same-key")).assertStatus(201);
    }

    @EnabledIf(LAUNCHED)
    static class StaticField {
        @RegisterExtension
        static ConnectServerExtension connect = ConnectServerExtension.builder().build();

        @Test
        void outer(ConnectServerInfo info) {
            saw("static/outer", info);
        }

        @Nested
        class Inner {
            @Test
            void inner(ConnectServerInfo info) {
                saw("static/inner", info);
            }

            @Nested
            class Innermost {
                @Test
                void innermost(ConnectServerInfo info) {
                    saw("static/innermost", info);
                }
            }
        }
    }

    @EnabledIf(LAUNCHED)
    @ConnectServerTest
    static class Annotated {
        @Test
        void outer(ConnectServerInfo info) {
            saw("annotated/outer", info);
        }

        @Nested
        class Inner {
            @Test
            void inner(ConnectServerInfo info) {
                saw("annotated/inner", info);
            }
        }
    }

    @EnabledIf(LAUNCHED)
    static class InstanceField {
        @RegisterExtension
        ConnectServerExtension connect = ConnectServerExtension.builder().build();

        @Test
        void first(ConnectServerInfo info) {
            saw("instance/first", info);
        }

        @Test
        void second(ConnectServerInfo info) {
            saw("instance/second", info);
        }
    }

    @EnabledIf(LAUNCHED)
    static class FailingBeforeAll {
        @RegisterExtension
        static ConnectServerExtension connect = ConnectServerExtension.builder().build();

        @BeforeAll
        static void fails(ConnectServerInfo info) {
            saw("failing/beforeAll", info);
            throw new IllegalStateException("this @BeforeAll fails on purpose");
        }

        @Test
        void neverRuns() {
            assertEquals(1, 2, "a test after a failed @BeforeAll does not run");
        }
    }

    /** One server for the run, shared by two classes, as a suite would keep it in a holder class. */
    static final ConnectServerExtension SUITE = ConnectServerExtension.shared();

    @EnabledIf(LAUNCHED)
    static class SharedOne {
        @RegisterExtension
        static ConnectServerExtension connect = SUITE;

        @Test
        void one(ConnectServerInfo info) {
            saw("shared/one", info);
        }
    }

    @EnabledIf(LAUNCHED)
    static class SharedTwo {
        @RegisterExtension
        static ConnectServerExtension connect = SUITE;

        @Test
        void two(ConnectServerInfo info) {
            saw("shared/two", info);
        }
    }
}
