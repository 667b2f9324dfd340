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

    @Override
    public String toString() {
        return method + " " + template + " " + scope;
    }
}
