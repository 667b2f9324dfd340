/**
 * A JUnit 5 extension that runs the Connect HTTP API for a test class, a test or a whole run:
 * {@link io.connectstage.junit.ConnectServerTest} for the simple case, {@link
 * io.connectstage.junit.ConnectServerExtension} with a builder for the rest. Tests receive
 * {@link io.connectstage.junit.ConnectServerInfo} (tokens, in-process services, faults, a typed
 * HTTP helper answering {@link io.connectstage.junit.ConnectResponse}); each starts from empty stores.
 */
package io.connectstage.junit;
