package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.ProcessingPool;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectServer start and stop")
class HttpServerLifecycleTest {
    private static final OAuthClient CLIENT = OAuthClient.parse("id:secret:manage_project:p1").get();

    @Test
    void aTakenPortIsAClearErrorAndTheFirstServerKeepsServing() {
        try (ConnectServer first = ConnectServer.builder().client(CLIENT).start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ConnectServer.builder().client(CLIENT).port(first.port()).start());
            assertTrue(e.getMessage().contains(String.valueOf(first.port())), e.getMessage());
            assertFalse(e.getMessage().contains("secret"));
            new Http(first.baseUri()).token("id", "secret", null).expect(200);
        }
    }

    @Test
    void afterCloseThePortIsFree() throws Exception {
        ConnectServer server = ConnectServer.builder().client(CLIENT).start();
        int port = server.port();
        server.close();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
        try (ConnectServer again = ConnectServer.builder().client(CLIENT).port(port).start()) {
            assertEquals(port, again.port());
        }
    }

    /** Spaces that record when they are closed, next to resources handed over to the server. */
    private static final class RecordingSpaces implements ProjectSpaces, AutoCloseable {
        private final PerProjectSpaces spaces = PerProjectSpaces.builder().build();
        private final List<String> closed;

        RecordingSpaces(List<String> closed) {
            this.closed = closed;
        }

        @Override
        public ProjectSpace of(String projectKey) {
            return spaces.of(projectKey);
        }

        @Override
        public void close() {
            closed.add("spaces");
        }
    }

    @Test
    void closeClosesTheSpacesThenWhatWasHandedOverLatestFirstAndOnlyOnce() {
        List<String> closed = new CopyOnWriteArrayList<>();
        ConnectServer server = ConnectServer.builder().client(CLIENT).spaces(new RecordingSpaces(closed))
                .closing(() -> closed.add("store")).closing(() -> closed.add("pool")).start();

        server.close();
        server.close();

        assertEquals(List.of("spaces", "pool", "store"), closed);
    }

    @Test
    void aServerThatCannotStartClosesWhatItWasGiven() {
        List<String> closed = new CopyOnWriteArrayList<>();
        try (ConnectServer first = ConnectServer.builder().client(CLIENT).start()) {
            assertThrows(IllegalStateException.class, () -> ConnectServer.builder().client(CLIENT).port(first.port())
                    .spaces(new RecordingSpaces(closed)).closing(() -> closed.add("pool")).start());
        }
        assertEquals(List.of("spaces", "pool"), closed);
    }

    @Test
    void theProcessingPoolAndThePollerStopWithTheServer() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ProcessingPool pool = new ProcessingPool(2);
        ConnectServer server = ConnectServer.builder().client(CLIENT).closing(pool).pollEvery(Duration.ofMillis(50))
                .spaces(PerProjectSpaces.builder().analyzer(ConnectorAnalyzer.acceptingEverything()).pool(pool).build())
                .start();
        ProjectSpace space = server.spaces().of("p1");
        space.connectors().create(ConnectorStagedDraft.of("Threads", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/threads.git", "1.0.0"))).get();
        space.processor().get().wake(); // a run on the pool: a worker thread starts

        server.close();

        Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        for (Thread t : started) {
            t.join(10_000);
        }
        assertEquals(List.of(), started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList()));
    }

    @Test
    void theStoredProjectsAreMetOnceTheServerListens() throws Exception {
        CountDownLatch met = new CountDownLatch(2);
        PerProjectSpaces spaces = PerProjectSpaces.builder().build();
        ProjectSpaces counting = projectKey -> {
            ProjectSpace space = spaces.of(projectKey);
            met.countDown();
            return space;
        };
        try (ConnectServer server = ConnectServer.builder().client(CLIENT).spaces(counting)
                .resume(() -> List.of("p1", "p2")).start()) {
            assertTrue(met.await(10, TimeUnit.SECONDS));
            assertEquals(Set.of("p1", "p2"), spaces.projectKeys());
        }
    }

    @Test
    void aProjectAnotherServerCreatedLaterIsMetAtTheNextPoll() throws Exception {
        PerProjectSpaces spaces = PerProjectSpaces.builder().build();
        List<String> stored = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("p1"));
        try (ConnectServer server = ConnectServer.builder().client(CLIENT).spaces(spaces)
                .resume(() -> List.copyOf(stored)).pollEvery(java.time.Duration.ofMillis(50)).start()) {
            awaitMet(spaces, Set.of("p1"));
            stored.add("p2"); // as when another server over the same database creates it
            awaitMet(spaces, Set.of("p1", "p2"));
        }
    }

    private static void awaitMet(PerProjectSpaces spaces, Set<String> keys) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!spaces.projectKeys().equals(keys)) {
            assertTrue(System.nanoTime() < deadline, () -> "met " + spaces.projectKeys() + ", not " + keys);
            Thread.sleep(20);
        }
    }

    @Test
    void clientsAreCheckedWhenParsed() {
        assertTrue(OAuthClient.parse("a:b:manage_project:p1,view_connectors:p1").isRight());
        // scopes of several projects: an organization client, its first project first
        assertEquals(List.of("p2", "p1"), OAuthClient.parse("a:b:view_connectors:p2,manage_project:p1,view_connectors:p1").get()
                .projectKeys());
        assertTrue(OAuthClient.parse("a:b:unknown_scope:p1").isLeft());
        assertTrue(OAuthClient.parse("a:b").isLeft());
        assertTrue(OAuthClient.parse(":b:manage_project:p1").isLeft());
        assertTrue(OAuthClient.parse("a::manage_project:p1").isLeft());
        // the secret may not contain a colon, but the scopes do: split on the first two only
        assertEquals("p1", OAuthClient.parse("a:b:manage_project:p1").get().projectKey());
        assertFalse(OAuthClient.parse("a:s3cr3t:bad").getLeft().contains("s3cr3t"));
        assertFalse(OAuthClient.parse("a:s3cr3t:manage_project:p1").get().toString().contains("s3cr3t"));
    }
}
