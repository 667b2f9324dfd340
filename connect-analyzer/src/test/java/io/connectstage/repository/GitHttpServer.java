package io.connectstage.repository;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.GitProtocolConstants;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git smart-HTTP server (protocol v0) on 127.0.0.1 for one repository, made from the JDK's
 * HttpServer and JGit's UploadPack: optional Basic authentication, optionally without the
 * {@code shallow} capability, and recording what the clients asked.
 */
final class GitHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Repository repository;
    private final String expectedAuthorization;
    private final boolean advertiseShallow;
    final AtomicInteger advertisements = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    final List<String> uploadRequests = new CopyOnWriteArrayList<>();

    private GitHttpServer(Path repositoryDir, String user, String password, boolean advertiseShallow) throws IOException {
        this.repository = Git.open(repositoryDir.toFile()).getRepository();
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.advertiseShallow = advertiseShallow;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static GitHttpServer open(Path repositoryDir) throws IOException {
        return new GitHttpServer(repositoryDir, null, null, true);
    }

    static GitHttpServer withBasicAuth(Path repositoryDir, String user, String password) throws IOException {
        return new GitHttpServer(repositoryDir, user, password, true);
    }

    static GitHttpServer withoutShallow(Path repositoryDir) throws IOException {
        return new GitHttpServer(repositoryDir, null, null, false);
    }

    /** The URL of the repository, with {@code userInfo@} in it when given. */
    String url(String userInfo) {
        return "http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    String url() {
        return url(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            try {
                exchange.sendResponseHeaders(500, -1);
            } catch (IOException | RuntimeException alreadyAnswering) {
                // the status line is out already: closing cuts the answer short
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        if (expectedAuthorization != null
                && !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            unauthorized.incrementAndGet();
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/info/refs")
                && "service=git-upload-pack".equals(query)) {
            advertisements.incrementAndGet();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            PacketLineOut out = new PacketLineOut(body);
            out.writeString("# service=git-upload-pack\n");
            out.end();
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(out) {
                @Override
                public void advertiseCapability(String name) {
                    if (advertiseShallow || !GitProtocolConstants.OPTION_SHALLOW.equals(name)) {
                        super.advertiseCapability(name);
                    }
                }
            });
            respond(exchange, "application/x-git-upload-pack-advertisement", body.toByteArray());
        } else if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/git-upload-pack")) {
            InputStream in = exchange.getRequestBody();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            byte[] request = in.readAllBytes();
            uploadRequests.add(new String(request, StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.upload(new java.io.ByteArrayInputStream(request), body, null);
            respond(exchange, "application/x-git-upload-pack-result", body.toByteArray());
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        repository.close();
    }

    /**
     * A server that accepts connections and then either says nothing ({@code trickle} false) or
     * sends a valid-looking answer one byte every 200 ms, so no single read ever times out.
     */
    static final class Stalling implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> clients = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Stalling(boolean trickle) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        clients.add(client);
                        if (trickle) {
                            Thread t = new Thread(() -> trickle(client), "trickle");
                            t.setDaemon(true);
                            t.start();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "stalling-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void trickle(Socket client) {
            try {
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-git-upload-pack-advertisement\r\n"
                        + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] line = "001e# service=git-upload-pack\n".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; !client.isClosed(); i = (i + 1) % line.length) {
                    out.write(line[i]);
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException stopped) {
                // the client went away or the test is over
            }
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/repo.git";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
