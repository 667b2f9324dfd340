package io.connectstage.repository;

import io.vavr.control.Either;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Removes the credentials of one repository URL from any text before it leaves this package.
 * JGit puts the URL (without the password but with the user, which for HTTP is often a token)
 * into its exception messages, so every message is cleaned, not only the URL we print ourselves.
 * Every step is one pass over the text: no regular expression.
 */
final class Redaction {

    private static final String MASK = "***";

    private final String rawUrl;
    private final String safeUrl;
    private final Set<String> secrets = new LinkedHashSet<>();

    Redaction(String rawUrl) {
        String given = rawUrl == null ? "" : rawUrl;
        this.safeUrl = RepositoryUrl.redact(given);
        // an over-long URL is refused before any message could quote it: nothing of it to look for
        this.rawUrl = given.length() > RepositoryUrl.MAX_LENGTH ? "" : given;
        if (this.rawUrl.isEmpty()) {
            return;
        }
        Either<String, RepositoryUrl> parsed = RepositoryUrl.parse(this.rawUrl);
        if (parsed.isRight()) {
            RepositoryUrl url = parsed.get();
            if (url.rawUser() != null && url.rawPassword() != null) {
                // the pair first: a password too short to mask alone is still hidden where the pair is quoted
                addSecret(url.rawUser() + ":" + url.rawPassword());
            }
            addSecret(url.rawPassword());
            if (url.userIsSecret() && url.rawUser().length() >= 8) {
                addSecret(url.rawUser()); // a long lone HTTP user is a token; a short one is masked by the URL rules
            }
        } else {
            // an ambiguous URL: everything before its last '@' may be a secret
            int start = this.rawUrl.indexOf("://");
            start = start < 0 ? 0 : start + 3;
            int at = this.rawUrl.lastIndexOf('@');
            if (at > start) {
                String userInfo = this.rawUrl.substring(start, at);
                int colon = userInfo.indexOf(':');
                addSecret(colon < 0 ? userInfo : userInfo.substring(colon + 1));
                addSecret(userInfo);
            }
        }
    }

    /** The URL without its credentials: fit for any message. */
    String url() {
        return safeUrl;
    }

    /** {@code text} with the URL's credentials taken out; never null. */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = rawUrl.isEmpty() ? text : text.replace(rawUrl, safeUrl);
        cleaned = stripUserInfoInText(cleaned);
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, MASK);
        }
        return cleaned;
    }

    /**
     * Every {@code scheme://userinfo@} in a text loses its user information (for SSH a user
     * without password stays). One pass: each scan after a {@code ://} stops at the next '/',
     * which ends that {@code ://} too, so no character is looked at twice by the inner loop.
     */
    static String stripUserInfoInText(String text) {
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (true) {
            int sep = text.indexOf("://", from);
            if (sep < 0) {
                break;
            }
            int start = sep + 3;
            int at = -1;
            int i = start;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '/' || Character.isWhitespace(c)) {
                    break;
                }
                if (c == '@') {
                    at = i;
                }
            }
            from = Math.max(i, sep + 1);
            if (at < 0) {
                continue;
            }
            int schemeStart = sep;
            while (schemeStart > 0 && isSchemeChar(text.charAt(schemeStart - 1))) {
                schemeStart--;
            }
            String scheme = text.substring(schemeStart, sep).toLowerCase(java.util.Locale.ROOT);
            String userInfo = text.substring(start, at);
            boolean ssh = scheme.endsWith("ssh") || scheme.startsWith("ssh");
            if (ssh && userInfo.indexOf(':') < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start);
            copied = at + 1;
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    private void addSecret(String secret) {
        if (secret == null || secret.length() < 3) {
            return; // too short to mask as free text without mangling the message; the URL rules still apply
        }
        secrets.add(secret);
        try {
            secrets.add(URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // keep the raw form only
        }
    }
}
