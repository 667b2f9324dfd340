package io.connectstage.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An access token as the auth service issued it: the client, the project and granted scopes, and
 * when it expires. A token is of one project, even when its client's scopes name several (an
 * organization client). {@link #toString()} leaves the token itself out.
 */
public record AccessToken(String value, String clientId, String projectKey, List<Scope> scopes, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value is null");
        Objects.requireNonNull(clientId, "clientId is null");
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(expiresAt, "expiresAt is null");
        scopes = List.copyOf(scopes);
        for (Scope s : scopes) {
            if (!s.projectKey().equals(projectKey)) {
                throw new IllegalArgumentException("a token of project '" + projectKey + "' cannot grant " + s);
            }
        }
    }

    /** The granted scopes as the wire has them, separated by spaces. */
    public String scopeString() {
        return String.join(" ", scopes.stream().map(Scope::toString).toList());
    }

    /** Whether the token grants any of these permissions on its project. */
    public boolean grantsAny(java.util.Set<Scope.Permission> permissions) {
        for (Scope s : scopes) { // a loop, not a stream: this runs for every request
            if (permissions.contains(s.permission())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "AccessToken[client=" + clientId + ", scope=" + scopeString() + ", expiresAt=" + expiresAt + "]";
    }
}
