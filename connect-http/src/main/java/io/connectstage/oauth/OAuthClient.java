package io.connectstage.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An API client: an id, a secret and the scopes it may ask for. Most clients have scopes of one
 * project, as commercetools' do; an <em>organization client</em> has scopes of several, and its
 * organization is the projects they name. Every token is still of one project (see
 * {@link TokenIssuer#issue(OAuthClient, String)}). The secret never appears in {@link #toString()}.
 *
 * <pre>{@code
 * OAuthClient client = OAuthClient.parse("my-id:my-secret:manage_project:shop-eu,view_connectors:shop-us").get();
 * client.projectKeys();         // [shop-eu, shop-us]
 * client.projectKey();          // "shop-eu": the project of a token asked for without a scope
 * client.scopesOf("shop-us");   // [view_connectors:shop-us]
 * }</pre>
 */
public final class OAuthClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final byte[] secret;
    private final List<Scope> scopes;
    private final List<String> projectKeys;
    private final byte[] signingKey;

    private OAuthClient(String id, String secret, List<Scope> scopes) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.secret = Objects.requireNonNull(secret, "secret is null").getBytes(StandardCharsets.UTF_8);
        this.scopes = List.copyOf(scopes);
        this.projectKeys = this.scopes.stream().map(Scope::projectKey).distinct().toList();
        this.signingKey = sha256(this.secret);
    }

    /**
     * A client with these scopes, of one project or (an organization client) of several.
     *
     * @throws IllegalArgumentException when the id or secret is empty or contains a colon, or
     *         there is no scope
     */
    public static OAuthClient of(String id, String secret, List<Scope> scopes) {
        if (id == null || id.isEmpty() || id.contains(":")) {
            throw new IllegalArgumentException("a client id is not empty and has no ':'");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the secret of client '" + id + "' is empty");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("client '" + id + "' has no scope");
        }
        return new OAuthClient(id, secret, scopes);
    }

    /**
     * {@code ID:SECRET:SCOPE[,SCOPE...]}, split on the first two colons only (scopes have colons
     * of their own). The error message never contains the secret.
     */
    public static io.vavr.control.Either<String, OAuthClient> parse(String text) {
        int first = text == null ? -1 : text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        if (second < 0) {
            return io.vavr.control.Either.left("a client is ID:SECRET:SCOPE[,SCOPE...]");
        }
        String id = text.substring(0, first);
        String secret = text.substring(first + 1, second);
        List<Scope> scopes = new ArrayList<>();
        for (String s : text.substring(second + 1).split(",")) {
            Optional<Scope> scope = Scope.parse(s.trim());
            if (scope.isEmpty()) {
                return io.vavr.control.Either.left("client '" + id + "': '" + s.trim()
                        + "' is not a scope (permission:projectKey, permission one of manage_project, view_connectors,"
                        + " manage_connectors, view_connectors_deployments, manage_connectors_deployments,"
                        + " introspect_oauth_tokens)");
            }
            scopes.add(scope.get());
        }
        try {
            return io.vavr.control.Either.right(of(id, secret, scopes));
        } catch (IllegalArgumentException e) {
            return io.vavr.control.Either.left(e.getMessage());
        }
    }

    /** A client with a random id and secret and {@code manage_project:projectKey}. */
    public static OAuthClient generate(String projectKey) {
        return generate(List.of(projectKey));
    }

    /**
     * A client with a random id and secret and {@code manage_project} of each of these projects,
     * in this order: with several, an organization client.
     */
    public static OAuthClient generate(List<String> projectKeys) {
        return of("client-" + random(9), random(24),
                projectKeys.stream().map(p -> new Scope(Scope.Permission.MANAGE_PROJECT, p)).toList());
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String id() {
        return id;
    }

    public List<Scope> scopes() {
        return scopes;
    }

    /**
     * The project of the client's first scope: the project of the tokens it asks for without a
     * scope, and for most clients their only one.
     */
    public String projectKey() {
        return projectKeys.get(0);
    }

    /** The projects the client's scopes name, in the order of their first scope: its organization. */
    public List<String> projectKeys() {
        return projectKeys;
    }

    /** The client's scopes of this project, in order; empty for a project it has none of. */
    public List<Scope> scopesOf(String projectKey) {
        return scopes.stream().filter(s -> s.projectKey().equals(projectKey)).toList();
    }

    /** Whether {@code candidate} is the secret, compared in constant time. */
    public boolean secretMatches(String candidate) {
        byte[] given = candidate == null ? new byte[0] : candidate.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(secret, given);
    }

    /**
     * The key this client's tokens are signed with: derived from the secret, so that servers
     * given the same client accept each other's tokens.
     */
    byte[] signingKey() {
        return signingKey.clone();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The {@code --client} argument that recreates this client; it contains the secret. */
    public String toArgument() {
        return id + ":" + new String(secret, StandardCharsets.UTF_8) + ":"
                + String.join(",", scopes.stream().map(Scope::toString).toList());
    }

    @Override
    public String toString() {
        return "OAuthClient[" + id + ", " + scopes + "]";
    }
}
