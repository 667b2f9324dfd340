package io.connectstage.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers plain reads on the thread that read them, everything else on the thread pool: for
 * stores that never block (memory), a GET without a body and without a query string (a connector
 * or Deployment by id or key, or the first page of 20) costs a few microseconds of CPU, less than
 * handing it to another thread, and on a machine with few cores that hand-off (a thread woken per
 * request) is what the slowest requests wait for. Jetty calls a non-blocking handler directly
 * from the thread that found the request, so this handler says it never blocks, and keeps that
 * promise by handing every request that might block (a body to read, a query to run) to the pool.
 */
final class InlineReads extends Handler.Wrapper {
    InlineReads(Handler next) {
        super(next);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (inline(request)) {
            return super.handle(request, response, callback);
        }
        getServer().getThreadPool().execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable x) {
                callback.failed(x);
            }
        });
        return true;
    }

    /** A request to a running application waits for it: never on the thread that read it. */
    private static boolean proxied(Request request) {
        String path = request.getHttpURI().getDecodedPath();
        return path == null || path.startsWith(AppProxy.PREFIX);
    }

    static boolean inline(Request request) {
        return request.getMethod().equals("GET") && request.getHttpURI().getQuery() == null && request.getLength() <= 0
                && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING) && !proxied(request);
    }
}
