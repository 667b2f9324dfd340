/**
 * Runs the applications of Deployments for real ({@link io.connectstage.processing.DeploymentRunner}):
 * the connector's repository at the deployed tag, each application built with npm and started
 * with {@code npm start} on a free port, its output as the Deployment's logs; events delivered as
 * Pub/Sub push requests; jobs called on their schedule. It runs the repository's code: opt-in.
 */
package io.connectstage.runner;
