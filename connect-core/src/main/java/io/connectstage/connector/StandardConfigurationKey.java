package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A standard (plain-text) environment variable of a Connect application. {@code required} is
 * {@code null} when {@code connect.yaml} does not say; the API then reads it as {@code false}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"key", "description", "required", "default"})
public record StandardConfigurationKey(
        String key,
        String description,
        Boolean required,
        @JsonProperty("default") String defaultValue) {
}
