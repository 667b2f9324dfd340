package io.connectstage.spec;

import java.util.Objects;

/**
 * One reason why a {@code connect.yaml} is not valid: where, as a dotted path into the file
 * ({@code deployAs.0.configuration.standardConfiguration.1.key}; {@code ""} for the file as a
 * whole, the key name for a top-level key), and what is wrong, in words meant for the connector's
 * author.
 *
 * <pre>{@code
 * new SpecProblem("deployAs.0.name", "'a' does not match ^[a-zA-Z0-9_-]{2,256}$").toString();
 * // "deployAs.0.name: 'a' does not match ^[a-zA-Z0-9_-]{2,256}$"
 * }</pre>
 */
public record SpecProblem(String path, String message) {

    public SpecProblem {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(message, "message is null");
    }

    /** {@code path: message}, or the message alone for the file as a whole. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
