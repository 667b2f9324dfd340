package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A secret environment variable of a Connect application: it never has a default value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"key", "description", "required"})
public record SecuredConfigurationKey(String key, String description, Boolean required) {
}
