/**
 * Deployments: a published Connector (or a previewable ConnectorStaged) installed into a Project
 * and a Region, as the Merchant Center's install, configure, redeploy and uninstall workflow and
 * the Connect API's {@code /{projectKey}/deployments} describe them. Immutable values
 * ({@link io.connectstage.deployment.Deployment}, {@link io.connectstage.deployment.DeploymentDraft}),
 * the {@code redeploy} action, pure creation and update ({@link io.connectstage.deployment.Deployments}),
 * the status machine as an edge table ({@link io.connectstage.deployment.DeploymentLifecycle}),
 * application logs with cursor paging ({@link io.connectstage.deployment.DeploymentLogPaging}), and
 * the wire JSON ({@link io.connectstage.deployment.DeploymentJson}), which masks secured values.
 */
package io.connectstage.deployment;
