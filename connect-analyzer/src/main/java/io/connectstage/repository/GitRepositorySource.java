package io.connectstage.repository;

import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_FOUND;
import static io.connectstage.repository.RepositoryProblem.Kind.CONNECTOR_SPECIFICATION_FILE_NOT_VALID;
import static io.connectstage.repository.RepositoryProblem.Kind.GIT_REPOSITORY_NOT_REACHABLE;

import io.connectstage.connector.Repository;
import io.vavr.control.Either;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

/**
 * A {@link RepositorySource} that fetches the tag with JGit. Each call creates a bare repository
 * in a fresh folder under the work directory, fetches only {@code refs/tags/<tag>} (depth 1; a
 * full fetch of that one ref when the server cannot do shallow), peels the tag to its commit and
 * reads {@code connect.yaml} from the commit's tree without checking anything out, looking at the
 * entry's mode and the blob's size before reading a byte of it. The folder is deleted afterwards,
 * whatever happened. The default branch is never looked at.
 *
 * <p>A mirror map sends a URL to a local repository (bare or not) instead, so that tests and
 * offline harnesses need no network; the fetch still happens, from there.
 *
 * <pre>{@code
 * RepositorySource source = GitRepositorySource.builder()
 *         .mirror("git@github.com:acme/connector.git", Path.of("/srv/mirrors/acme-connector"))
 *         .credentialsProvider(new UsernamePasswordCredentialsProvider("token", ""))
 *         .cloneTimeout(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * <p>A bare disk repository rather than JGit's in-memory one: the pack of a big tag goes to disk
 * instead of the heap, shallow fetch works on it, and the size of a blob is read from the pack
 * header without inflating the blob.
 */
public final class GitRepositorySource implements RepositorySource {

    /** The default bound on one whole fetch: 60 seconds. */
    public static final Duration DEFAULT_CLONE_TIMEOUT = Duration.ofSeconds(60);
    /** The default largest {@code connect.yaml} accepted: 1 MiB. */
    public static final long DEFAULT_MAX_SPEC_SIZE = 1024 * 1024;

    /** URL schemes fetched; the others JGit knows (sftp, amazon-s3, ftp, bundles by URL) are refused. */
    private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "git+ssh", "ssh+git", "git", "file");
    /** How long a cancelled fetch gets to stop before its folder is deleted under it. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

    private final Map<String, Path> mirrors;
    private final CredentialsProvider credentialsProvider;
    private final SshSessionFactory sshSessionFactory;
    private final Duration cloneTimeout;
    private final long maxSpecSize;
    private final Path workDirectory;
    private final boolean allowLocalRepositories;

    private GitRepositorySource(Builder b) {
        this.mirrors = Map.copyOf(b.mirrors);
        this.credentialsProvider = b.credentialsProvider;
        this.sshSessionFactory = b.sshSessionFactory;
        this.cloneTimeout = b.cloneTimeout;
        this.maxSpecSize = b.maxSpecSize;
        this.workDirectory = b.workDirectory != null ? b.workDirectory
                : Path.of(System.getProperty("java.io.tmpdir"));
        this.allowLocalRepositories = b.allowLocalRepositories;
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

    public Path workDirectory() {
        return workDirectory;
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
    private final class Attempt {
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
            if (!org.eclipse.jgit.lib.Repository.isValidRefName(Constants.R_TAGS + tag)) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "'" + tag + "' is not a valid tag name");
            }
            Either<RepositoryProblem, URIish> source = source();
            if (source.isLeft()) {
                return Either.left(source.getLeft());
            }
            Path folder;
            try {
                Files.createDirectories(workDirectory);
                folder = Files.createTempDirectory(workDirectory, "connectstage-git-");
            } catch (IOException | RuntimeException e) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the work directory cannot be used: " + describe(e));
            }
            try {
                return fetchAndRead(folder, source.get());
            } finally {
                delete(folder);
            }
        }

        /** Where to fetch from: the mirror of the URL, or the URL itself when its scheme is allowed. */
        private Either<RepositoryProblem, URIish> source() {
            Path mirror = mirrors.get(url);
            if (mirror != null) {
                File dir = mirror.toAbsolutePath().toFile();
                if (RepositoryCache.FileKey.resolve(dir, FS.DETECTED) == null) {
                    return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE,
                            "the mirror of this URL, " + dir + ", is not a git repository"));
                }
                return localUri(dir.getPath());
            }
            URIish uri;
            try {
                uri = new URIish(url);
            } catch (URISyntaxException | RuntimeException e) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the URL is not a git URL: " + describe(e)));
            }
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean local = "file".equals(scheme) || (scheme == null && uri.getHost() == null);
            if (scheme != null && !SCHEMES.contains(scheme)) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the URL scheme '" + scheme + "' is not supported"));
            }
            if (!local) {
                return Either.right(uri);
            }
            if (!allowLocalRepositories) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "local repositories are not allowed"));
            }
            if (uri.getPath() == null || uri.getPath().isEmpty()) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the URL has no path"));
            }
            try {
                // JGit resolves a relative path against the fetching repository: make it absolute here.
                return localUri(Path.of(uri.getPath()).toAbsolutePath().toString());
            } catch (InvalidPathException e) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the URL is not a usable path: " + describe(e)));
            }
        }

        private Either<RepositoryProblem, URIish> localUri(String absolutePath) {
            try {
                return Either.right(new URIish(absolutePath));
            } catch (URISyntaxException e) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the path is not usable: " + describe(e)));
            }
        }

        private Either<RepositoryProblem, SpecFile> fetchAndRead(Path folder, URIish source) {
            try (org.eclipse.jgit.lib.Repository local = new FileRepositoryBuilder()
                    .setGitDir(folder.toFile()).setBare().build()) {
                local.create(true);
                long deadline = System.nanoTime() + cloneTimeout.toNanos();
                Either<RepositoryProblem, Boolean> fetched = fetch(local, source, true, deadline);
                if (fetched.isLeft()) {
                    return Either.left(fetched.getLeft());
                }
                if (!fetched.get()) {
                    fetched = fetch(local, source, false, deadline);
                    if (fetched.isLeft()) {
                        return Either.left(fetched.getLeft());
                    }
                }
                return read(local);
            } catch (IOException e) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository could not be read: " + describe(e));
            }
        }

        /**
         * Fetches the tag into {@code local} within the deadline. Right(true) when done, Right(false)
         * when the transport refused a shallow fetch (and only then), Left for any other failure.
         */
        private Either<RepositoryProblem, Boolean> fetch(org.eclipse.jgit.lib.Repository local, URIish source,
                                                         boolean shallow, long deadline) {
            Transport transport;
            try {
                transport = Transport.open(local, source);
            } catch (NoRemoteRepositoryException e) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the repository was not found"));
            } catch (NotSupportedException e) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "no git transport can fetch this URL"));
            } catch (IOException | RuntimeException e) {
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the repository could not be opened: " + describe(e)));
            }
            if (transport instanceof SshTransport) {
                SshTransport ssh = (SshTransport) transport;
                if (sshSessionFactory != null) {
                    ssh.setSshSessionFactory(sshSessionFactory);
                } else if (ssh.getSshSessionFactory() == null) {
                    transport.close();
                    return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE,
                            "no SSH client is configured: give the source an SshSessionFactory, or a mirror for this URL"));
                }
            }
            if (credentialsProvider != null) {
                transport.setCredentialsProvider(credentialsProvider);
            }
            transport.setTimeout((int) Math.max(1, (cloneTimeout.toMillis() + 999) / 1000));
            transport.setTagOpt(TagOpt.NO_TAGS);
            if (shallow) {
                transport.setDepth(1);
            }
            String ref = Constants.R_TAGS + tag;
            RefSpec spec = new RefSpec(ref + ":" + ref);
            Cancellation cancellation = new Cancellation(deadline);
            FutureTask<Void> task = new FutureTask<>(() -> {
                try (Transport t = transport) {
                    t.fetch(cancellation, List.of(spec));
                }
                return null;
            });
            Thread worker = new Thread(task, "connectstage-git-fetch");
            worker.setDaemon(true);
            worker.start();
            try {
                task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return Either.right(true);
            } catch (TimeoutException e) {
                stop(task, worker, cancellation);
                return Either.left(timedOut());
            } catch (InterruptedException e) {
                stop(task, worker, cancellation);
                Thread.currentThread().interrupt();
                return Either.left(issue(GIT_REPOSITORY_NOT_REACHABLE, "the fetch was interrupted"));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (shallow && refusedShallow(cause)) {
                    return Either.right(false);
                }
                return Either.left(fetchFailed(cause, cancellation));
            }
        }

        private RepositoryProblem fetchFailed(Throwable cause, Cancellation cancellation) {
            if (cancellation.isCancelled() || hasCause(cause, InterruptedIOException.class)) {
                return timedOut(); // SocketTimeoutException is an InterruptedIOException
            }
            if (hasCause(cause, NoRemoteRepositoryException.class)) {
                return issue(GIT_REPOSITORY_NOT_REACHABLE, "the repository was not found");
            }
            String missing = MessageFormat.format(JGitText.get().remoteDoesNotHaveSpec, Constants.R_TAGS + tag);
            if (missing.equals(cause.getMessage())) {
                return issue(GIT_REPOSITORY_NOT_REACHABLE, "the repository has no tag '" + tag + "'");
            }
            return issue(GIT_REPOSITORY_NOT_REACHABLE, "the tag could not be fetched: " + describe(cause));
        }

        private RepositoryProblem timedOut() {
            return issue(GIT_REPOSITORY_NOT_REACHABLE, "the fetch did not finish within " + seconds(cloneTimeout));
        }

        /** Reads connect.yaml at the fetched tag, checking what it is before reading its bytes. */
        private Either<RepositoryProblem, SpecFile> read(org.eclipse.jgit.lib.Repository local) throws IOException {
            Ref ref = local.exactRef(Constants.R_TAGS + tag);
            if (ref == null || ref.getObjectId() == null) {
                return problem(GIT_REPOSITORY_NOT_REACHABLE, "the repository has no tag '" + tag + "'");
            }
            try (ObjectReader reader = local.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
                RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
                if (!(target instanceof RevCommit)) {
                    return problem(GIT_REPOSITORY_NOT_REACHABLE, "the tag '" + tag + "' does not point to a commit");
                }
                RevCommit commit = (RevCommit) target;
                try (TreeWalk entry = TreeWalk.forPath(reader, SPEC_FILE, commit.getTree())) {
                    if (entry == null) {
                        return problem(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND,
                                "there is no " + SPEC_FILE + " at the root of the tag");
                    }
                    switch (entry.getRawMode(0) & FileMode.TYPE_MASK) {
                        case FileMode.TYPE_FILE:
                            return readBlob(reader, entry.getObjectId(0), commit);
                        case FileMode.TYPE_TREE:
                            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_FOUND,
                                    SPEC_FILE + " at the root of the tag is a directory, not a file");
                        case FileMode.TYPE_SYMLINK:
                            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_VALID,
                                    SPEC_FILE + " is a symbolic link; it must be a regular file");
                        case FileMode.TYPE_GITLINK:
                            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_VALID,
                                    SPEC_FILE + " is a submodule; it must be a regular file");
                        default:
                            return problem(CONNECTOR_SPECIFICATION_FILE_NOT_VALID, SPEC_FILE
                                    + " is not a regular file (mode " + Integer.toOctalString(entry.getRawMode(0)) + ")");
                    }
                }
            }
        }

        private Either<RepositoryProblem, SpecFile> readBlob(ObjectReader reader, ObjectId blob, RevCommit commit)
                throws IOException {
            long size = reader.getObjectSize(blob, Constants.OBJ_BLOB); // from the pack header, not the content
            if (size > maxSpecSize) {
                return problem(CONNECTOR_SPECIFICATION_FILE_NOT_VALID,
                        SPEC_FILE + " is " + size + " bytes, more than the limit of " + maxSpecSize + " bytes");
            }
            byte[] bytes = reader.open(blob, Constants.OBJ_BLOB).getCachedBytes((int) maxSpecSize);
            return Either.right(new SpecFile(commit.name(), bytes));
        }

        <T> Either<RepositoryProblem, T> problem(RepositoryProblem.Kind kind, String detail) {
            return Either.left(issue(kind, detail));
        }

        RepositoryProblem issue(RepositoryProblem.Kind kind, String detail) {
            return new RepositoryProblem(kind, redaction.url(), tag, redaction.clean(detail));
        }

        private String describe(Throwable e) {
            return redaction.clean(GitRepositorySource.describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Whether the transport said it cannot fetch shallow (JGit has no exception type of its own for it). */
    private static boolean refusedShallow(Throwable e) {
        String refused = JGitText.get().shallowNotSupported;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PackProtocolException && refused.equals(t.getMessage())) {
                return true;
            }
        }
        return refused.equals(e.getMessage());
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Cancels a fetch that ran past its deadline and gives it a moment to let go of its files. */
    private static void stop(FutureTask<Void> task, Thread worker, Cancellation cancellation) {
        cancellation.cancel();
        task.cancel(true);
        try {
            worker.join(CANCEL_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path folder) {
        try {
            FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException | RuntimeException e) {
            // nothing more can be done here; the folder is under the work directory and named for us
        }
    }

    /** A progress monitor that tells JGit to stop once the deadline has passed or on request. */
    private static final class Cancellation implements ProgressMonitor {
        private final long deadline;
        private volatile boolean cancelled;

        Cancellation(long deadline) {
            this.deadline = deadline;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled || System.nanoTime() - deadline > 0;
        }

        @Override
        public void start(int totalTasks) {
        }

        @Override
        public void beginTask(String title, int totalWork) {
        }

        @Override
        public void update(int completed) {
        }

        @Override
        public void endTask() {
        }

        @Override
        public void showDuration(boolean enabled) {
        }
    }

    /**
     * Configures a {@link GitRepositorySource}. Every setting has a default: no mirrors, no
     * credentials provider, a 60 s clone timeout, a 1 MiB size limit, the system temp folder as
     * work directory, local repositories allowed.
     */
    public static final class Builder {
        private final Map<String, Path> mirrors = new LinkedHashMap<>();
        private CredentialsProvider credentialsProvider;
        private SshSessionFactory sshSessionFactory;
        private Duration cloneTimeout = DEFAULT_CLONE_TIMEOUT;
        private long maxSpecSize = DEFAULT_MAX_SPEC_SIZE;
        private Path workDirectory;
        private boolean allowLocalRepositories = true;

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

        /**
         * The SSH client for {@code ssh://} and {@code git@host:path} URLs (JGit's core has none:
         * take one from {@code org.eclipse.jgit.ssh.apache}, or rely on one found by ServiceLoader).
         */
        public Builder sshSessionFactory(SshSessionFactory sshSessionFactory) {
            this.sshSessionFactory = Objects.requireNonNull(sshSessionFactory, "sshSessionFactory is null");
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

        /** The largest {@code connect.yaml} accepted, in bytes; a larger one is not valid. */
        public Builder maxSpecSize(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxSpecSize must be between 1 and " + (Integer.MAX_VALUE - 8) + ": " + bytes);
            }
            this.maxSpecSize = bytes;
            return this;
        }

        /** The folder under which each fetch gets a folder of its own, deleted when it is done. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory is null");
            return this;
        }

        /**
         * Whether {@code file://} URLs and plain paths that are not mirrors may be fetched. Turn it
         * off where repository URLs come from untrusted users, so they cannot read the server's disk.
         */
        public Builder allowLocalRepositories(boolean allow) {
            this.allowLocalRepositories = allow;
            return this;
        }

        public GitRepositorySource build() {
            return new GitRepositorySource(this);
        }
    }
}
