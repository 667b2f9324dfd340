package io.connectstage.http;

import java.util.Objects;

/** One row of a {@link RouteTable}: a method and a path template, who may call it, and what answers. */
record Route(String method, PathTemplate template, RouteScope scope, RouteHandler handler) {

    Route {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(template, "template is null");
        Objects.requireNonNull(scope, "scope is null");
        Objects.requireNonNull(handler, "handler is null");
    }

    /** Whether this route answers {@code m}: its own method, or any for a route of method {@code *}. */
    boolean takes(String m) {
        return method.equals("*") || method.equals(m);
    }

    @Override
    public String toString() {
        return method + " " + template + " " + scope;
    }
}
