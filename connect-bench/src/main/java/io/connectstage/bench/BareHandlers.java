package io.connectstage.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor {@link HttpLoadHarness} measures the server against: a handler that answers every
 * request with a fixed 150-byte JSON, in a process of its own (as {@code ./connect serve} is), on
 * a free port of 127.0.0.1; prints {@code listening on http://127.0.0.1:PORT} and serves until killed.
 * <ul>
 * <li>{@code jetty}: a Jetty 12 core handler on the thread pool, connector and HTTP configuration
 *     ConnectServer uses, so that the difference to the server is what its handler does;</li>
 * <li>{@code jdk}: the JDK's {@code com.sun.net.httpserver.HttpServer}, handler on its dispatcher
 *     thread (no executor); run it with {@code -Dsun.net.httpserver.nodelay=true}, or each answer
 *     waits for Nagle's algorithm.</li>
 * </ul>
 */
public final class BareHandlers {
    static final byte[] FIXED = ("{\"id\":\"5ab3edcd-9d23-4934-8f48-256805253119\",\"version\":1,"
            + "\"key\":\"bench\",\"name\":\"A fixed answer of exactly 150 bytes\",\"status\":\"Draft\",\"pad\":\"xxxxxxxx\"}")
            .getBytes(StandardCharsets.UTF_8);

    private BareHandlers() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "";
        int port = switch (kind) {
            case "jetty" -> jetty();
            case "jdk" -> jdk();
            default -> throw new IllegalArgumentException("usage: BareHandlers jetty|jdk");
        };
        System.out.println("listening on http://127.0.0.1:" + port);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Mirrors ConnectServer's Jetty setup (keep the two in step). */
    private static int jetty() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        config.setRequestHeaderSize(16 * 1024);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, FIXED.length);
                response.write(true, ByteBuffer.wrap(FIXED), callback);
                return true;
            }
        });
        server.start();
        return connector.getLocalPort();
    }

    private static int jdk() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, FIXED.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(FIXED);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }
}
