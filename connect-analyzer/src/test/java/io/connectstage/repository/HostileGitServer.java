package io.connectstage.repository;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;

/**
 * A smart-HTTP git server (protocol v0, no capabilities) on 127.0.0.1 that advertises one tag
 * and answers every fetch with a pack of its own making: a crafted one (an object declaring a
 * huge size) or an endless one streamed for as long as the client reads. It counts the bytes it
 * managed to send, so a test can see the transfer stop.
 */
final class HostileGitServer implements AutoCloseable {

    static final String TAG = "1.0.0";
    private static final String TARGET = "1234567890123456789012345678901234567890";

    /** Writes the body of the answer to a fetch, after the NAK. */
    @FunctionalInterface
    interface PackWriter {
        void write(OutputStream out, AtomicLong sent) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final PackWriter pack;
    final AtomicLong sent = new AtomicLong();

    private HostileGitServer(PackWriter pack) throws IOException {
        this.pack = pack;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-git-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers with a well-formed pack of one object of {@code type} whose header declares {@code declaredSize} bytes. */
    static HostileGitServer declaringObjectOf(int type, long declaredSize) throws IOException {
        byte[] pack = onePackOf(type, declaredSize, deflate(new byte[16]));
        return new HostileGitServer((out, sent) -> {
            out.write(pack);
            sent.addAndGet(pack.length);
        });
    }

    /** Answers with a pack whose one blob declares {@code declaredSize} bytes and streams its data for ever, fast. */
    static HostileGitServer streamingBlobOf(long declaredSize) throws IOException {
        return new HostileGitServer((out, sent) -> {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(packHeader(1));
            head.write(objectHeader(3, declaredSize));
            out.write(head.toByteArray());
            Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
            byte[] zeros = new byte[64 * 1024];
            byte[] buffer = new byte[80 * 1024];
            while (true) {
                deflater.setInput(zeros);
                int n;
                while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                    out.write(buffer, 0, n);
                    sent.addAndGet(n);
                }
                out.flush();
                Thread.sleep(4);
            }
        });
    }

    /**
     * Answers with a pack of a small blob and a delta against it whose header declares a result of
     * {@code declaredResultSize} bytes: a few dozen bytes on the wire, an allocation of that size
     * when the delta is applied.
     */
    static HostileGitServer declaringDeltaResultOf(long declaredResultSize) throws IOException {
        byte[] base = "hello".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        writeVarint(delta, base.length);
        writeVarint(delta, declaredResultSize);
        delta.write(1);            // insert one byte
        delta.write('x');
        byte[] deltaBytes = delta.toByteArray();
        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        pack.write(packHeader(2));
        pack.write(objectHeader(3, base.length));
        pack.write(deflate(base));
        pack.write(objectHeader(7, deltaBytes.length)); // REF_DELTA
        byte[] baseId = new byte[20];
        new org.eclipse.jgit.lib.ObjectInserter.Formatter().idFor(3, base).copyRawTo(baseId, 0);
        pack.write(baseId);
        pack.write(deflate(deltaBytes));
        byte[] body = withChecksum(pack.toByteArray());
        return new HostileGitServer((out, sent) -> {
            out.write(body);
            sent.addAndGet(body.length);
        });
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] withChecksum(byte[] pack) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(pack);
            out.write(MessageDigest.getInstance("SHA-1").digest(pack));
            return out.toByteArray();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/info/refs")) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(pkt("# service=git-upload-pack\n"));
                body.write("0000".getBytes(StandardCharsets.US_ASCII));
                body.write(pkt(TARGET + " refs/tags/" + TAG + "\0multi_ack_detailed\n"));
                body.write("0000".getBytes(StandardCharsets.US_ASCII));
                exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
                exchange.sendResponseHeaders(200, body.size());
                exchange.getResponseBody().write(body.toByteArray());
            } else if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/git-upload-pack")) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write(pkt("NAK\n"));
                pack.write(out, sent);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException | InterruptedException clientGone) {
            // the client stopped reading: that is what the tests want to see
        }
    }

    private static byte[] pkt(String line) {
        byte[] data = line.getBytes(StandardCharsets.UTF_8);
        return (String.format("%04x", data.length + 4) + line).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] packHeader(int objects) {
        return new byte[] {'P', 'A', 'C', 'K', 0, 0, 0, 2, 0, 0, 0, (byte) objects};
    }

    /** The pack encoding of an object's type and size: 4 bits of size in the first byte, 7 in each next one. */
    static byte[] objectHeader(int type, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long s = size >>> 4;
        int first = (type << 4) | (int) (size & 0x0f);
        out.write(s != 0 ? first | 0x80 : first);
        while (s != 0) {
            int b = (int) (s & 0x7f);
            s >>>= 7;
            out.write(s != 0 ? b | 0x80 : b);
        }
        return out.toByteArray();
    }

    static byte[] onePackOf(int type, long declaredSize, byte[] deflated) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(packHeader(1));
            out.write(objectHeader(type, declaredSize));
            out.write(deflated);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            out.write(sha1.digest(out.toByteArray()));
            return out.toByteArray();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflating = new java.util.zip.DeflaterOutputStream(out)) {
            deflating.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
