package io.connectstage.repository;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * The host keys an SSH fetch trusts: the entries of OpenSSH {@code known_hosts} files, read with
 * Apache MINA SSHD's parser (hashed host names, {@code [host]:port}, patterns, {@code @revoked}).
 * A server whose key is not listed for its host is refused: nothing is ever added to the file
 * and no one is asked, whatever {@code StrictHostKeyChecking} says in an SSH config.
 */
final class KnownHosts implements ServerKeyDatabase {

    private final List<Path> files;

    KnownHosts(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : entries(connectAddress, remoteAddress)) {
            if (entry.getMarker() == null) {
                PublicKey key = key(entry);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                          Configuration config, CredentialsProvider provider) {
        boolean known = false;
        for (KnownHostEntry entry : entries(connectAddress, remoteAddress)) {
            PublicKey key = key(entry);
            if (key == null || !KeyUtils.compareKeys(key, serverKey)) {
                continue;
            }
            if ("revoked".equals(entry.getMarker())) {
                return false;
            }
            known |= entry.getMarker() == null;
        }
        return known;
    }

    private List<KnownHostEntry> entries(String connectAddress, InetSocketAddress remoteAddress) {
        String host = host(connectAddress);
        int port = remoteAddress == null ? 22 : remoteAddress.getPort();
        List<KnownHostEntry> matching = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(file)) {
                    if (entry.isHostMatch(host, port)) {
                        matching.add(entry);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // an unreadable file trusts nothing
            }
        }
        return matching;
    }

    /** The host of {@code host}, {@code [host]:port} or {@code host:port}. */
    private static String host(String connectAddress) {
        if (connectAddress.startsWith("[")) {
            int close = connectAddress.indexOf(']');
            return close < 0 ? connectAddress : connectAddress.substring(1, close);
        }
        int colon = connectAddress.indexOf(':');
        return colon >= 0 && connectAddress.indexOf(':', colon + 1) < 0 ? connectAddress.substring(0, colon) : connectAddress;
    }

    private static PublicKey key(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry() == null ? null
                    : entry.getKeyEntry().resolvePublicKey(null, java.util.Map.of(), PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
