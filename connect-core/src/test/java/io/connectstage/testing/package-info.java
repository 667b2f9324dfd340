/**
 * Shared test fixtures, shipped in connect-core's test-jar: sample connectors brought into any
 * status through the real lifecycle, and assertions on error values.
 */
package io.connectstage.testing;
