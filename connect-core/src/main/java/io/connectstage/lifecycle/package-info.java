/**
 * The status and previewable state machine of a ConnectorStaged: the tables of allowed moves and
 * the pure functions that make them, for update actions and for the processing that settles them.
 */
package io.connectstage.lifecycle;
