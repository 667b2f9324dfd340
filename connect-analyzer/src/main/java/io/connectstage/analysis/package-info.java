/**
 * The spec analyzer: a connector's repository at its tag, or a local {@code connect.yaml}, turned
 * into configurations and report entries (Information, Warning, Error) for preview and publish.
 */
package io.connectstage.analysis;
