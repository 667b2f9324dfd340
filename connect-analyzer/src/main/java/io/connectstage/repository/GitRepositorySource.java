package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE;

import io.connectstage.connector.Repository;
import io.vavr.control.Either;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
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
    /** The default cap on the total size of the files one {@link #checkout} writes: 256 MiB. */
    public static final long DEFAULT_MAX_CHECKOUT_SIZE = 256L * 1024 * 1024;
    /** The default cap on the number of files one {@link #checkout} writes. */
    public static final int DEFAULT_MAX_CHECKOUT_FILES = 20_000;

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
    private final TreeCheckout treeCheckout;
    private final DeadlineFetch fetch;

    GitRepositorySource(GitRepositorySourceBuilder b) {
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
        this.treeCheckout = new TreeCheckout(b.maxCheckoutSize, b.maxCheckoutFiles);
        this.fetch = new DeadlineFetch(cloneTimeout, maxDownloadSize, maxObjectSize, credentialsProvider, sshSessionFactory);
    }

    /** A builder with every default; see {@link GitRepositorySourceBuilder}. */
    public static GitRepositorySourceBuilder builder() {
        return new GitRepositorySourceBuilder();
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
            return attempt.run((local, problems) -> treeReader.read(local, repository.tag(), problems));
        } catch (RuntimeException unexpected) {
            return attempt.problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository could not be read: " + describe(unexpected));
        }
    }

    /**
     * Writes the files of {@code repository.tag()} into {@code target}, a folder that must not
     * exist yet, for code that builds and runs them: fetched as {@link #fetchSpec} fetches (mirrors,
     * reach policy, deadline, download and object caps), then written with regular files only (a
     * symbolic link, a submodule or a path leaving {@code target} is refused) within the checkout
     * caps ({@link GitRepositorySourceBuilder#maxCheckoutSize}, {@link GitRepositorySourceBuilder#maxCheckoutFiles}).
     * Answers {@code target}, or the problem that stopped it; {@code target} is then removed.
     *
     * <pre>{@code
     * Either<RepositoryProblem, Path> tree = source.checkout(new Repository(url, "1.0.0"), work.resolve("d-1"));
     * }</pre>
     */
    public Either<RepositoryProblem, Path> checkout(Repository repository, Path target) {
        Objects.requireNonNull(repository, "repository is null");
        Objects.requireNonNull(target, "target is null");
        Attempt attempt = new Attempt(repository.url(), repository.tag());
        if (java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return attempt.problem(GIT_REPOSITORY_NOT_REACHABLE, "the checkout folder exists already");
        }
        try {
            return attempt.run((local, problems) -> treeCheckout.write(local, repository.tag(), target, problems));
        } catch (RuntimeException unexpected) {
            return attempt.problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository could not be read: " + describe(unexpected));
        }
    }

    /** What is done with the fetched repository of an {@link Attempt}. */
    @FunctionalInterface
    private interface FetchedRead<T> {
        Either<RepositoryProblem, T> read(org.eclipse.jgit.lib.Repository local, SpecTreeReader.Problems problems)
                throws IOException;
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

        <T> Either<RepositoryProblem, T> run(FetchedRead<T> read) {
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
                return fetchAndRead(folder, source.get(), read);
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

        private <T> Either<RepositoryProblem, T> fetchAndRead(Path folder, Source source, FetchedRead<T> read) {
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
                        return read.read(local, this);
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
}
