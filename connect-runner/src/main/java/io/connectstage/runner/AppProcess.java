package io.connectstage.runner;

import io.connectstage.connector.ApplicationType;
import io.connectstage.deployment.DeploymentLogSeverity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One application running with {@code npm start} on its port, under the {@link Watchdog}. Once it
 * has answered on its port, an exit is logged with its code and the application is started again
 * after a backoff that doubles up to a maximum (and starts over once a run lasted a while), as
 * Cloud Run starts a crashed container again. {@link #stop} ends it for good.
 */
final class AppProcess {
    /** A run at least this long starts the backoff over. */
    private static final Duration STABLE = Duration.ofSeconds(60);

    /** How the runner's shared parts reach an application. */
    record Context(CommandRun commands, WorkFolders folders, ScheduledExecutorService scheduler, Clock clock,
            Duration grace, Duration minBackoff, Duration maxBackoff) {
    }

    final String name;
    final ApplicationType type;
    final String endpoint;
    /** The Pub/Sub topic of an event application, {@code null} for the others. */
    final String topic;
    final int port;
    private final Path folder;
    private final Map<String, String> environment;
    private final LogChannel logs;
    private final Context context;

    private Process process;
    private Path pidFile;
    private Instant startedAt;
    private boolean ready;
    private boolean stopping;
    private Duration backoff;
    private ScheduledFuture<?> restart;

    AppProcess(String name, ApplicationType type, String endpoint, String topic, int port, Path folder,
            Map<String, String> environment, LogChannel logs, Context context) {
        this.name = name;
        this.type = type;
        this.endpoint = endpoint;
        this.topic = topic;
        this.port = port;
        this.folder = folder;
        this.environment = Map.copyOf(environment);
        this.logs = logs;
        this.context = context;
        this.backoff = context.minBackoff();
    }

    /** A port free on the loopback interface now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    LogChannel logs() {
        return logs;
    }

    synchronized void launch() throws IOException {
        if (stopping) {
            return;
        }
        CommandRun.Started started = context.commands().start(List.of("npm", "start"), folder, environment, logs, "app-" + name);
        process = started.process();
        pidFile = context.folders().record(process.toHandle());
        startedAt = context.clock().instant();
        Process mine = process;
        mine.onExit().thenRun(() -> exited(mine));
    }

    /**
     * Waits until the application answers on its port (a TCP connection is accepted), polling;
     * false when it exits first or {@code limit} passes.
     */
    boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Process current;
            synchronized (this) {
                current = process;
            }
            if (current == null || !current.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address(), 250);
                synchronized (this) {
                    ready = true;
                }
                return true;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** The exit code of the application when it has ended (and not been started again), else empty. */
    synchronized java.util.OptionalInt exitCode() {
        return process != null && !process.isAlive() ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    private void exited(Process ended) {
        Duration wait;
        synchronized (this) {
            if (ended != process) {
                return;
            }
            context.folders().forget(pidFile);
            if (stopping || !ready) {
                return; // stopped, or failed to start: the start reports it
            }
            Instant now = context.clock().instant();
            if (Duration.between(startedAt, now).compareTo(STABLE) >= 0) {
                backoff = context.minBackoff();
            }
            wait = backoff;
            backoff = backoff.multipliedBy(2).compareTo(context.maxBackoff()) > 0 ? context.maxBackoff() : backoff.multipliedBy(2);
            logs.note(DeploymentLogSeverity.ERROR, "Application " + name + " exited with code " + ended.exitValue()
                    + "; starting it again in " + wait.toMillis() + " ms");
            restart = context.scheduler().schedule(this::relaunch, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void relaunch() {
        try {
            launch();
        } catch (IOException | RuntimeException e) {
            logs.note(DeploymentLogSeverity.ERROR, "Application " + name + " could not be started again: " + e.getMessage());
        }
    }

    /** Stops the application for good: no restart, its process tree stopped. */
    void stop() {
        Process current;
        synchronized (this) {
            stopping = true;
            if (restart != null) {
                restart.cancel(false);
            }
            current = process;
        }
        if (current != null) {
            ProcessTrees.stop(current.toHandle(), context.grace());
            context.folders().forget(pidFile);
        }
    }

    /** The last lines the application wrote, for the details of a failure. */
    List<String> lastLines() {
        return logs.takeTail();
    }
}
