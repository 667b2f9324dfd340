/**
 * The storage SPI: {@link io.connectstage.store.ConnectorStore} (find, insert with unique key,
 * compare-and-set replace, delete, query a page), {@link io.connectstage.store.DeploymentStore}
 * (the same for Deployments of a project, with their log entries), the durable
 * {@link io.connectstage.store.Work} they carry, and the queries they answer.
 */
package io.connectstage.store;
