package io.connectstage.junit;

import io.connectstage.http.ConnectServer;
import io.connectstage.oauth.OAuthClient;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server the extension started, kept in an {@link ExtensionContext.Store}: JUnit closes it with
 * the context it was stored in (the outermost class, the test, or the whole run when shared).
 * Both closing interfaces, so that JUnit versions before 5.13 close it too; closing is idempotent.
 */
@SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13, which closes no AutoCloseable
final class RunningServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final ConnectServer server;
    final String projectKey;
    /** The test project's client, whose tokens {@link ConnectServerInfo#token()} gives. */
    final OAuthClient client;
    final HttpClient httpClient;
    final boolean resetBetweenTests;
    /** One test at a time on a server that resets between tests, even when JUnit runs tests in parallel. */
    private final Semaphore turn = new Semaphore(1);

    RunningServer(ConnectServer server, String projectKey, OAuthClient client, HttpClient httpClient, boolean resetBetweenTests) {
        this.server = Objects.requireNonNull(server, "server is null");
        this.projectKey = Objects.requireNonNull(projectKey, "projectKey is null");
        this.client = Objects.requireNonNull(client, "client is null");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient is null");
        this.resetBetweenTests = resetBetweenTests;
    }

    /**
     * Waits for the tests before this one on this server to end, and gives a turn that the test's
     * context ends (a semaphore, not a lock: JUnit may close the context on another thread).
     */
    Turn takeTurn() {
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                private boolean taken;

                @Override
                public boolean block() throws InterruptedException {
                    turn.acquire();
                    taken = true;
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return taken || (taken = turn.tryAcquire());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tests before on this server", e);
        }
        return new Turn(turn);
    }

    @Override
    public void close() {
        server.close();
    }

    /** A test's turn on a server; ending it (with the test's context) lets the next test run. */
    @SuppressWarnings("deprecation")
    static final class Turn implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Semaphore turn;
        private final AtomicBoolean ended = new AtomicBoolean();

        Turn(Semaphore turn) {
            this.turn = turn;
        }

        @Override
        public void close() {
            if (ended.compareAndSet(false, true)) {
                turn.release();
            }
        }
    }
}
