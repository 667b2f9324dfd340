package io.connectstage.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Access tokens signed by their client's secret")
class TokenIssuerTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456Z");
    private static final OAuthClient CLIENT = OAuthClient.parse("me:top-secret-1:manage_project:proj,view_connectors:proj").get();

    private static TokenIssuer issuer(Clock clock, OAuthClient... clients) {
        return new TokenIssuer(List.of(clients), clock, Duration.ofHours(48));
    }

    private static TokenIssuer issuer(OAuthClient... clients) {
        return issuer(Clock.fixed(T0, ZoneOffset.UTC), clients);
    }

    private static String token(TokenIssuer issuer, String scope) {
        return issuer.issue("me", "top-secret-1", scope).get().value();
    }

    @Test
    void aTokenOfOneIssuerIsAcceptedByAnotherThatKnowsTheSameClient() {
        String value = token(issuer(CLIENT), null);

        AccessToken found = issuer(OAuthClient.parse("me:top-secret-1:manage_project:proj,view_connectors:proj").get())
                .find(value).orElseThrow();

        assertEquals("me", found.clientId());
        assertEquals("proj", found.projectKey());
        assertEquals("manage_project:proj view_connectors:proj", found.scopeString());
        assertEquals(T0.plus(Duration.ofHours(48)).toEpochMilli(), found.expiresAt().toEpochMilli());
    }

    @Test
    void theGrantedScopesAreTheOnesAskedFor() {
        assertEquals("view_connectors:proj", issuer(CLIENT).find(token(issuer(CLIENT), "view_connectors:proj")).orElseThrow().scopeString());
    }

    @Test
    void twoTokensOfOneClientDiffer() {
        TokenIssuer issuer = issuer(CLIENT);
        assertFalse(token(issuer, null).equals(token(issuer, null)));
    }

    @Test
    void aTokenSignedWithAnotherSecretOfTheSameClientIdIsRefused() {
        String value = token(issuer(CLIENT), null);

        assertTrue(issuer(OAuthClient.parse("me:other-secret:manage_project:proj,view_connectors:proj").get()).find(value).isEmpty());
    }

    @Test
    void aTokenGrantingAScopeTheClientNoLongerHasIsRefused() {
        String value = token(issuer(CLIENT), null);

        assertTrue(issuer(OAuthClient.parse("me:top-secret-1:view_connectors:proj").get()).find(value).isEmpty());
    }

    @Test
    void aTokenExpiresAfterTheLifetimeOnTheIssuersClock() {
        MutableClock clock = new MutableClock(T0);
        TokenIssuer issuer = issuer(clock, CLIENT);
        String value = token(issuer, null);

        clock.now = T0.plus(Duration.ofHours(48)).minusMillis(200);
        assertTrue(issuer.find(value).isPresent());
        clock.now = T0.plus(Duration.ofHours(48));
        assertTrue(issuer.find(value).isEmpty());
    }

    @Nested
    @DisplayName("An organization client: scopes of several projects, each token of one")
    class Organization {
        private final OAuthClient org = OAuthClient.parse("org:org-secret:manage_project:eu,view_connectors:us,manage_connectors:us")
                .get();

        private Either<OAuthError, AccessToken> issue(String scope) {
            return issuer(org).issue("org", "org-secret", scope);
        }

        @Test
        @DisplayName("without a scope, the token is of its first project with all the client's scopes of it")
        void withoutAScopeTheFirstProject() {
            AccessToken token = issue(null).get();

            assertEquals("eu", token.projectKey());
            assertEquals("manage_project:eu", token.scopeString());
        }

        @Test
        @DisplayName("asked for scopes of another of its projects, the token is of that project, found as such")
        void aTokenOfAnotherProject() {
            AccessToken token = issue("manage_connectors:us view_connectors:us").get();

            assertEquals("us", token.projectKey());
            AccessToken found = issuer(org).find(token.value()).orElseThrow();
            assertEquals("us", found.projectKey());
            assertEquals("manage_connectors:us view_connectors:us", found.scopeString());
        }

        @Test
        @DisplayName("scopes of several projects in one token are invalid_scope, naming the projects")
        void severalProjectsAreRefused() {
            OAuthError error = issue("view_connectors:us manage_project:eu").getLeft();

            assertEquals("invalid_scope", error.error());
            assertEquals(400, error.statusCode());
            assertEquals("A token is for one project; the scopes asked name us, eu. Ask one token per project.", error.description());
        }

        @Test
        @DisplayName("a token signed with scopes of two projects (which no issuer signs) is no token")
        void aSignedSecondProjectIsRefused() {
            String value = SignedTokens.sign(org, List.of(Scope.parse("view_connectors:us").get(), Scope.parse("manage_project:eu").get()),
                    T0.plus(Duration.ofHours(1)));

            assertTrue(issuer(org).find(value).isEmpty());
        }

        @Test
        @DisplayName("the client names its projects in the order of their first scope, and the scopes of each")
        void theClientsProjects() {
            assertEquals(List.of("eu", "us"), org.projectKeys());
            assertEquals("eu", org.projectKey());
            assertEquals(List.of(Scope.parse("view_connectors:us").get(), Scope.parse("manage_connectors:us").get()), org.scopesOf("us"));
            assertEquals(List.of(), org.scopesOf("elsewhere"));
        }

        @Test
        @DisplayName("a generated organization client has manage_project of each project given, in order")
        void aGeneratedOrganizationClient() {
            OAuthClient generated = OAuthClient.generate(List.of("b-project", "a-project"));

            assertEquals(List.of("b-project", "a-project"), generated.projectKeys());
            assertEquals(generated.scopes(), OAuthClient.parse(generated.toArgument()).get().scopes());
            assertEquals("[manage_project:b-project, manage_project:a-project]", generated.scopes().toString());
            assertEquals("manage_project:b-project", issuer(generated).issue(generated, null).get().scopeString());
        }
    }

    @Nested
    @DisplayName("Verified tokens are kept, a bounded number of them")
    class Kept {
        @Test
        @DisplayName("a token found again is the one verified before, not verified anew")
        void aTokenFoundAgainIsTheOneVerifiedBefore() {
            TokenIssuer issuer = issuer(CLIENT);
            String value = token(issuer, null);

            assertSame(issuer.find(value).orElseThrow(), issuer.find(value).orElseThrow());
        }

        @Test
        @DisplayName("a refused token is refused again and not kept")
        void aRefusedTokenIsNotKept() {
            TokenIssuer issuer = issuer(CLIENT);
            OAuthClient other = OAuthClient.parse("me:other-secret:manage_project:proj").get();
            String forged = issuer(other).issue(other, null).get().value();

            assertTrue(issuer.find(forged).isEmpty());
            assertTrue(issuer.find(forged).isEmpty());
            assertEquals(0, issuer.verifiedCount());
        }

        @Test
        @DisplayName("more tokens than the cache holds: it stays bounded and every token is still found")
        void theCacheStaysBounded() {
            TokenIssuer issuer = issuer(CLIENT);
            List<String> values = new java.util.ArrayList<>();
            for (int i = 0; i < TokenIssuer.VERIFIED_CACHE_SIZE + 10; i++) {
                values.add(token(issuer, null));
                assertTrue(issuer.find(values.get(i)).isPresent());
                assertTrue(issuer.verifiedCount() <= TokenIssuer.VERIFIED_CACHE_SIZE);
            }
            values.forEach(v -> assertTrue(issuer.find(v).isPresent()));
        }
    }

    @Test
    void aTokenWithAnyCharacterChangedIsRefused() {
        TokenIssuer issuer = issuer(CLIENT);
        String value = token(issuer, "view_connectors:proj");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < value.length(); i++) {
            char replacement = alphabet.charAt((alphabet.indexOf(value.charAt(i)) + 1) % alphabet.length());
            String changed = value.substring(0, i) + replacement + value.substring(i + 1);
            // base64 without padding may leave the last character's low bits unused: same bytes, same token
            boolean sameBytes = decodes(changed) && decodes(value) && sameDecoded(value, changed);
            assertEquals(sameBytes, issuer.find(changed).isPresent(), "changed at " + i);
        }
    }

    @Test
    void aPayloadRewrittenToAskForMoreIsRefused() {
        String value = token(issuer(CLIENT), "view_connectors:proj");
        String payload = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("view_connectors:proj",
                "manage_project:proj").getBytes(StandardCharsets.UTF_8)) + value.substring(value.indexOf('.'));

        assertTrue(issuer(CLIENT).find(forged).isEmpty());
    }

    @Test
    void theTokenDoesNotContainTheSecret() {
        String value = token(issuer(CLIENT), null);
        String[] parts = value.split("\\.");
        assertFalse(value.contains("top-secret-1"));
        assertFalse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).contains("top-secret-1"));
    }

    @Test
    void anyOtherStringIsNoTokenAndNothingThrows() {
        TokenIssuer issuer = issuer(CLIENT);
        assertTrue(issuer.find(null).isEmpty());
        assertTrue(issuer.find("").isEmpty());
        assertTrue(issuer.find(".").isEmpty());
        assertTrue(issuer.find("a.b.c").isEmpty());
        assertTrue(issuer.find("x".repeat(1_000_000) + "." + "y").isEmpty());
        qt().forAll(strings().allPossible().ofLengthBetween(0, 300), integers().between(0, 300))
                .check((text, dot) -> issuer.find(text).isEmpty()
                        && issuer.find(text.substring(0, Math.min(dot, text.length())) + "." + text).isEmpty());
    }

    private static boolean decodes(String value) {
        try {
            for (String part : value.split("\\.", -1)) {
                Base64.getUrlDecoder().decode(part);
            }
            return value.split("\\.", -1).length == 2;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameDecoded(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        return java.util.Arrays.equals(Base64.getUrlDecoder().decode(x[0]), Base64.getUrlDecoder().decode(y[0]))
                && java.util.Arrays.equals(Base64.getUrlDecoder().decode(x[1]), Base64.getUrlDecoder().decode(y[1]));
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
