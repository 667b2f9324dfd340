package io.connectstage.oauth;

import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auth service: issues access tokens to registered clients (client credentials grant) and
 * answers which token is which. Tokens are {@link SignedTokens signed} by their client's secret
 * and expire after {@link #lifetime()} on the given clock: nothing is kept per token, and every
 * issuer that knows the client accepts them, so a client may log in to one server and call another.
 *
 * <pre>{@code
 * TokenIssuer issuer = new TokenIssuer(List.of(client), Clock.systemUTC(), Duration.ofHours(48));
 * Either<OAuthError, AccessToken> token = issuer.issue("my-id", "my-secret", null);
 * }</pre>
 */
public final class TokenIssuer {
    /** commercetools' token lifetime: 48 hours. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(48);

    private final Map<String, OAuthClient> clients;
    private final Clock clock;
    private final Duration lifetime;
    /** Tokens this issuer verified, by value; bounded by {@link #VERIFIED_CACHE_SIZE}. */
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();
    static final int VERIFIED_CACHE_SIZE = 1024;

    public TokenIssuer(List<OAuthClient> clients, Clock clock, Duration lifetime) {
        Map<String, OAuthClient> byId = new LinkedHashMap<>();
        for (OAuthClient c : clients) {
            if (byId.put(c.id(), c) != null) {
                throw new IllegalArgumentException("client id '" + c.id() + "' given twice");
            }
        }
        this.clients = Map.copyOf(byId);
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime is null");
    }

    public Duration lifetime() {
        return lifetime;
    }

    public List<OAuthClient> clients() {
        return List.copyOf(clients.values());
    }

    /** The client with this id and secret; {@code invalid_client} otherwise (which of the two is wrong is not said). */
    public Either<OAuthError, OAuthClient> authenticate(String clientId, String secret) {
        OAuthClient client = clientId == null ? null : clients.get(clientId);
        // compare even for an unknown id, so that the answer takes as long
        boolean matches = client != null ? client.secretMatches(secret) : DUMMY.secretMatches(secret);
        if (client == null || !matches) {
            return Either.left(OAuthError.invalidClient());
        }
        return Either.right(client);
    }

    private static final OAuthClient DUMMY = OAuthClient.generate("dummy");

    /**
     * A token for this client with the scopes asked for (space separated), all of one project; a
     * scope the client does not have is {@code invalid_scope}, and so are scopes of several
     * projects. {@code null} or blank: all of the client's scopes of its first project (for a
     * client of one project, all its scopes).
     */
    public Either<OAuthError, AccessToken> issue(String clientId, String secret, String requestedScope) {
        return authenticate(clientId, secret).flatMap(client -> issue(client, requestedScope));
    }

    /** {@link #issue(String, String, String)} for an authenticated client. */
    public Either<OAuthError, AccessToken> issue(OAuthClient client, String requestedScope) {
        List<Scope> granted;
        if (requestedScope == null || requestedScope.isBlank()) {
            granted = client.scopesOf(client.projectKey());
        } else {
            granted = new ArrayList<>();
            for (String s : requestedScope.trim().split("\\s+")) {
                Optional<Scope> scope = Scope.parse(s);
                if (scope.isEmpty() || !client.scopes().contains(scope.get())) {
                    return Either.left(OAuthError.invalidScope(s));
                }
                if (!granted.contains(scope.get())) {
                    granted.add(scope.get());
                }
            }
            List<String> projects = granted.stream().map(Scope::projectKey).distinct().toList();
            if (projects.size() > 1) {
                return Either.left(OAuthError.severalProjects(projects));
            }
        }
        // to the millisecond, as the token carries it
        Instant expiresAt = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.MILLIS);
        return Either.right(new AccessToken(SignedTokens.sign(client, granted, expiresAt), client.id(),
                granted.get(0).projectKey(), granted, expiresAt));
    }

    /**
     * The live token with this value, if any: signed by one of this issuer's clients, granting
     * only scopes that client has, and not expired on this issuer's clock.
     */
    public Optional<AccessToken> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AccessToken token = verified.get(value);
        if (token == null) {
            token = SignedTokens.verify(value, clients).orElse(null);
            if (token == null) {
                return Optional.empty(); // refusals are not kept: they would let anyone fill the cache
            }
            remember(token);
        }
        return now.isBefore(token.expiresAt()) ? Optional.of(token) : Optional.empty();
    }

    /**
     * Keeps a verified token, so that its next requests skip the MAC and the parsing: what a token
     * grants never changes (the clients of an issuer are fixed), only whether it has expired, which
     * {@link #find} checks every time. At most {@link #VERIFIED_CACHE_SIZE} tokens are kept; when
     * full, the cache starts over (clients that keep their token, the common case, fill it again at once).
     */
    private void remember(AccessToken token) {
        if (verified.size() >= VERIFIED_CACHE_SIZE) {
            verified.clear();
        }
        verified.put(token.value(), token);
    }

    /** How many verified tokens are kept now (for tests). */
    int verifiedCount() {
        return verified.size();
    }

    /** The number of seconds this token has left, at least 0. */
    public long secondsLeft(AccessToken token) {
        return Math.max(0, Duration.between(clock.instant(), token.expiresAt()).getSeconds());
    }
}
