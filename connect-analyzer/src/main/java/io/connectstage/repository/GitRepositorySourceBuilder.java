package io.connectstage.repository;

import io.connectstage.spec.SpecLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshSessionFactory;

/**
 * Configures a {@link GitRepositorySource}. Every setting has a default: no mirrors, no
 * credentials provider, a 60 s clone timeout, the size limit of {@link SpecLimits}, 256 MiB
 * per download and 64 MiB per object, the system temp folder as work directory, public
 * addresses only ({@link RepositoryReach#publicOnly()}), SSH from {@code ~/.ssh} and the agent.
 */
public final class GitRepositorySourceBuilder {
    final Map<String, Path> mirrors = new LinkedHashMap<>();
    CredentialsProvider credentialsProvider;
    SshSessionFactory sshSessionFactory;
    Duration cloneTimeout = GitRepositorySource.DEFAULT_CLONE_TIMEOUT;
    long maxSpecSize = SpecLimits.DEFAULT_MAX_BYTES;
    long maxDownloadSize = GitRepositorySource.DEFAULT_MAX_DOWNLOAD_SIZE;
    long maxObjectSize = GitRepositorySource.DEFAULT_MAX_OBJECT_SIZE;
    long maxCheckoutSize = GitRepositorySource.DEFAULT_MAX_CHECKOUT_SIZE;
    int maxCheckoutFiles = GitRepositorySource.DEFAULT_MAX_CHECKOUT_FILES;
    Path workDirectory;
    RepositoryReach reach = RepositoryReach.publicOnly();
    Boolean allowLocalRepositories;
    Path sshDirectory;
    Path sshKey;
    Path knownHosts;
    boolean sshAgent = true;

    GitRepositorySourceBuilder() {
    }

    /**
     * Fetch {@code url} (matched exactly as given in the repository) from the local repository
     * at {@code localRepository}, bare or not, instead of from the network.
     */
    public GitRepositorySourceBuilder mirror(String url, Path localRepository) {
        mirrors.put(Objects.requireNonNull(url, "url is null"),
                Objects.requireNonNull(localRepository, "localRepository is null"));
        return this;
    }

    /** Adds every entry of {@code urlToLocalRepository} as a {@link #mirror}. */
    public GitRepositorySourceBuilder mirrors(Map<String, Path> urlToLocalRepository) {
        Objects.requireNonNull(urlToLocalRepository, "urlToLocalRepository is null")
                .forEach(this::mirror);
        return this;
    }

    /** Where user names, passwords and tokens for the remote come from. */
    public GitRepositorySourceBuilder credentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider is null");
        return this;
    }

    /** Another SSH client instead of the built-in one (its sessions are still cut at the deadline). */
    public GitRepositorySourceBuilder sshSessionFactory(SshSessionFactory sshSessionFactory) {
        this.sshSessionFactory = Objects.requireNonNull(sshSessionFactory, "sshSessionFactory is null");
        return this;
    }

    /** The folder of the SSH keys, {@code known_hosts} and {@code config}; default {@code ~/.ssh}. */
    public GitRepositorySourceBuilder sshDirectory(Path sshDirectory) {
        this.sshDirectory = Objects.requireNonNull(sshDirectory, "sshDirectory is null");
        return this;
    }

    /** The one private key file to authenticate with, instead of the SSH directory's {@code id_*} files. */
    public GitRepositorySourceBuilder sshKey(Path keyFile) {
        this.sshKey = Objects.requireNonNull(keyFile, "keyFile is null");
        return this;
    }

    /** The {@code known_hosts} file that host keys are checked against; default the SSH directory's. */
    public GitRepositorySourceBuilder knownHosts(Path knownHostsFile) {
        this.knownHosts = Objects.requireNonNull(knownHostsFile, "knownHostsFile is null");
        return this;
    }

    /** Whether to ask the SSH agent at {@code SSH_AUTH_SOCK} for keys; default true. */
    public GitRepositorySourceBuilder sshAgent(boolean useAgent) {
        this.sshAgent = useAgent;
        return this;
    }

    /** The longest one fetch may take, connection included; also JGit's timeout per network operation. */
    public GitRepositorySourceBuilder cloneTimeout(Duration cloneTimeout) {
        Objects.requireNonNull(cloneTimeout, "cloneTimeout is null");
        if (cloneTimeout.isNegative() || cloneTimeout.isZero()) {
            throw new IllegalArgumentException("cloneTimeout must be positive: " + cloneTimeout);
        }
        this.cloneTimeout = cloneTimeout;
        return this;
    }

    /** The largest {@code connect.yaml} accepted, in bytes; default {@link SpecLimits#DEFAULT_MAX_BYTES}. */
    public GitRepositorySourceBuilder maxSpecSize(long bytes) {
        this.maxSpecSize = bounded("maxSpecSize", bytes, Integer.MAX_VALUE - 8);
        return this;
    }

    /** The most bytes one fetch may receive; the transfer stops when the server sends more. */
    public GitRepositorySourceBuilder maxDownloadSize(long bytes) {
        this.maxDownloadSize = bounded("maxDownloadSize", bytes, Long.MAX_VALUE);
        return this;
    }

    /** The largest object a fetched pack may hold (whole or as the result of a delta), checked as the pack is parsed. */
    public GitRepositorySourceBuilder maxObjectSize(long bytes) {
        this.maxObjectSize = bounded("maxObjectSize", bytes, Long.MAX_VALUE);
        return this;
    }

    /** The most bytes the files of one {@link GitRepositorySource#checkout} may add up to. */
    public GitRepositorySourceBuilder maxCheckoutSize(long bytes) {
        this.maxCheckoutSize = bounded("maxCheckoutSize", bytes, Long.MAX_VALUE);
        return this;
    }

    /** The most files one {@link GitRepositorySource#checkout} may write. */
    public GitRepositorySourceBuilder maxCheckoutFiles(int files) {
        this.maxCheckoutFiles = (int) bounded("maxCheckoutFiles", files, Integer.MAX_VALUE);
        return this;
    }

    private static long bounded(String name, long bytes, long max) {
        if (bytes < 1 || bytes > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ": " + bytes);
        }
        return bytes;
    }

    /** The folder under which each fetch gets a folder of its own, deleted when it is done. */
    public GitRepositorySourceBuilder workDirectory(Path workDirectory) {
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory is null");
        return this;
    }

    /** What URLs that are not mirrors may reach; default {@link RepositoryReach#publicOnly()}. */
    public GitRepositorySourceBuilder reach(RepositoryReach reach) {
        this.reach = Objects.requireNonNull(reach, "reach is null");
        return this;
    }

    /** Whether {@code file://} URLs and plain paths that are not mirrors may be fetched (overrides the reach policy's). */
    public GitRepositorySourceBuilder allowLocalRepositories(boolean allow) {
        this.allowLocalRepositories = allow;
        return this;
    }

    Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    Path sshDirectory() {
        return sshDirectory != null ? sshDirectory : home().resolve(".ssh");
    }

    public GitRepositorySource build() {
        return new GitRepositorySource(this);
    }
}
