package io.connectstage.repository;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.errors.TooLargePackException;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * The bounds of one fetch: a deadline, a cap on the bytes received, and every connection the
 * fetch opened, so that {@link #stop()} can cut them from another thread. A read past the
 * deadline or past the cap fails at once; a read blocked in a socket fails when the closing that
 * {@link #stop()} starts reaches that socket. The fetch thread finds its guard through
 * {@link #current()}.
 *
 * <p>{@link #stop()} never closes a connection on the thread that calls it: closing one of the
 * JDK's HTTP connections takes the lock of its response stream, which a read or the JDK's
 * keep-alive cleaner can hold for as long as the server trickles bytes. The caller (the one timer
 * thread that every fetch of the process shares) must not be held by a server, so each stopped
 * guard closes its connections on a thread of its own, and the fetch waits for it only within
 * a grace ({@link #awaitClosed}).
 */
final class FetchGuard implements ProgressMonitor {

    private static final String CLOSER_NAME = "connectstage-git-stop";
    private static final ThreadLocal<FetchGuard> CURRENT = new ThreadLocal<>();
    private static final java.util.Set<FetchGuard> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final long deadline;
    private final long maxBytes;
    private final AtomicLong fromConnections = new AtomicLong();
    private final AtomicLong intoPacks = new AtomicLong();
    private final List<Closeable> connections = new CopyOnWriteArrayList<>();
    private final AtomicReference<Thread> closer = new AtomicReference<>();
    private volatile boolean stopped;
    private volatile boolean tooLarge;

    private final RepositoryReach reach;

    FetchGuard(long deadlineNanos, long maxBytes, RepositoryReach reach) {
        this.deadline = deadlineNanos;
        this.maxBytes = maxBytes;
        this.reach = reach;
    }

    /** Fails when the reach policy refuses {@code host}: a redirect must not lead where the URL could not. */
    void checkHost(String host) throws IOException {
        String refusal = reach == null ? null : reach.refusal(host);
        if (refusal != null) {
            throw new RefusedHost("a redirect was refused: " + refusal);
        }
    }

    /** A connection to a host the reach policy refuses (after a redirect). */
    static final class RefusedHost extends org.eclipse.jgit.errors.TransportException {
        private static final long serialVersionUID = 1L;

        RefusedHost(String message) {
            super(message);
        }
    }

    /** Marks the fetch as running, until {@link #finished()}: {@link #stopAll()} stops it. */
    void started() {
        RUNNING.add(this);
    }

    void finished() {
        RUNNING.remove(this);
    }

    /**
     * Stops every fetch in progress and waits, within {@code graceNanos} in all, for their
     * connections to be closed: at JVM shutdown, before their folders are deleted.
     */
    static void stopAll(long graceNanos) {
        List<FetchGuard> running = List.copyOf(RUNNING);
        for (FetchGuard guard : running) {
            guard.stop();
        }
        long end = System.nanoTime() + graceNanos;
        for (FetchGuard guard : running) {
            guard.awaitClosed(Math.max(0, end - System.nanoTime()));
        }
    }

    /** The guard of the fetch running on this thread, or null. */
    static FetchGuard current() {
        return CURRENT.get();
    }

    void bindToThisThread() {
        CURRENT.set(this);
    }

    static void unbind() {
        CURRENT.remove();
    }

    long deadline() {
        return deadline;
    }

    long maxBytes() {
        return maxBytes;
    }

    boolean expired() {
        return System.nanoTime() - deadline > 0;
    }

    boolean wasStopped() {
        return stopped;
    }

    /** Whether the fetch ended because the server sent more than {@link #maxBytes()}. */
    boolean wasTooLarge() {
        return tooLarge;
    }

    /**
     * Registers a connection to close on {@link #stop()}; closes it at once when already stopped
     * (a connection registered when it is opened has no response stream yet, so that close cannot
     * wait for a server).
     */
    void register(Closeable connection) {
        connections.add(connection);
        if (stopped) {
            closeQuietly(connection);
        }
    }

    /**
     * Ends the fetch without waiting for anything: every later read fails at once, and the
     * connections it opened are closed on a thread of this guard's own, started by the first
     * call. A connection whose close blocks (the server trickles) holds that thread, never the
     * caller's.
     */
    void stop() {
        stopped = true;
        if (closer.get() != null) {
            return;
        }
        Thread thread = new Thread(this::closeAll, CLOSER_NAME);
        thread.setDaemon(true);
        if (closer.compareAndSet(null, thread)) {
            thread.start();
        }
    }

    /**
     * Waits at most {@code graceNanos} for the connections to be closed after {@link #stop()};
     * false when they are not yet (they go on being closed in the background).
     */
    boolean awaitClosed(long graceNanos) {
        Thread thread = closer.get();
        if (thread == null) {
            return false; // not stopped: nothing is being closed
        }
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(graceNanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void closeAll() {
        for (Closeable c : connections) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone either way
        }
    }

    /** Fails when the fetch must not go on. */
    void check() throws IOException {
        if (stopped || expired()) {
            throw new InterruptedIOException("the fetch was stopped at its deadline");
        }
    }

    /** The body of a connection, counted against the cap and checked against the deadline on every read. */
    InputStream guardConnection(InputStream in) {
        return guard(in, fromConnections);
    }

    /** The pack stream of any transport, counted against the cap and checked against the deadline on every read. */
    InputStream guardPack(InputStream in) {
        return guard(in, intoPacks);
    }

    private InputStream guard(InputStream in, AtomicLong received) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check();
                int b = super.read();
                if (b >= 0) {
                    count(received, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                check();
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(received, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                check();
                long skipped = super.skip(n);
                count(received, skipped);
                return skipped;
            }
        };
    }

    private void count(AtomicLong received, long n) throws IOException {
        if (received.addAndGet(n) > maxBytes) {
            tooLarge = true;
            throw new TooLargePackException(maxBytes);
        }
        check();
    }

    @Override
    public boolean isCancelled() {
        return stopped || expired();
    }

    @Override
    public void start(int totalTasks) {
    }

    @Override
    public void beginTask(String title, int totalWork) {
    }

    @Override
    public void update(int completed) {
    }

    @Override
    public void endTask() {
    }

    @Override
    public void showDuration(boolean enabled) {
    }
}
