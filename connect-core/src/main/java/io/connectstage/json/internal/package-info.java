/**
 * Plumbing of the wire JSON shared by the readers of several packages ({@code ConnectJson},
 * {@code DeploymentJson}): public so that they can share it, not part of the API; it may change
 * in any release.
 */
package io.connectstage.json.internal;
