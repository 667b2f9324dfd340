package io.connectstage.repository;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.errors.TooLargeObjectInPackException;
import org.eclipse.jgit.errors.TooLargePackException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * Fetches one tag into a throw-away repository within a deadline, on the calling thread (no
 * thread per fetch), and makes sure the transfer ends when the deadline passes: a shared timer
 * stops the {@link FetchGuard}, which fails every later read and closes the fetch's HTTP
 * connections and SSH sessions (on a thread of its own), so the blocked read fails and the fetch
 * returns before the caller deletes the folder, at the latest {@link #CLOSE_GRACE} after the
 * read that was under way when the deadline passed. The pack is parsed through a
 * {@link CappedRepository}: no object above the object limit, no stream above the download limit.
 * Failures are told apart by JGit's exception types, never by their messages.
 */
final class DeadlineFetch {

    private static final String THREAD_NAME = "connectstage-git-deadline";
    /**
     * One daemon thread for every fetch of the process: it only calls {@link FetchGuard#stop()} at
     * deadlines, which never blocks (the connections are closed on a thread of the guard's own),
     * so no server can hold it and delay the deadlines of the other fetches.
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    /** How long a fetch that ends waits for its connections to be closed before it returns anyway. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    /** How a fetch ended when it did not end well; the detail holds no credentials of ours but may quote the server. */
    enum Outcome {
        DONE, NO_TAG, TIMED_OUT, REFUSED_REDIRECT, TOO_LARGE_DOWNLOAD, TOO_LARGE_OBJECT, NOT_FOUND, NO_TRANSPORT, FAILED
    }

    /** The result of one fetch: an outcome, and for {@link Outcome#FAILED} the cause. */
    record Result(Outcome outcome, Throwable cause) {
    }

    private final Duration timeout;
    private final long maxDownload;
    private final long maxObjectSize;
    private final CredentialsProvider credentials;
    private final SshSessionFactory ssh;

    DeadlineFetch(Duration timeout, long maxDownload, long maxObjectSize, CredentialsProvider credentials,
                  SshSessionFactory ssh) {
        this.timeout = timeout;
        this.maxDownload = maxDownload;
        this.maxObjectSize = maxObjectSize;
        this.credentials = credentials;
        this.ssh = ssh;
        GuardedHttpConnections.install();
    }

    /** The name of the timer thread, the one thread the fetches of a process share. */
    static String timerThreadName() {
        return THREAD_NAME;
    }

    /**
     * Fetches {@code refs/tags/<tag>} from {@code source} into {@code local}: shallow first, in
     * full when refused. Every HTTP connection, redirects included, must pass {@code reach}
     * (null: anything goes, as for mirrors). Runs on the calling thread; one shared timer stops
     * it at the deadline.
     */
    Result fetch(Repository local, BaseRepositoryBuilder<?, ?> options, URIish source, String tag, RepositoryReach reach) {
        long deadline = System.nanoTime() + timeout.toNanos();
        FetchGuard guard = new FetchGuard(deadline, maxDownload, reach);
        Repository capped = new CappedRepository(local, options, maxObjectSize, guard);
        String ref = Constants.R_TAGS + tag;
        guard.started();
        guard.bindToThisThread();
        ScheduledFuture<?> alarm = TIMER.schedule(guard::stop, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            return new Result(run(capped, source, ref, guard), null);
        } catch (IOException | RuntimeException e) {
            return classify(e, guard);
        } finally {
            alarm.cancel(false);
            // whatever is still open goes now, before the caller deletes the folder; a connection
            // that a trickling server keeps from closing is left to the guard's closer after the grace
            guard.stop();
            guard.awaitClosed(CLOSE_GRACE.toNanos());
            FetchGuard.unbind();
            guard.finished();
        }
    }

    private Outcome run(Repository capped, URIish source, String ref, FetchGuard guard) throws IOException {
        RefSpec spec = new RefSpec(ref + ":" + ref);
        try (Transport advertised = open(capped, source);
             FetchConnection connection = advertised.openFetch(List.of(spec))) {
            if (connection.getRef(ref) == null) {
                return Outcome.NO_TAG;
            }
        }
        guard.check();
        try (Transport transport = open(capped, source)) {
            transport.setDepth(1);
            transport.fetch(guard, List.of(spec));
            return Outcome.DONE;
        } catch (TransportException e) {
            if (!hasCause(e, PackProtocolException.class)) {
                throw e;
            }
            // the server cannot fetch shallow (or broke the protocol): once more in full, within the same bounds
            guard.check();
        }
        try (Transport transport = open(capped, source)) {
            transport.fetch(guard, List.of(spec));
            return Outcome.DONE;
        }
    }

    private Transport open(Repository capped, URIish source) throws IOException {
        Transport transport = Transport.open(capped, source);
        if (transport instanceof SshTransport && ssh != null) {
            ((SshTransport) transport).setSshSessionFactory(ssh);
        }
        if (credentials != null) {
            transport.setCredentialsProvider(credentials);
        }
        transport.setTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
        transport.setTagOpt(TagOpt.NO_TAGS);
        return transport;
    }

    private static Result classify(Throwable cause, FetchGuard guard) {
        Throwable t = cause;
        for (int depth = 0; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof FetchGuard.RefusedHost) {
                return new Result(Outcome.REFUSED_REDIRECT, t);
            }
        }
        if (guard.wasTooLarge() || hasCause(cause, TooLargePackException.class)) {
            return new Result(Outcome.TOO_LARGE_DOWNLOAD, cause);
        }
        if (hasCause(cause, TooLargeObjectInPackException.class)) {
            return new Result(Outcome.TOO_LARGE_OBJECT, cause);
        }
        if (guard.wasStopped() || guard.expired() || hasCause(cause, InterruptedIOException.class)) {
            return new Result(Outcome.TIMED_OUT, cause); // SocketTimeoutException is an InterruptedIOException
        }
        if (hasCause(cause, NoRemoteRepositoryException.class)) {
            return new Result(Outcome.NOT_FOUND, cause);
        }
        if (hasCause(cause, NotSupportedException.class)) {
            return new Result(Outcome.NO_TRANSPORT, cause);
        }
        return new Result(Outcome.FAILED, cause);
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
