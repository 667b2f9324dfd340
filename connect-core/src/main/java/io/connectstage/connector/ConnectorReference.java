package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A reference to a Connector or ConnectorStaged by {@code id} or {@code key}, optionally at a
 * {@code version}; {@code staged} says which of the two is meant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "key", "version", "staged"})
public record ConnectorReference(String id, String key, Long version, Boolean staged) {
}
