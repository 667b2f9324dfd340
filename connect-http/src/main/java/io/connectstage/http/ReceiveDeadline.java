package io.connectstage.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
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

    private final long timeoutMillis;
    private final Scheduler scheduler;
    private final ConcurrentHashMap<Connection, Deadline> deadlines = new ConcurrentHashMap<>();
    /** Arms the headers' deadline of a connection when it opens; forgets it when it closes. */
    private final Connection.Listener connections = new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
            arm(connection);
        }

        @Override
        public void onClosed(Connection connection) {
            Deadline d = deadlines.remove(connection);
            if (d != null) {
                d.cancel();
            }
        }
    };

    ReceiveDeadline(Duration timeout, Scheduler scheduler, Handler handler) {
        super(handler);
        this.timeoutMillis = timeout.toMillis();
        this.scheduler = scheduler;
    }

    /** To be added to the connector, so that every connection's headers have their deadline from the start. */
    Connection.Listener connections() {
        return connections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        if (!hasBody(request)) {
            disarm(connection);
            return super.handle(request, response, next(connection, callback));
        }
        // the headers are in; now the body has the same time, until its last chunk is read
        arm(connection);
        Request bodyWatched = new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk != null && chunk.isLast()) {
                    disarm(connection);
                }
                return chunk;
            }
        };
        return super.handle(bodyWatched, response, next(connection, callback));
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING) || request.getLength() > 0;
    }

    /** Once answered, the connection waits for the next request's headers, with their deadline. */
    private Callback next(Connection connection, Callback callback) {
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                arm(connection);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                arm(connection);
                super.failed(x);
            }
        };
    }

    private void arm(Connection connection) {
        if (!connection.getEndPoint().isOpen()) {
            return;
        }
        Deadline d = new Deadline(connection);
        Deadline old = deadlines.put(connection, d);
        if (old != null) {
            old.cancel();
        }
        d.task = scheduler.schedule(d, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void disarm(Connection connection) {
        Deadline d = deadlines.remove(connection);
        if (d != null) {
            d.cancel();
        }
    }

    private final class Deadline implements Runnable {
        private final Connection connection;
        private volatile Scheduler.Task task;

        Deadline(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            // only the deadline still armed closes: one replaced or cancelled meanwhile does nothing
            if (deadlines.remove(connection, this)) {
                LOG.debug("closing {}: no whole request within {} ms", connection.getEndPoint().getRemoteSocketAddress(),
                        timeoutMillis);
                connection.getEndPoint().close();
            }
        }

        void cancel() {
            Scheduler.Task t = task;
            if (t != null) {
                t.cancel();
            }
        }
    }
}
