/**
 * Processing of what update requests leave pending: the analysis of a connector's repository on
 * an injected executor and clock, the preview and publish outcomes it leads to, the production
 * Connector a publish creates, and the certification desk.
 */
package io.connectstage.processing;
