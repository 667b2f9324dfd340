/**
 * The functional core: creating a ConnectorStaged from its draft and applying update requests,
 * with the field rules of the API reference. Pure functions over values; no I/O.
 */
package io.connectstage.staging;
