package io.connectstage.repository;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the credentials of one repository URL from any text before it leaves this package.
 * JGit puts the URL (without the password but with the user, which for HTTP is often a token)
 * into its exception messages, so every message is cleaned, not only the URL we print ourselves.
 */
final class Redaction {

    private static final String MASK = "***";
    /** {@code scheme://userinfo@} anywhere in a text; the userinfo stops at '/', '@' or blank. */
    private static final Pattern URL_USERINFO =
            Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)([^/@\\s]*)@");

    private final String rawUrl;
    private final String safeUrl;
    private final Set<String> secrets = new LinkedHashSet<>();

    Redaction(String rawUrl) {
        this.rawUrl = rawUrl == null ? "" : rawUrl;
        this.safeUrl = stripUserInfo(this.rawUrl);
        collectSecrets(this.rawUrl);
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
        Matcher m = URL_USERINFO.matcher(cleaned);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String scheme = m.group(1);
            String kept = isSecret(scheme, m.group(2)) ? scheme : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        m.appendTail(out);
        cleaned = out.toString();
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, MASK);
        }
        return cleaned;
    }

    /**
     * The URL without user information that can be a credential: all of it for HTTP-like schemes
     * (a user alone is often a token there), and any user with a password. An SSH user such as
     * {@code git@} is kept, it is part of the address.
     */
    static String stripUserInfo(String url) {
        int start = 0;
        String scheme = "";
        int sep = url.indexOf("://");
        if (sep > 0 && url.substring(0, sep).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            start = sep + 3;
            scheme = url.substring(0, sep + 3);
        }
        int at = userInfoEnd(url, start);
        if (at < 0) {
            return url;
        }
        String userInfo = url.substring(start, at);
        return isSecret(scheme, userInfo) ? url.substring(0, start) + url.substring(at + 1) : url;
    }

    /** The index of the '@' that ends the user information (the last one before the path), or -1. */
    private static int userInfoEnd(String url, int start) {
        int slash = url.indexOf('/', start);
        int end = slash < 0 ? url.length() : slash;
        int at = end == 0 ? -1 : url.lastIndexOf('@', end - 1);
        return at < start ? -1 : at;
    }

    private static boolean isSecret(String scheme, String userInfo) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean httpLike = s.startsWith("http") || s.startsWith("ftp");
        return !userInfo.isEmpty() && (httpLike || userInfo.contains(":"));
    }

    private void collectSecrets(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int at = userInfoEnd(url, start);
        if (at < 0) {
            return;
        }
        String userInfo = url.substring(start, at);
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            addSecret(userInfo.substring(colon + 1));
        }
        if (isSecret(url.substring(0, start), userInfo)) {
            // a lone HTTP user is usually a token; a short plain user name is masked by the URL rules only
            String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            if (colon < 0 && user.length() >= 8) {
                addSecret(user);
            }
        }
    }

    private void addSecret(String secret) {
        if (secret.length() < 3) {
            return; // too short to mask as free text without mangling the message; the URL rules still apply
        }
        secrets.add(secret);
        try {
            secrets.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // keep the raw form only
        }
    }
}
