/**
 * A JUnit 5 extension that runs the Connect HTTP API for a test class: {@link
 * io.connectstage.junit.ConnectServerTest} for the simple case, {@link
 * io.connectstage.junit.ConnectServerExtension} with a builder for the rest.
 */
package io.connectstage.junit;
