package io.connectstage.oauth;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One OAuth scope of the Connect API, {@code permission:projectKey} on the wire.
 *
 * <pre>{@code
 * Scope.parse("manage_connectors:my-project"); // Optional[manage_connectors:my-project]
 * }</pre>
 */
public record Scope(Permission permission, String projectKey) {
    private static final Pattern PROJECT_KEY = Pattern.compile("[a-z0-9_-]{2,36}");

    public Scope {
        Objects.requireNonNull(permission, "permission is null");
        Objects.requireNonNull(projectKey, "projectKey is null");
    }

    /**
     * The permissions of api.raml's security schemes, and the auth service's
     * {@code introspect_oauth_tokens}: introspecting the tokens of the project's other clients.
     */
    public enum Permission {
        MANAGE_PROJECT, VIEW_CONNECTORS, MANAGE_CONNECTORS, VIEW_CONNECTORS_DEPLOYMENTS, MANAGE_CONNECTORS_DEPLOYMENTS,
        INTROSPECT_OAUTH_TOKENS;

        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A scope as written on the wire, or empty when it is not one of the Connect API's. */
    public static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = text.substring(0, colon);
        String project = text.substring(colon + 1);
        if (!PROJECT_KEY.matcher(project).matches()) {
            return Optional.empty();
        }
        for (Permission p : Permission.values()) {
            if (p.wireValue().equals(name)) {
                return Optional.of(new Scope(p, project));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return permission.wireValue() + ":" + projectKey;
    }
}
