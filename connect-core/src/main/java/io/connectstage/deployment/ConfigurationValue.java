package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The value of a standard (plain-text) configuration key: an environment variable of a Connect
 * application. In a request {@code value} may be {@code null}; the core reports it.
 *
 * <p>{@code new ConfigurationValue("CONFIG_KEY", "config key value")}
 */
@JsonPropertyOrder({"key", "value"})
public record ConfigurationValue(String key, String value) {
}
