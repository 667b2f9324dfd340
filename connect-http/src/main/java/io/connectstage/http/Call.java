package io.connectstage.http;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * A request as a route's handler sees it: the request (headers, body), the named segments of its
 * path, its decoded query parameters, and the space of the project its token opened ({@code null}
 * for an {@link RouteScope#open() open} route, which authenticates its caller itself).
 */
record Call(Request request, PathParams path, Map<String, List<String>> query, ProjectSpace space) {
}
