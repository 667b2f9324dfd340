package io.connectstage.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound on the time a client takes to send a request, which Jetty's idle timeout does not give:
 * that one fires only on silence, so a client sending one byte a second holds its connection (and
 * a thread while the body arrives) for ever. The headers must all have arrived within the timeout
 * of the server starting to wait for them (the connection opened, or the previous answer sent), and
 * the body within the timeout of the headers; otherwise the connection is closed.
 */
final class ReceiveDeadline extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectServer.class);

    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final ConcurrentHashMap<Connection, Watch> watches = new ConcurrentHashMap<>();
    /** Watches a connection from its opening (its first headers are awaited) to its closing. */
    private final Connection.Listener connections = new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
            Watch w = new Watch(connection);
            watches.put(connection, w);
            w.arm();
        }

        @Override
        public void onClosed(Connection connection) {
            Watch w = watches.remove(connection);
            if (w != null) {
                w.disarm();
            }
        }
    };

    ReceiveDeadline(Duration timeout, Scheduler scheduler, Handler handler) {
        super(handler);
        this.timeoutNanos = timeout.toNanos();
        this.scheduler = scheduler;
    }

    /** To be added to the connector, so that every connection's headers have their deadline from the start. */
    Connection.Listener connections() {
        return connections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        Watch watch = watches.get(connection);
        if (watch == null) {
            if (!connection.getEndPoint().isOpen()) {
                // Closed (its watch is gone with it) while Jetty still parsed the bytes it had read:
                // a request sent just as its deadline closed the connection. Nobody would get the
                // answer, so it is not acted on.
                return cutOff(callback);
            }
            // a connection this handler was not told of (another connector): nothing to bound
            return super.handle(request, response, callback);
        }
        if (!hasBody(request)) {
            if (!watch.disarm()) {
                return cutOff(callback);
            }
            return super.handle(request, response, next(watch, callback));
        }
        // the headers are in; now the body has the same time, until its last chunk is read
        if (!watch.arm()) {
            return cutOff(callback);
        }
        Request bodyWatched = new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk != null && chunk.isLast() && !watch.disarm()) {
                    // the deadline passed as the last bytes came: the connection is being closed, so the
                    // handler must not act on a request it could not answer
                    return Content.Chunk.from(new EofException("no whole request within the receive timeout"), true);
                }
                return chunk;
            }
        };
        return super.handle(bodyWatched, response, next(watch, callback));
    }

    /**
     * The deadline passed before the handler took the request, and the connection is being closed:
     * the request is not handled at all, since its answer could not reach the client (a client that
     * sent an update must not find it applied without an answer).
     */
    private static boolean cutOff(Callback callback) {
        callback.failed(new EofException("no whole request within the receive timeout"));
        return true;
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING) || request.getLength() > 0;
    }

    /** Once answered, the connection waits for the next request's headers, with their deadline. */
    private static Callback next(Watch watch, Callback callback) {
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                watch.arm();
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                watch.arm();
                super.failed(x);
            }
        };
    }

    /**
     * The deadline of one connection. Arming and disarming, once or twice a request, only write
     * the deadline; at most one check per connection is scheduled at a time, and it reschedules
     * itself for a deadline that moved, so that the scheduler's queue sees a task per connection
     * per timeout rather than two per request.
     */
    private final class Watch implements Runnable {
        private final Connection connection;
        /**
         * {@code System.nanoTime()} by which the awaited bytes must be in; 0 while nothing is
         * awaited. Written under this watch's lock, so that the check that closes the connection
         * and the handler taking a request decide one after the other: either the request is
         * taken (and answered) or the connection closed, never a request acted on and then cut off.
         */
        private long deadline;
        /** Set by the check that closes the connection; no request is taken after it. */
        private boolean expired;
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Watch(Connection connection) {
            this.connection = connection;
        }

        /** Starts waiting for bytes; false when the connection is already being closed. */
        boolean arm() {
            long d = System.nanoTime() + timeoutNanos;
            synchronized (this) {
                if (expired) {
                    return false;
                }
                deadline = d == 0 ? 1 : d;
            }
            if (scheduled.compareAndSet(false, true)) {
                scheduler.schedule(this, timeoutNanos, TimeUnit.NANOSECONDS);
            }
            return true;
        }

        /** The awaited bytes are in; false when the deadline passed first and the connection is being closed. */
        synchronized boolean disarm() {
            if (expired) {
                return false;
            }
            deadline = 0;
            return true;
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return; // closed: never scheduled again
            }
            long d;
            long now = System.nanoTime();
            synchronized (this) {
                d = deadline;
                if (d != 0 && now - d >= 0) {
                    expired = true;
                }
            }
            if (d != 0 && now - d >= 0) {
                LOG.debug("closing {}: no whole request within {} ms", connection.getEndPoint().getRemoteSocketAddress(),
                        TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                connection.getEndPoint().close();
                return;
            }
            if (d != 0) {
                scheduler.schedule(this, d - now, TimeUnit.NANOSECONDS);
                return;
            }
            scheduled.set(false);
            // armed again between the read of the deadline and the line above: its arm() saw a check scheduled
            long again;
            synchronized (this) {
                again = deadline;
            }
            if (again != 0 && scheduled.compareAndSet(false, true)) {
                scheduler.schedule(this, Math.max(0, again - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }
    }
}
