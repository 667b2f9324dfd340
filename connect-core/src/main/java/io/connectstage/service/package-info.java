/**
 * The imperative shell: {@link io.connectstage.service.ConnectorStagedService} ties the pure core
 * to a store, a clock and an id source, and answers as the Connect API does.
 */
package io.connectstage.service;
