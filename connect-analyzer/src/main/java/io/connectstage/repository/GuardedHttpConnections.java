package io.connectstage.repository;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.URL;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connection factory, wrapped so that a connection opened by a guarded fetch is
 * registered with its {@link FetchGuard} (which disconnects it when the fetch is stopped) and its
 * body is read through the guard (deadline and byte cap on every read). JGit has one factory
 * per process; this wrapper delegates to the one it found for every connection opened outside a
 * guarded fetch, and inside one when that factory is not JGit's JDK one (then only the
 * deadline of the pack stream and the read timeout bound the fetch).
 */
final class GuardedHttpConnections implements HttpConnectionFactory {

    private final HttpConnectionFactory delegate;

    private GuardedHttpConnections(HttpConnectionFactory delegate) {
        this.delegate = delegate;
    }

    /** Installs the wrapper around JGit's current factory, once. */
    static synchronized void install() {
        HttpConnectionFactory current = HttpTransport.getConnectionFactory();
        if (!(current instanceof GuardedHttpConnections)) {
            HttpTransport.setConnectionFactory(new GuardedHttpConnections(current));
        }
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, null);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        FetchGuard guard = FetchGuard.current();
        if (guard == null || !(delegate instanceof JDKHttpConnectionFactory)) {
            return proxy == null ? delegate.create(url) : delegate.create(url, proxy);
        }
        guard.check();
        guard.checkHost(url.getHost());
        java.net.URLConnection opened = proxy == null ? url.openConnection() : url.openConnection(proxy);
        if (!(opened instanceof HttpURLConnection)) {
            throw new IOException("not an HTTP URL");
        }
        return guarded((HttpURLConnection) opened, guard);
    }

    /** {@code connection} as a connection of the fetch of {@code guard}, registered with it. */
    static HttpConnection guarded(HttpURLConnection connection, FetchGuard guard) {
        Guarded guarded = new Guarded(connection, guard);
        guard.register(guarded::disconnect);
        return guarded;
    }

    /**
     * One connection of a guarded fetch, over the JDK's {@link HttpURLConnection} held here so that
     * {@link FetchGuard#stop()} can {@code disconnect()} it: that closes the socket under a read
     * blocked waiting for the answer. A read of the body holds the lock of the JDK's response
     * stream, which the disconnect needs too: it ends with the next byte or the read timeout, and
     * the guard fails the reads after it. The body is read through the guard.
     *
     * <p>The response stream is closed once, by the fetch thread or by the guard's closer,
     * whichever comes first; the other does not wait for it. Two closes of one JDK stream under way
     * together can block one of them for as long as the server trickles: the first hands the
     * unread rest of the body to the JDK's keep-alive cleaner, which drains it holding the
     * stream's lock, and the second waits for that lock.
     */
    private static final class Guarded implements HttpConnection {
        private final HttpURLConnection c;
        private final FetchGuard guard;
        private final AtomicBoolean closing = new AtomicBoolean();
        private volatile boolean closed;

        Guarded(HttpURLConnection c, FetchGuard guard) {
            this.c = c;
            this.guard = guard;
        }

        void disconnect() {
            // once the fetch thread's close is over, disconnecting no longer touches the stream
            if (closing.compareAndSet(false, true) || closed) {
                c.disconnect();
            }
        }

        @Override
        public InputStream getInputStream() throws IOException {
            guard.check();
            return guard.guardConnection(new FilterInputStream(c.getInputStream()) {
                @Override
                public void close() throws IOException {
                    if (closing.compareAndSet(false, true)) {
                        try {
                            super.close();
                        } finally {
                            closed = true;
                        }
                    }
                }
            });
        }

        @Override
        public int getResponseCode() throws IOException {
            guard.check();
            return c.getResponseCode();
        }

        @Override
        public URL getURL() {
            return c.getURL();
        }

        @Override
        public String getResponseMessage() throws IOException {
            return c.getResponseMessage();
        }

        @Override
        public Map<String, List<String>> getHeaderFields() {
            Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Map.Entry<String, List<String>> e : c.getHeaderFields().entrySet()) {
                if (e.getKey() != null) {
                    fields.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
                }
            }
            return fields;
        }

        @Override
        public void setRequestProperty(String key, String value) {
            c.setRequestProperty(key, value);
        }

        @Override
        public void setRequestMethod(String method) throws ProtocolException {
            c.setRequestMethod(method);
        }

        @Override
        public void setUseCaches(boolean usecaches) {
            c.setUseCaches(usecaches);
        }

        @Override
        public void setConnectTimeout(int timeout) {
            c.setConnectTimeout(timeout);
        }

        @Override
        public void setReadTimeout(int timeout) {
            c.setReadTimeout(timeout);
        }

        @Override
        public String getContentType() {
            return c.getContentType();
        }

        @Override
        public String getHeaderField(String name) {
            return c.getHeaderField(name);
        }

        @Override
        public List<String> getHeaderFields(String name) {
            List<String> values = getHeaderFields().get(name);
            return values == null ? List.of() : Collections.unmodifiableList(values);
        }

        @Override
        public int getContentLength() {
            return c.getContentLength();
        }

        @Override
        public void setInstanceFollowRedirects(boolean followRedirects) {
            c.setInstanceFollowRedirects(followRedirects);
        }

        @Override
        public void setDoOutput(boolean dooutput) {
            c.setDoOutput(dooutput);
        }

        @Override
        public void setFixedLengthStreamingMode(int contentLength) {
            c.setFixedLengthStreamingMode(contentLength);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            guard.check();
            return c.getOutputStream();
        }

        @Override
        public void setChunkedStreamingMode(int chunklen) {
            c.setChunkedStreamingMode(chunklen);
        }

        @Override
        public String getRequestMethod() {
            return c.getRequestMethod();
        }

        @Override
        public boolean usingProxy() {
            return c.usingProxy();
        }

        @Override
        public void connect() throws IOException {
            guard.check();
            c.connect();
        }

        @Override
        public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws NoSuchAlgorithmException, KeyManagementException {
            if (c instanceof HttpsURLConnection) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(km, tm, random);
                ((HttpsURLConnection) c).setSSLSocketFactory(context.getSocketFactory());
            }
        }

        @Override
        public void setHostnameVerifier(HostnameVerifier verifier) {
            if (c instanceof HttpsURLConnection) {
                ((HttpsURLConnection) c).setHostnameVerifier(verifier);
            }
        }
    }
}
