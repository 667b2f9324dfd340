package io.connectstage.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens that carry what they grant: {@code PAYLOAD.MAC}, both base64url, the payload
 * naming the client, the expiry, the scopes and a random nonce, the MAC an HMAC-SHA256 of the
 * payload keyed by the client's secret. Any server configured with the same client therefore
 * accepts the tokens of every other one, and no server keeps a table of tokens that a client
 * could grow without bound. A token is only as secret as the client secret it is signed with,
 * which the servers already hold; nothing else needs distributing.
 */
final class SignedTokens {
    private static final String VERSION = "1";
    private static final String ALGORITHM = "HmacSHA256";
    /** Longer values are refused before any decoding: a real token is about 200 characters. */
    private static final int MAX_LENGTH = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SignedTokens() {
    }

    /** A new token value granting {@code scopes} of {@code client} until {@code expiresAt}. */
    static String sign(OAuthClient client, List<Scope> scopes, Instant expiresAt) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        // the client id goes last: it is the only field that may contain the separator
        String payload = String.join("\n", VERSION, Long.toString(expiresAt.toEpochMilli()), ENCODER.encodeToString(nonce),
                String.join(" ", scopes.stream().map(Scope::toString).toList()), client.id());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(client, bytes));
    }

    /**
     * The token this value stands for, when it is well formed, signed by the secret of one of
     * {@code clients}, and grants only scopes that client still has; expiry is the caller's check.
     */
    static Optional<AccessToken> verify(String value, Map<String, OAuthClient> clients) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 0 || value.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = Base64.getUrlDecoder().decode(value.substring(0, dot));
            mac = Base64.getUrlDecoder().decode(value.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", 5);
        if (fields.length != 5 || !fields[0].equals(VERSION)) {
            return Optional.empty();
        }
        OAuthClient client = clients.get(fields[4]);
        if (client == null || !MessageDigest.isEqual(mac(client, payload), mac)) {
            return Optional.empty();
        }
        // signed by this client's secret, so the fields below are what this code wrote
        List<Scope> scopes = new ArrayList<>();
        for (String s : fields[3].split(" ")) {
            Optional<Scope> scope = Scope.parse(s);
            if (scope.isEmpty() || !client.scopes().contains(scope.get())) {
                return Optional.empty(); // the client lost this scope since: the token is void
            }
            scopes.add(scope.get());
        }
        String project = scopes.get(0).projectKey();
        if (scopes.stream().anyMatch(s -> !s.projectKey().equals(project))) {
            return Optional.empty(); // never signed here: a token is of one project
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochMilli(Long.parseLong(fields[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new AccessToken(value, client.id(), project, scopes, expiresAt));
    }

    private static byte[] mac(OAuthClient client, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(client.signingKey(), ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
