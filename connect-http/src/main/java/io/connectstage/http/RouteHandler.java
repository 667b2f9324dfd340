package io.connectstage.http;

/** What answers a route, once its {@link RouteScope} let the call in. */
@FunctionalInterface
interface RouteHandler {
    Answer handle(Call call);
}
