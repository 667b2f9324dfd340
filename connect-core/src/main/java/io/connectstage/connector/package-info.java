/**
 * The resources of the Connect API as immutable values: {@link io.connectstage.connector.ConnectorStaged}
 * and its draft, the published {@link io.connectstage.connector.Connector}, their parts, and the
 * enums with their wire spellings. The Jackson annotations here are the wire format, field for
 * field; everything else about JSON lives in {@code io.connectstage.json}.
 */
package io.connectstage.connector;
