package io.connectstage.repository;

import io.vavr.control.Either;
import java.util.Locale;
import java.util.Objects;

/**
 * A repository URL taken apart once, by one left-to-right pass over at most {@link #MAX_LENGTH}
 * characters (no regular expression, nothing quadratic), into the three forms git knows:
 * {@code scheme://[user[:password]@]host[:port]/path}, the scp-like {@code [user@]host:path}, and
 * a local path. Its {@link #redacted()} form is the only spelling of a URL that may be shown.
 *
 * <pre>{@code
 * RepositoryUrl url = RepositoryUrl.parse("https://alice:S3cret@github.com/acme/c.git").get();
 * url.redacted();   // https://github.com/acme/c.git
 * url.host();       // github.com
 * RepositoryUrl.redact("https://alice:pa/ss@host/r.git");   // https://host/r.git (refused as ambiguous, still hidden)
 * }</pre>
 *
 * <p>User information is what can be a credential: for every scheme but SSH all of it goes (a lone
 * HTTPS user is usually a token), for SSH a password goes and a user alone stays (it is part of the
 * address, as in {@code git@github.com:acme/c.git}). An {@code @} after the host (a password with a
 * raw {@code /}) makes the URL ambiguous: it is refused, and everything before the last {@code @}
 * is hidden.
 */
public final class RepositoryUrl {

    /** The longest URL looked at; anything longer is refused before any other work. */
    public static final int MAX_LENGTH = 2048;

    /** The form of a URL. */
    public enum Form {
        /** {@code scheme://…} other than {@code file://}. */
        SCHEME,
        /** {@code [user@]host:path}, an SSH address. */
        SCP,
        /** A path on this machine, or a {@code file://} URL. */
        LOCAL
    }

    private final String raw;
    private final Form form;
    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final String path;

    private RepositoryUrl(String raw, Form form, String scheme, String user, String password, String host, int port,
                          String path) {
        this.raw = raw;
        this.form = form;
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /** The URL taken apart, or why it cannot be (the reason never holds the URL). */
    public static Either<String, RepositoryUrl> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.left("the repository URL is empty");
        }
        if (raw.length() > MAX_LENGTH) {
            return Either.left("the URL has " + raw.length() + " characters, more than the limit of " + MAX_LENGTH);
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Either.left(raw.isBlank() ? "the repository URL is empty"
                        : "the URL holds a blank or control character");
            }
        }
        int schemeEnd = schemeEnd(raw);
        if (schemeEnd > 0) {
            return parseSchemeUrl(raw, raw.substring(0, schemeEnd).toLowerCase(Locale.ROOT), schemeEnd + 3);
        }
        int colon = raw.indexOf(':');
        int slash = raw.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash) && !isWindowsDrive(raw, colon)) {
            return parseScp(raw, colon);
        }
        return Either.right(new RepositoryUrl(raw, Form.LOCAL, null, null, null, null, -1, raw));
    }

    /**
     * The spelling of {@code raw} that may be shown anywhere: its {@link #redacted()} form when it
     * parses; otherwise a form with everything up to the last {@code @} cut out, control
     * characters replaced and the length bounded.
     */
    public static String redact(String raw) {
        if (raw == null) {
            return "";
        }
        Either<String, RepositoryUrl> parsed = parse(raw);
        if (parsed.isRight()) {
            return parsed.get().redacted();
        }
        String shown = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            int schemeEnd = schemeEnd(shown);
            String prefix = schemeEnd > 0 && schemeEnd + 3 <= at ? shown.substring(0, schemeEnd + 3) : "";
            shown = prefix + shown.substring(at + 1);
        }
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            out.append(Character.isISOControl(c) || Character.isWhitespace(c) ? '?' : c);
        }
        if (raw.length() > MAX_LENGTH) {
            out.append("…(").append(raw.length()).append(" characters)");
        }
        return out.toString();
    }

    private static Either<String, RepositoryUrl> parseSchemeUrl(String raw, String scheme, int authorityStart) {
        int authorityEnd = raw.length();
        for (int i = authorityStart; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                authorityEnd = i;
                break;
            }
        }
        if (raw.indexOf('@', authorityEnd) >= 0 && !"file".equals(scheme)) {
            return Either.left("the URL has an '@' after its host: percent-encode '/', '@' and ':' in a user name or password");
        }
        String authority = raw.substring(authorityStart, authorityEnd);
        String path = raw.substring(authorityEnd);
        if ("file".equals(scheme)) {
            if (!authority.isEmpty() && !"localhost".equalsIgnoreCase(authority)) {
                return Either.left("a file URL names no host");
            }
            if (path.isEmpty()) {
                return Either.left("the URL has no path");
            }
            return Either.right(new RepositoryUrl(raw, Form.LOCAL, scheme, null, null, null, -1, decode(path)));
        }
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? null : userInfo.substring(colon + 1);
        }
        String hostPort = authority.substring(at + 1);
        String host;
        int port = -1;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return Either.left("the URL has an unclosed '[' in its host");
            }
            host = hostPort.substring(1, close);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Either.left("the URL has characters after its IPv6 address");
                }
                port = port(rest.substring(1));
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) {
                port = port(hostPort.substring(colon + 1));
            }
        }
        if (port == -2) {
            return Either.left("the URL has a port that is not a number from 1 to 65535");
        }
        if (host.isEmpty()) {
            return Either.left("the URL has no host");
        }
        if (!validHost(host)) {
            return Either.left("the URL has characters a host name cannot have");
        }
        if (path.isEmpty() || "/".equals(path)) {
            return Either.left("the URL has no path");
        }
        return Either.right(new RepositoryUrl(raw, Form.SCHEME, scheme, user, password,
                host.toLowerCase(Locale.ROOT), port, path));
    }

    private static Either<String, RepositoryUrl> parseScp(String raw, int firstColon) {
        int slash = raw.indexOf('/');
        int end = slash < 0 ? raw.length() : slash;
        int at = raw.lastIndexOf('@', end - 1);
        if (raw.indexOf('@', end) >= 0) {
            return Either.left("the address has an '@' in its path: a password cannot be given in an scp-like address");
        }
        String user = null;
        String password = null;
        int hostStart = 0;
        if (at >= 0) {
            String userInfo = raw.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? null : userInfo.substring(colon + 1);
            hostStart = at + 1;
        }
        int colon = raw.indexOf(':', hostStart);
        if (colon < 0) {
            return Either.left("the address has no ':' between host and path");
        }
        String host = raw.substring(hostStart, colon);
        String path = raw.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || !validHost(host)) {
            return Either.left("the address has no usable host");
        }
        if (path.isEmpty()) {
            return Either.left("the address has no path");
        }
        return Either.right(new RepositoryUrl(raw, Form.SCP, null, user, password, host.toLowerCase(Locale.ROOT), -1, path));
    }

    /** The index of ':' in a leading {@code scheme://}, or -1. */
    private static int schemeEnd(String s) {
        int i = 0;
        int limit = Math.min(s.length(), 64);
        if (limit == 0 || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        while (i < limit) {
            char c = s.charAt(i);
            if (c == ':') {
                return s.startsWith("//", i + 1) ? i : -1;
            }
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static boolean isWindowsDrive(String s, int colon) {
        return colon == 1 && isAsciiLetter(s.charAt(0)) && (s.length() == 2 || s.charAt(2) == '\\');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean validHost(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ':' || c == '%')) {
                return false;
            }
        }
        return true;
    }

    /** The port, -2 when it is not one. */
    private static int port(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return -2;
        }
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -2;
            }
            value = value * 10 + (c - '0');
        }
        return value >= 1 && value <= 65535 ? value : -2;
    }

    /** Percent-decoding of a path (bytes as UTF-8); a malformed escape is kept as written. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL as given, credentials included: for the transport only, never for a message. */
    String raw() {
        return raw;
    }

    public Form form() {
        return form;
    }

    /** The scheme in lower case ({@code https}, {@code ssh}, {@code file}), null for scp-like and plain paths. */
    public String scheme() {
        return scheme;
    }

    /** The host in lower case, without brackets around an IPv6 address; null for a local path. */
    public String host() {
        return host;
    }

    /** The port, or -1 when the URL names none. */
    public int port() {
        return port;
    }

    /** The path on the host; for a local URL the path on this machine, percent-decoded for {@code file://}. */
    public String path() {
        return path;
    }

    /** Whether this is an SSH address ({@code ssh://}, {@code git+ssh://}, scp-like). */
    public boolean isSsh() {
        return form == Form.SCP || "ssh".equals(scheme) || "git+ssh".equals(scheme) || "ssh+git".equals(scheme);
    }

    /** The user name for SSH, decoded; null when the URL names none. */
    String user() {
        return user == null ? null : decode(user);
    }

    /** The password of the URL, decoded; null when it has none. */
    String password() {
        return password == null ? null : decode(password);
    }

    /** The user information as written (user and password, still encoded), for the redaction of free text. */
    String rawUser() {
        return user;
    }

    String rawPassword() {
        return password;
    }

    /** Whether the user of the URL is a secret (any user outside SSH: often a token). */
    boolean userIsSecret() {
        return user != null && !user.isEmpty() && !isSsh();
    }

    /** The URL with every credential taken out: the one spelling fit for messages and reports. */
    public String redacted() {
        switch (form) {
            case LOCAL:
                return raw;
            case SCP: {
                String shownUser = user != null && password == null ? user + "@" : "";
                return shownUser + hostForShow() + ":" + path;
            }
            default: {
                String shownUser = isSsh() && user != null && !user.isEmpty() && password == null ? user + "@" : "";
                return scheme + "://" + shownUser + hostForShow() + (port < 0 ? "" : ":" + port) + path;
            }
        }
    }

    private String hostForShow() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepositoryUrl && raw.equals(((RepositoryUrl) other).raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw);
    }

    /** The redacted form. */
    @Override
    public String toString() {
        return redacted();
    }
}
