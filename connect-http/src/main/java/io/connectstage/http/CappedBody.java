package io.connectstage.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body on its way to an application: at most {@code cap} bytes pass (a larger body
 * fails the upload and says so), and once {@link #detach detached} (the application has answered)
 * no read reaches the request any more, so the HTTP client's thread and the server never read it
 * at the same time.
 */
final class CappedBody extends InputStream {
    private final InputStream in;
    private final long cap;
    private long read;
    private boolean detached;
    private boolean ended;
    private boolean tooLarge;
    private boolean broken;

    CappedBody(InputStream in, long cap) {
        this.in = in;
        this.cap = cap;
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (detached) {
            throw new IOException("the application answered before the whole body was sent");
        }
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, cap - read + 1));
        } catch (IOException e) {
            broken = true;
            throw e;
        }
        if (n < 0) {
            ended = true;
            return -1;
        }
        read += n;
        if (read > cap) {
            tooLarge = true;
            throw new IOException("the body is larger than " + cap + " bytes");
        }
        return n;
    }

    /** Says the request has no body: nothing is left to read. */
    synchronized void none() {
        ended = true;
    }

    /** Stops the upload: waits for a read under way, then every further read fails. */
    synchronized void detach() {
        detached = true;
    }

    /** Whether the whole body was read (so the connection can serve the client's next request). */
    synchronized boolean ended() {
        return ended;
    }

    synchronized boolean tooLarge() {
        return tooLarge;
    }

    /** Whether reading the client's body failed (it went away, or sent less than it declared). */
    synchronized boolean broken() {
        return broken;
    }

    synchronized long bytes() {
        return read;
    }

    @Override
    public void close() {
        // the request's stream belongs to the server: the HTTP client closing it must not end the exchange
    }
}
