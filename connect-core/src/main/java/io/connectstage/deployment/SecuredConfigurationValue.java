package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The value of a secured configuration key. The value is a {@link Secret}: stored, handed to the
 * application, masked on the wire and in {@code toString()}.
 *
 * <p>{@code SecuredConfigurationValue.of("CONFIG_SECRET", "s3cr3t")}
 */
@JsonPropertyOrder({"key", "value"})
public record SecuredConfigurationValue(String key, Secret value) {

    /** A secured value from its clear text. */
    public static SecuredConfigurationValue of(String key, String value) {
        return new SecuredConfigurationValue(key, value == null ? null : Secret.of(value));
    }
}
