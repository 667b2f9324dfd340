package io.connectstage.console;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the console in front of the Connect API: a {@code GET} or {@code HEAD} of {@code /} or
 * of one of the console's files under {@code /console/} is answered here, every other request
 * (other methods, other paths, unknown files) goes on to the wrapped API handler unchanged.
 *
 * <pre>{@code
 * server.setHandler(new ConsoleHandler(apiHandler));
 * }</pre>
 *
 * <p>Every file carries a strict Content-Security-Policy (scripts, styles and fetches from this
 * origin only, nothing inline, no framing), {@code X-Content-Type-Options: nosniff}, an entity tag
 * from its content hash and {@code Cache-Control: no-cache}: the browser keeps the file and asks
 * each time whether it changed, which a new build of the jar answers with the new bytes, never
 * stale ones.
 */
public final class ConsoleHandler extends Handler.Wrapper {
    /** What the console's pages may load and do: only this origin's scripts, styles and API. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final ConsoleAssets assets = ConsoleAssets.load();
    private final Function<Request, Map<String, String>> extraHeaders;

    public ConsoleHandler(Handler api) {
        this(api, request -> Map.of());
    }

    /**
     * With headers of the server's own on each file's answer, e.g. the {@code X-Correlation-ID}
     * that every answer of the API carries.
     */
    public ConsoleHandler(Handler api, Function<Request, Map<String, String>> extraHeaders) {
        super(api);
        this.extraHeaders = Objects.requireNonNull(extraHeaders, "extraHeaders is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            return super.handle(request, response, callback);
        }
        String path = request.getHttpURI().getPath();
        if (path == null || !(path.equals("/") || path.startsWith("/console/"))) {
            return super.handle(request, response, callback);
        }
        var asset = assets.at(path);
        if (asset.isEmpty()) {
            return super.handle(request, response, callback);
        }
        extraHeaders.apply(request).forEach(response.getHeaders()::put);
        serve(asset.get(), head, request, response, callback);
        return true;
    }

    private static void serve(ConsoleAsset asset, boolean head, Request request, Response response, Callback callback) {
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, asset.contentType());
        headers.put(HttpHeader.ETAG, asset.etag());
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, asset.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        headers.put(HttpHeader.CONTENT_LENGTH, asset.bytes().length);
        if (head) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(asset.bytes()).asReadOnlyBuffer(), callback);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
