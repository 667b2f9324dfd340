/**
 * The Connect HTTP API and the auth service on Jetty 12 core handlers: {@link
 * io.connectstage.http.ConnectServer}, and {@link io.connectstage.http.ProjectSpaces}, which keeps
 * each project's connectors to itself. Every route, its method and its scope are in one table,
 * {@code ConnectRoutes}.
 */
package io.connectstage.http;
