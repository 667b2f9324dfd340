package io.connectstage.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectstage.json.ConnectJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running "application" for the proxy's tests, on a free port: answers every request with what
 * it received as JSON (method, raw path, raw query, headers, body); {@code /slow} answers only once
 * {@link #close()}d; {@code /big} declares a body of 4096 bytes and {@code /stream-big} streams one
 * without declaring it; {@code /status/N} answers status N.
 */
final class EchoApplication implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    /** Counted down when a request to {@code /slow} arrives. */
    final CountDownLatch slowArrived = new CountDownLatch(1);

    EchoApplication() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/slow")) {
                slowArrived.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (path.equals("/big") || path.equals("/stream-big")) {
                exchange.sendResponseHeaders(200, path.equals("/big") ? 4096 : 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(new byte[4096]);
                }
                return;
            }
            int status = path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : 200;
            ObjectNode echo = ConnectJson.mapper().createObjectNode();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("query", exchange.getRequestURI().getRawQuery());
            ObjectNode headers = echo.putObject("headers");
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            echo.put("body", new String(body, StandardCharsets.UTF_8));
            byte[] out = echo.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-App", "echo");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    /** Stops answering: its port refuses connections from now on. */
    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
