package io.connectstage.repository;

import io.vavr.control.Either;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link GitRepositorySource} may reach for URLs that are not in its mirror map. A server
 * that fetches repositories named by its clients uses {@link #publicOnly()}: local paths,
 * {@code file://} URLs and hosts that resolve to a loopback, link-local, private, shared or
 * otherwise non-public address are refused, so that a client can neither read the server's disk
 * nor probe its network. A command line run by the user on their own machine uses
 * {@link #anywhere()}.
 *
 * <pre>{@code
 * RepositoryReach reach = RepositoryReach.publicOnly().allowHost("git.internal.example.com");
 * GitRepositorySource source = GitRepositorySource.builder().reach(reach).build();
 * }</pre>
 *
 * <p>A host is resolved once and every address it resolves to is checked; one non-public address
 * refuses the URL. JGit resolves the host again to connect; the JVM's address cache (30 s by
 * default) answers that second look-up, so a name cannot switch addresses in between unless the
 * cache is turned off.
 */
public final class RepositoryReach {

    /** Resolves a host name to all its addresses; a port for tests and offline harnesses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean localPaths;
    private final boolean privateAddresses;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    private RepositoryReach(boolean localPaths, boolean privateAddresses, Set<String> allowedHosts, Resolver resolver) {
        this.localPaths = localPaths;
        this.privateAddresses = privateAddresses;
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    /** Everything: local paths, {@code file://}, every address. For the command line. */
    public static RepositoryReach anywhere() {
        return new RepositoryReach(true, true, Set.of(), InetAddress::getAllByName);
    }

    /** Public addresses only: the default, and the policy for URLs sent by HTTP clients. */
    public static RepositoryReach publicOnly() {
        return new RepositoryReach(false, false, Set.of(), InetAddress::getAllByName);
    }

    /** This policy, also allowing local paths and {@code file://} URLs. */
    public RepositoryReach allowLocalPaths() {
        return new RepositoryReach(true, privateAddresses, allowedHosts, resolver);
    }

    /** This policy with local paths allowed or not. */
    RepositoryReach withLocalPaths(boolean allowed) {
        return new RepositoryReach(allowed, privateAddresses, allowedHosts, resolver);
    }

    /** This policy, also allowing loopback, link-local and private addresses. */
    public RepositoryReach allowPrivateAddresses() {
        return new RepositoryReach(localPaths, true, allowedHosts, resolver);
    }

    /** This policy, also allowing {@code host} (matched case-insensitively, as written in URLs) whatever it resolves to. */
    public RepositoryReach allowHost(String host) {
        Set<String> hosts = new LinkedHashSet<>(allowedHosts);
        hosts.add(Objects.requireNonNull(host, "host is null").toLowerCase(Locale.ROOT));
        return new RepositoryReach(localPaths, privateAddresses, hosts, resolver);
    }

    /** This policy with another resolver (tests: a name that resolves to a private address). */
    public RepositoryReach resolver(Resolver resolver) {
        return new RepositoryReach(localPaths, privateAddresses, allowedHosts,
                Objects.requireNonNull(resolver, "resolver is null"));
    }

    public boolean allowsLocalPaths() {
        return localPaths;
    }

    /** Right when {@code url} may be fetched; Left with the reason (no credentials in it) when not. */
    Either<String, RepositoryUrl> check(RepositoryUrl url) {
        if (url.form() == RepositoryUrl.Form.LOCAL) {
            return localPaths ? Either.right(url) : Either.left("local repositories are not allowed");
        }
        String refusal = refusal(url.host());
        return refusal == null ? Either.right(url) : Either.left(refusal);
    }

    /** Null when {@code host} may be reached, else why not: for the URL and for every redirect. */
    String refusal(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (privateAddresses || allowedHosts.contains(h)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(h);
        } catch (UnknownHostException | RuntimeException e) {
            return "the host " + h + " is unknown";
        }
        if (addresses == null || addresses.length == 0) {
            return "the host " + h + " is unknown";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "the host " + h + " resolves to " + address.getHostAddress() + ", which is not a public address";
            }
        }
        return null;
    }

    /** Whether {@code address} is a public unicast address. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b, 0);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 old site-local
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)) {
                return isPublicV4(b, 12); // ::ffff:a.b.c.d
            }
            if (zeroPrefix && b[10] == 0 && b[11] == 0) {
                return false; // ::a.b.c.d and :: / ::1
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(b, 12); // 64:ff9b::/96 NAT64
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(b, 2); // 2002::/16 6to4
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b, int o) {
        int a0 = b[o] & 0xff;
        int a1 = b[o + 1] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && (a1 & 0xc0) == 64)      // 100.64.0.0/10 shared
                || (a0 == 169 && a1 == 254)              // link-local
                || (a0 == 172 && (a1 & 0xf0) == 16)      // 172.16.0.0/12
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[o + 2] & 0xff) == 0)   // 192.0.0.0/24
                || (a0 == 198 && (a1 & 0xfe) == 18));    // 198.18.0.0/15 benchmarking
    }
}
