package io.connectstage.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a guarded HTTP connection")
class GuardedHttpConnectionsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final StuckConnection connection = new StuckConnection();

    @AfterEach
    void releaseBlockedCloses() {
        connection.release.countDown();
    }

    private static FetchGuard guard() {
        return new FetchGuard(System.nanoTime() + TimeUnit.MINUTES.toNanos(1), Long.MAX_VALUE, null);
    }

    @Test
    void theFetchThreadDoesNotWaitForTheCloseOfAStopUnderWay() {
        FetchGuard guard = guard();

        assertTimeoutPreemptively(PATIENCE, () -> {
            InputStream body = GuardedHttpConnections.guarded(connection, guard).getInputStream();
            guard.stop();
            assertTrue(connection.closing.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "the stop closes the body");

            body.close();
        });

        assertEquals(1, connection.closes.get(), "closes of the JDK's response stream");
    }

    @Test
    void aStopDoesNotWaitForTheCloseOfTheFetchThreadUnderWay() throws Exception {
        FetchGuard guard = guard();
        InputStream body = GuardedHttpConnections.guarded(connection, guard).getInputStream();
        Thread fetch = new Thread(() -> {
            try {
                body.close();
            } catch (IOException ignored) {
                // not thrown by this stream
            }
        }, "fetch");
        fetch.setDaemon(true);
        fetch.start();
        assertTrue(connection.closing.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "the fetch thread closes the body");

        boolean closed = assertTimeoutPreemptively(PATIENCE, () -> {
            guard.stop();
            return guard.awaitClosed(PATIENCE.toNanos());
        });

        assertTrue(closed, "the stop's closing did not end");
        assertEquals(1, connection.closes.get(), "closes of the JDK's response stream");
    }

    /**
     * A connection whose response stream cannot be closed until the test ends, as the JDK's when
     * its keep-alive cleaner holds the stream's lock to drain a body that a server trickles; its
     * {@code disconnect()} closes that stream, as the JDK's does.
     */
    private static final class StuckConnection extends HttpURLConnection {
        final CountDownLatch closing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger closes = new AtomicInteger();
        private final InputStream body = new ByteArrayInputStream(new byte[100]) {
            @Override
            public void close() {
                closes.incrementAndGet();
                closing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        StuckConnection() {
            super(url());
        }

        private static URL url() {
            try {
                return new URL("http://127.0.0.1:9/repo.git");
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public void disconnect() {
            try {
                body.close();
            } catch (IOException ignored) {
                // not thrown by this stream
            }
        }

        @Override
        public boolean usingProxy() {
            return false;
        }

        @Override
        public void connect() {
        }
    }
}
