package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE;

import io.connectstage.connector.Repository;
import io.connectstage.spec.SpecLimits;
import io.vavr.control.Either;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * A {@link RepositorySource} that fetches the tag with JGit. Each call checks the URL against the
 * {@link RepositoryReach} policy, creates a bare repository in a fresh folder under the work
 * directory, fetches only {@code refs/tags/<tag>} (depth 1; in full when the server cannot do
 * shallow) within the clone timeout and the download caps, peels the tag to its commit and reads
 * {@code connect.yaml} from the commit's tree without checking anything out. The folder is
 * deleted afterwards, whatever happened, and at JVM shutdown if the process is stopped first.
 *
 * <p>A mirror map sends a URL to a local repository (bare or not) instead, so that tests and
 * offline harnesses need no network; the fetch still happens, from there, whatever the policy.
 *
 * <pre>{@code
 * RepositorySource source = GitRepositorySource.builder()
 *         .mirror("git@github.com:acme/connector.git", Path.of("/srv/mirrors/acme-connector"))
 *         .credentialsProvider(new UsernamePasswordCredentialsProvider("token", ""))
 *         .cloneTimeout(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * <p>SSH URLs ({@code ssh://}, {@code git@host:org/repo.git}) go through JGit's Apache MINA SSHD
 * transport with the keys of the SSH directory (or one key file), the SSH agent, and host keys
 * checked against {@code known_hosts}: an unknown or changed host key is refused.
 */
public final class GitRepositorySource implements RepositorySource {

    /** The default bound on one whole fetch: 60 seconds. */
    public static final Duration DEFAULT_CLONE_TIMEOUT = Duration.ofSeconds(60);
    /** The default cap on the bytes one fetch may receive: 256 MiB. */
    public static final long DEFAULT_MAX_DOWNLOAD_SIZE = 256L * 1024 * 1024;
    /** The default cap on the size of one object in a fetched pack: 64 MiB. */
    public static final long DEFAULT_MAX_OBJECT_SIZE = 64L * 1024 * 1024;

    /** URL schemes fetched; the others JGit knows (git://, sftp, amazon-s3, ftp, bundles by URL) are refused. */
    private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "git+ssh", "ssh+git", "file");

    private final Map<String, Path> mirrors;
    private final CredentialsProvider credentialsProvider;
    private final SshSessionFactory sshSessionFactory;
    private final Duration cloneTimeout;
    private final long maxSpecSize;
    private final long maxDownloadSize;
    private final long maxObjectSize;
    private final Path workDirectory;
    private final RepositoryReach reach;
    private final SpecTreeReader treeReader;
    private final DeadlineFetch fetch;

    private GitRepositorySource(Builder b) {
        this.mirrors = Map.copyOf(b.mirrors);
        this.credentialsProvider = b.credentialsProvider;
        this.sshSessionFactory = SshClient.Guarded.wrap(b.sshSessionFactory != null ? b.sshSessionFactory
                : SshClient.create(b.home(), b.sshDirectory(), b.sshKey, b.knownHosts, b.sshAgent));
        this.cloneTimeout = b.cloneTimeout;
        this.maxSpecSize = b.maxSpecSize;
        this.maxDownloadSize = b.maxDownloadSize;
        this.maxObjectSize = b.maxObjectSize;
        this.workDirectory = b.workDirectory != null ? b.workDirectory
                : Path.of(System.getProperty("java.io.tmpdir"));
        this.reach = b.allowLocalRepositories == null ? b.reach
                : b.reach.withLocalPaths(b.allowLocalRepositories);
        this.treeReader = new SpecTreeReader(maxSpecSize);
        this.fetch = new DeadlineFetch(cloneTimeout, maxDownloadSize, maxObjectSize, credentialsProvider, sshSessionFactory);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Duration cloneTimeout() {
        return cloneTimeout;
    }

    public long maxSpecSize() {
        return maxSpecSize;
    }

    public long maxDownloadSize() {
        return maxDownloadSize;
    }

    public long maxObjectSize() {
        return maxObjectSize;
    }

    public Path workDirectory() {
        return workDirectory;
    }

    public RepositoryReach reach() {
        return reach;
    }

    @Override
    public Either<RepositoryProblem, SpecFile> fetchSpec(Repository repository) {
        Objects.requireNonNull(repository, "repository is null");
        Attempt attempt = new Attempt(repository.url(), repository.tag());
        try {
            return attempt.run();
        } catch (RuntimeException unexpected) {
            return attempt.problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository could not be read: " + describe(unexpected));
        }
    }

    /** One call of {@link #fetchSpec}: the request, its redaction, and the steps in order. */
    private final class Attempt implements SpecTreeReader.Problems {
        private final String url;
        private final String tag;
        private final Redaction redaction;

        Attempt(String url, String tag) {
            this.url = url;
            this.tag = tag;
            this.redaction = new Redaction(url);
        }

        Either<RepositoryProblem, SpecFile> run() {
            if (url == null || url.isBlank()) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository URL is empty");
            }
            if (tag == null || tag.isBlank()) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the tag is empty");
            }
            if (tag.length() > 255 || !org.eclipse.jgit.lib.Repository.isValidRefName(Constants.R_TAGS + tag)) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "'" + tag + "' is not a valid tag name");
            }
            Either<RepositoryProblem, Source> source = source();
            if (source.isLeft()) {
                return Either.left(source.getLeft());
            }
            Path folder;
            try {
                folder = TemporaryClones.create(workDirectory);
            } catch (IOException | RuntimeException e) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the work directory cannot be used: " + describe(e));
            }
            try {
                return fetchAndRead(folder, source.get());
            } finally {
                TemporaryClones.delete(folder);
            }
        }

        /** Where to fetch from: the mirror of the URL, or the URL itself when the policy allows it. */
        private Either<RepositoryProblem, Source> source() {
            Path mirror = mirrors.get(url);
            if (mirror != null) {
                return local(mirror.toAbsolutePath().toFile(), true);
            }
            Either<String, RepositoryUrl> parsed = RepositoryUrl.parse(url);
            if (parsed.isLeft()) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the URL is not a git URL: " + parsed.getLeft()));
            }
            RepositoryUrl parsedUrl = parsed.get();
            if (parsedUrl.scheme() != null && !SCHEMES.contains(parsedUrl.scheme())) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE,
                        "the URL scheme '" + parsedUrl.scheme() + "' is not supported"));
            }
            Either<String, RepositoryUrl> allowed = reach.check(parsedUrl);
            if (allowed.isLeft()) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, allowed.getLeft()));
            }
            if (parsedUrl.form() == RepositoryUrl.Form.LOCAL) {
                try {
                    // JGit resolves a relative path against the fetching repository: make it absolute here.
                    return local(Path.of(parsedUrl.path()).toAbsolutePath().toFile(), false);
                } catch (InvalidPathException e) {
                    return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the URL is not a usable path: " + describe(e)));
                }
            }
            return Either.right(new Source(remoteUri(parsedUrl), null));
        }

        private Either<RepositoryProblem, Source> local(File dir, boolean isMirror) {
            File gitDir = RepositoryCache.FileKey.resolve(dir, FS.DETECTED);
            if (gitDir == null) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, isMirror
                        ? "the mirror of this URL, " + dir + ", is not a git repository"
                        : "the repository was not found"));
            }
            return Either.right(new Source(new URIish().setPath(gitDir.getAbsolutePath()), gitDir));
        }

        private Either<RepositoryProblem, SpecFile> fetchAndRead(Path folder, Source source) {
            if (source.localGitDir != null) {
                Either<RepositoryProblem, Void> target = checkLocalTag(source.localGitDir);
                if (target.isLeft()) {
                    return Either.left(target.getLeft());
                }
            }
            FileRepositoryBuilder options = new FileRepositoryBuilder();
            options.setGitDir(folder.toFile()).setBare();
            try (org.eclipse.jgit.lib.Repository local = options.build()) {
                local.create(true);
                DeadlineFetch.Result result = fetch.fetch(local, options, source.uri, tag,
                        source.localGitDir == null ? reach : null);
                switch (result.outcome()) {
                    case DONE:
                        return treeReader.read(local, tag, this);
                    case NO_TAG:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository has no tag '" + tag + "'");
                    case TIMED_OUT:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, "the fetch did not finish within " + seconds(cloneTimeout));
                    case TOO_LARGE_DOWNLOAD:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, "the server sent more than the limit of "
                                + maxDownloadSize + " bytes; the fetch was stopped");
                    case TOO_LARGE_OBJECT:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, "the server sent an object larger than the limit of "
                                + maxObjectSize + " bytes; the fetch was stopped");
                    case NOT_FOUND:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository was not found");
                    case REFUSED_REDIRECT:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, describe(result.cause()));
                    case NO_TRANSPORT:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, "no git transport can fetch this URL");
                    default:
                        return problem(GIT_REPOSITORY_NOT_REACHABLE, "the tag could not be fetched: " + describe(result.cause()));
                }
            } catch (IOException e) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository could not be read: " + describe(e));
            }
        }

        /**
         * For a local source, the tag is looked at where it is before anything is fetched: a tag
         * of a tree or a blob would make JGit's in-process upload-pack fail with a stack trace.
         */
        private Either<RepositoryProblem, Void> checkLocalTag(File gitDir) {
            try (org.eclipse.jgit.lib.Repository origin = new FileRepositoryBuilder().setGitDir(gitDir)
                    .setMustExist(true).build()) {
                Ref ref = origin.exactRef(Constants.R_TAGS + tag);
                if (ref == null || ref.getObjectId() == null) {
                    return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository has no tag '" + tag + "'");
                }
                Either<String, ?> peeled = SpecTreeReader.peelToCommit(origin, ref.getObjectId(), tag);
                return peeled.isLeft() ? problem(GIT_REPOSITORY_NOT_REACHABLE, peeled.getLeft()) : Either.right(null);
            } catch (IOException | RuntimeException e) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository could not be read: " + describe(e));
            }
        }

        <T> Either<RepositoryProblem, T> problem(RepositoryProblem.Kind kind, String detail) {
            return Either.left(issue(kind, detail));
        }

        @Override
        public RepositoryProblem issue(RepositoryProblem.Kind kind, String detail) {
            return new RepositoryProblem(kind, redaction.url(), tag, Text.shown(redaction.clean(detail)));
        }

        private String describe(Throwable e) {
            return redaction.clean(GitRepositorySource.describe(e));
        }
    }

    /** Where a fetch reads from: a transport URI, and the git directory when it is on this machine. */
    private record Source(URIish uri, File localGitDir) {
    }

    /** The transport URI of a remote URL, built field by field (no regular expression over the URL). */
    private static URIish remoteUri(RepositoryUrl url) {
        URIish uri = new URIish().setHost(url.host()).setPath(url.path());
        if (url.form() == RepositoryUrl.Form.SCHEME) {
            uri = uri.setScheme(url.scheme()).setPort(url.port());
        }
        if (url.user() != null && !url.user().isEmpty()) {
            uri = uri.setUser(url.user());
        }
        if (url.password() != null && !url.isSsh()) {
            uri = uri.setPass(url.password());
        }
        return uri;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Configures a {@link GitRepositorySource}. Every setting has a default: no mirrors, no
     * credentials provider, a 60 s clone timeout, the size limit of {@link SpecLimits}, 256 MiB
     * per download and 64 MiB per object, the system temp folder as work directory, public
     * addresses only ({@link RepositoryReach#publicOnly()}), SSH from {@code ~/.ssh} and the agent.
     */
    public static final class Builder {
        private final Map<String, Path> mirrors = new LinkedHashMap<>();
        private CredentialsProvider credentialsProvider;
        private SshSessionFactory sshSessionFactory;
        private Duration cloneTimeout = DEFAULT_CLONE_TIMEOUT;
        private long maxSpecSize = SpecLimits.DEFAULT_MAX_BYTES;
        private long maxDownloadSize = DEFAULT_MAX_DOWNLOAD_SIZE;
        private long maxObjectSize = DEFAULT_MAX_OBJECT_SIZE;
        private Path workDirectory;
        private RepositoryReach reach = RepositoryReach.publicOnly();
        private Boolean allowLocalRepositories;
        private Path sshDirectory;
        private Path sshKey;
        private Path knownHosts;
        private boolean sshAgent = true;

        private Builder() {
        }

        /**
         * Fetch {@code url} (matched exactly as given in the repository) from the local repository
         * at {@code localRepository}, bare or not, instead of from the network.
         */
        public Builder mirror(String url, Path localRepository) {
            mirrors.put(Objects.requireNonNull(url, "url is null"),
                    Objects.requireNonNull(localRepository, "localRepository is null"));
            return this;
        }

        /** Adds every entry of {@code urlToLocalRepository} as a {@link #mirror}. */
        public Builder mirrors(Map<String, Path> urlToLocalRepository) {
            Objects.requireNonNull(urlToLocalRepository, "urlToLocalRepository is null")
                    .forEach(this::mirror);
            return this;
        }

        /** Where user names, passwords and tokens for the remote come from. */
        public Builder credentialsProvider(CredentialsProvider credentialsProvider) {
            this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider is null");
            return this;
        }

        /** Another SSH client instead of the built-in one (its sessions are still cut at the deadline). */
        public Builder sshSessionFactory(SshSessionFactory sshSessionFactory) {
            this.sshSessionFactory = Objects.requireNonNull(sshSessionFactory, "sshSessionFactory is null");
            return this;
        }

        /** The folder of the SSH keys, {@code known_hosts} and {@code config}; default {@code ~/.ssh}. */
        public Builder sshDirectory(Path sshDirectory) {
            this.sshDirectory = Objects.requireNonNull(sshDirectory, "sshDirectory is null");
            return this;
        }

        /** The one private key file to authenticate with, instead of the SSH directory's {@code id_*} files. */
        public Builder sshKey(Path keyFile) {
            this.sshKey = Objects.requireNonNull(keyFile, "keyFile is null");
            return this;
        }

        /** The {@code known_hosts} file that host keys are checked against; default the SSH directory's. */
        public Builder knownHosts(Path knownHostsFile) {
            this.knownHosts = Objects.requireNonNull(knownHostsFile, "knownHostsFile is null");
            return this;
        }

        /** Whether to ask the SSH agent at {@code SSH_AUTH_SOCK} for keys; default true. */
        public Builder sshAgent(boolean useAgent) {
            this.sshAgent = useAgent;
            return this;
        }

        /** The longest one fetch may take, connection included; also JGit's timeout per network operation. */
        public Builder cloneTimeout(Duration cloneTimeout) {
            Objects.requireNonNull(cloneTimeout, "cloneTimeout is null");
            if (cloneTimeout.isNegative() || cloneTimeout.isZero()) {
                throw new IllegalArgumentException("cloneTimeout must be positive: " + cloneTimeout);
            }
            this.cloneTimeout = cloneTimeout;
            return this;
        }

        /** The largest {@code connect.yaml} accepted, in bytes; default {@link SpecLimits#DEFAULT_MAX_BYTES}. */
        public Builder maxSpecSize(long bytes) {
            this.maxSpecSize = bounded("maxSpecSize", bytes, Integer.MAX_VALUE - 8);
            return this;
        }

        /** The most bytes one fetch may receive; the transfer stops when the server sends more. */
        public Builder maxDownloadSize(long bytes) {
            this.maxDownloadSize = bounded("maxDownloadSize", bytes, Long.MAX_VALUE);
            return this;
        }

        /** The largest object a fetched pack may hold (whole or as the result of a delta), checked as the pack is parsed. */
        public Builder maxObjectSize(long bytes) {
            this.maxObjectSize = bounded("maxObjectSize", bytes, Long.MAX_VALUE);
            return this;
        }

        private static long bounded(String name, long bytes, long max) {
            if (bytes < 1 || bytes > max) {
                throw new IllegalArgumentException(name + " must be between 1 and " + max + ": " + bytes);
            }
            return bytes;
        }

        /** The folder under which each fetch gets a folder of its own, deleted when it is done. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory is null");
            return this;
        }

        /** What URLs that are not mirrors may reach; default {@link RepositoryReach#publicOnly()}. */
        public Builder reach(RepositoryReach reach) {
            this.reach = Objects.requireNonNull(reach, "reach is null");
            return this;
        }

        /** Whether {@code file://} URLs and plain paths that are not mirrors may be fetched (overrides the reach policy's). */
        public Builder allowLocalRepositories(boolean allow) {
            this.allowLocalRepositories = allow;
            return this;
        }

        private Path home() {
            return Path.of(System.getProperty("user.home"));
        }

        private Path sshDirectory() {
            return sshDirectory != null ? sshDirectory : home().resolve(".ssh");
        }

        public GitRepositorySource build() {
            return new GitRepositorySource(this);
        }
    }
}
