package io.connectstage.oauth;

/**
 * An OAuth error as commercetools answers it: the HTTP status, the {@code error} code
 * ({@code invalid_client}, {@code invalid_token}, {@code insufficient_scope}, ...) and a
 * description that never holds a secret or a token.
 */
public record OAuthError(int statusCode, String error, String description) {

    public static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "Please provide valid client credentials using HTTP Basic Authentication.");
    }

    public static OAuthError invalidScope(String scope) {
        return new OAuthError(400, "invalid_scope", "Invalid scope: " + scope.replaceAll("[^A-Za-z0-9_:.-]", "?"));
    }

    /**
     * Scopes the client has, of several projects in one token: as at commercetools, a token is of
     * one project, so the client asks one per project. The keys passed the {@link Scope} pattern.
     */
    public static OAuthError severalProjects(java.util.List<String> projectKeys) {
        return new OAuthError(400, "invalid_scope", "A token is for one project; the scopes asked name "
                + String.join(", ", projectKeys) + ". Ask one token per project.");
    }

    public static OAuthError unsupportedGrantType() {
        return new OAuthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidToken() {
        return new OAuthError(401, "invalid_token", "invalid_token");
    }

    public static OAuthError insufficientScope(String needed) {
        return new OAuthError(403, "insufficient_scope", "Insufficient scope. One of the following scopes is missing: " + needed);
    }
}
