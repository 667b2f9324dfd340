package io.connectstage.deployment;

import java.util.Objects;

/**
 * The value of a secured configuration key: kept, so that a deployment can hand it to its
 * application, but never shown. {@link #toString()} answers the {@link #MASK}, so a secret cannot
 * reach a log line or an error message by accident, and the wire JSON of
 * {@link DeploymentJson#write} writes the mask in its place. Only {@link #reveal()} gives the
 * value, for the code that deploys and for {@link DeploymentJson#writeForStorage}.
 *
 * <pre>{@code
 * Secret s = Secret.of("p4ssw0rd");
 * s.toString();  // "****"
 * s.reveal();    // "p4ssw0rd"
 * }</pre>
 */
public final class Secret {
    /**
     * What the API shows instead of a secured value: four asterisks, whatever the length of the
     * value, so that not even the length is given away.
     */
    public static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value is null");
    }

    /** A secret holding {@code value}. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value in clear. Never put it in a response, a log line or an error. */
    public String reveal() {
        return value;
    }

    /** Whether the value is empty or only whitespace. */
    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The {@link #MASK}, never the value. */
    @Override
    public String toString() {
        return MASK;
    }
}
