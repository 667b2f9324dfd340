package io.connectstage.runner;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.error.ConnectError;
import io.connectstage.processing.DeploymentLogSink;
import io.connectstage.processing.DeploymentRunner;
import io.connectstage.processing.RunResult;
import io.connectstage.repository.GitRepositorySource;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link DeploymentRunner} that builds a Deployment's applications with npm from its connector's
 * repository at the deployed tag and runs its service, event and job applications as Node
 * processes on this machine, each on a free port of the loopback interface with only its
 * configuration values (and {@code PATH}) as environment. It runs the repository's code: it runs
 * only repositories that are mirrored or whose URL starts with an allowed prefix.
 *
 * <pre>{@code
 * DeploymentRunner runner = ProcessDeploymentRunner.builder()
 *         .serverBase(() -> server.baseUri())
 *         .workDirectory(Path.of("/var/lib/connectstage/run"))
 *         .mirrors(Map.of("https://github.com/acme/connector.git", Path.of("/srv/mirrors/connector")))
 *         .allow(List.of("https://github.com/acme/"))
 *         .maxApplications(20)
 *         .build();
 * }</pre>
 *
 * <p>Every process is started through a watchdog script that ends it when this JVM dies, however
 * it dies, and a runner kills at start-up what a previous one on the same work folder left (one
 * runner per work folder). Everything it writes is under the work folder; a Deployment's folder is
 * removed when it stops.
 */
public final class ProcessDeploymentRunner implements DeploymentRunner {
    private static final System.Logger LOG = System.getLogger(ProcessDeploymentRunner.class.getName());
    /** How often the output of the applications is handed to the log sink. */
    private static final Duration FLUSH_EVERY = Duration.ofMillis(250);

    private final Settings settings;
    private final WorkFolders folders;
    private final GitRepositorySource source;
    private final ScheduledExecutorService scheduler;
    private final CommandRun commands;
    private final Environments environments;
    private final ApplicationBuild builds;
    private final AppProcess.Context appContext;
    private final EventsAndJobs eventsAndJobs;
    private final ScriptRun scripts;
    private final DeploymentLaunch.Parts launchParts;
    private final Map<String, RunningDeployment> running = new ConcurrentHashMap<>();
    private final Set<RunningDeployment> active = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The settings a {@link Builder} collects. */
    private record Settings(Supplier<URI> serverBase, Path workDirectory, Map<String, Path> mirrors, List<String> allow,
            int maxApplications, Duration installTimeout, Duration buildTimeout, Duration startTimeout,
            Duration scriptTimeout, Duration stopGrace, Duration minRestartBackoff, Duration maxRestartBackoff,
            int maxLineLength, int maxLinesPerFlush, Clock clock, Path node, String path, DeliveryPolicy deliveryPolicy,
            ZoneId scheduleZone, Map<String, String> buildEnvironment) {
    }

    private ProcessDeploymentRunner(Settings settings, GitRepositorySource source) {
        this.settings = settings;
        this.folders = new WorkFolders(settings.workDirectory());
        folders.sweepLeftovers(settings.stopGrace());
        this.source = source != null ? source : GitRepositorySource.builder().mirrors(settings.mirrors())
                .workDirectory(folders.root().resolve("git")).build();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "connectstage-runner");
            t.setDaemon(true);
            return t;
        });
        Watchdog watchdog = Watchdog.install(settings.node(), folders.root(), settings.stopGrace());
        this.commands = new CommandRun(watchdog, folders, settings.maxLineLength(), settings.stopGrace());
        this.environments = new Environments(settings.path(), folders, settings.buildEnvironment());
        this.builds = new ApplicationBuild(commands, environments, settings.installTimeout(), settings.buildTimeout(),
                settings.clock());
        this.appContext = new AppProcess.Context(commands, folders, scheduler, settings.clock(), settings.stopGrace(),
                settings.minRestartBackoff(), settings.maxRestartBackoff());
        this.eventsAndJobs = new EventsAndJobs(scheduler, settings.clock(), settings.deliveryPolicy(), settings.scheduleZone());
        this.scripts = new ScriptRun(commands, settings.scriptTimeout());
        this.launchParts = new DeploymentLaunch.Parts(this.source, builds, environments, appContext, eventsAndJobs, scripts,
                settings.startTimeout(), settings.clock(), this::url);
        scheduler.scheduleWithFixedDelay(this::flushAll, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Option<String> refusal(Deployment d) {
        String url = d.connector().repository().url();
        boolean mirrored = settings.mirrors().containsKey(url);
        boolean allowed = url != null && settings.allow().stream().anyMatch(url::startsWith);
        if (!mirrored && !allowed) {
            return Option.some("the repository URL is neither mirrored (--repo-mirror) nor allowed (--run-allow)");
        }
        int others = running.entrySet().stream().filter(e -> !e.getKey().equals(d.id()))
                .mapToInt(e -> e.getValue().size()).sum();
        int mine = (int) d.applications().stream().filter(app -> DeploymentLaunch.RUN.contains(typeOf(d, app.applicationName()))).count();
        if (others + mine > settings.maxApplications()) {
            return Option.some("running its " + mine + " applications would exceed the maximum of "
                    + settings.maxApplications() + " running applications (" + others + " run already)");
        }
        return Option.none();
    }

    @Override
    public RunResult start(String projectKey, Deployment d, boolean postDeploy, DeploymentLogSink logs) {
        Objects.requireNonNull(d, "d is null");
        Objects.requireNonNull(logs, "logs is null");
        ReentrantLock lock = locks.computeIfAbsent(d.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            stopLocked(d.id(), false);
            RunningDeployment rd = new RunningDeployment(d.id(), folders.deployment(d.id()), logs, settings.clock(),
                    settings.maxLinesPerFlush());
            active.add(rd);
            RunResult result;
            try {
                Option<String> refusal = refusal(d);
                result = closed.get() ? failed(d, rd, "Deployment stopped", "The runner is closed.")
                        : refusal.isDefined() ? failed(d, rd, "Applications not run", refusal.get())
                        : new DeploymentLaunch(launchParts, d, rd, postDeploy).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = failed(d, rd, "Deployment interrupted", "The runner was stopped while it started the applications.");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "deployment " + d.id() + ": the start failed", e);
                result = failed(d, rd, "Deployment failed", "The runner failed: " + e.getClass().getSimpleName());
            }
            if (result.succeeded() && closed.get()) {
                result = failed(d, rd, "Deployment stopped", "The runner was closed while it started the applications.");
            }
            if (result.succeeded()) {
                running.put(d.id(), rd);
            } else {
                end(rd);
            }
            rd.flush();
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop(String deploymentId, boolean undeploying) {
        ReentrantLock lock = locks.computeIfAbsent(deploymentId, id -> new ReentrantLock());
        lock.lock();
        try {
            RunningDeployment rd = running.get(deploymentId);
            if (rd != null && undeploying) {
                for (RunningDeployment.Script script : rd.preUndeploy()) {
                    scripts.run(rd, script); // a failure is logged; the undeploy goes on, as Connect's does
                }
            }
            stopLocked(deploymentId, undeploying);
        } finally {
            lock.unlock();
        }
    }

    /** Stops what runs for the Deployment and removes its folder; the caller holds its lock. */
    private void stopLocked(String deploymentId, boolean undeploying) {
        RunningDeployment rd = running.remove(deploymentId);
        if (rd != null) {
            end(rd);
            for (AppProcess app : rd.apps()) {
                app.logs().note(DeploymentLogSeverity.NOTICE, "Application " + app.name + " stopped"
                        + (undeploying ? " (undeploy)" : ""));
            }
            rd.flush();
        }
        WorkFolders.delete(folders.deployment(deploymentId));
    }

    /** Stops the processes and jobs of {@code rd} and removes its folder. */
    private void end(RunningDeployment rd) {
        rd.jobs().forEach(name -> eventsAndJobs.cancel(rd.deploymentId, name));
        rd.apps().parallelStream().forEach(AppProcess::stop);
        WorkFolders.delete(rd.folder);
        active.remove(rd);
    }

    @Override
    public Option<RunningApplication> application(String deploymentId, String applicationName) {
        RunningDeployment rd = running.get(deploymentId);
        AppProcess app = rd == null ? null : rd.app(applicationName);
        return app == null ? Option.none()
                : Option.some(new RunningApplication(app.type.wireValue(), app.address(), app.endpoint));
    }

    @Override
    public Either<ConnectError, String> deliver(String deploymentId, String applicationName, EventMessage message) {
        Objects.requireNonNull(message, "message is null");
        return eventsAndJobs.deliver(deploymentId, applicationName, runningApp(deploymentId, applicationName), message);
    }

    @Override
    public Either<ConnectError, String> runJob(String deploymentId, String applicationName) {
        return eventsAndJobs.runNow(deploymentId, applicationName, runningApp(deploymentId, applicationName));
    }

    private AppProcess runningApp(String deploymentId, String applicationName) {
        RunningDeployment rd = running.get(deploymentId);
        return rd == null ? null : rd.app(applicationName);
    }

    @Override
    public void close() {
        closed.set(true);
        for (String id : List.copyOf(running.keySet())) {
            stop(id, false);
        }
        eventsAndJobs.close();
        scheduler.shutdownNow();
    }

    private void flushAll() {
        try {
            active.forEach(RunningDeployment::flush);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the runner's log flush failed", e);
        }
    }

    private RunResult failed(Deployment d, RunningDeployment rd, String title, String message) {
        return DeploymentLaunch.failed(d, rd, title, message, settings.clock());
    }

    private String url(String deploymentId, String applicationName) {
        String base = settings.serverBase().get().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/.connectstage/apps/" + deploymentId + "/" + applicationName;
    }

    private static ApplicationType typeOf(Deployment d, String applicationName) {
        if (d.connector().configurations() != null) {
            for (ConnectorConfigurationApplication app : d.connector().configurations()) {
                if (app.applicationName().equals(applicationName)) {
                    return app.applicationType();
                }
            }
        }
        return null;
    }

    /**
     * Configures a {@link ProcessDeploymentRunner}. {@link #serverBase} and {@link #workDirectory}
     * are required; every other setting has a default.
     */
    public static final class Builder {
        private Supplier<URI> serverBase;
        private Path workDirectory;
        private final Map<String, Path> mirrors = new LinkedHashMap<>();
        private final List<String> allow = new ArrayList<>();
        private int maxApplications = 20;
        private Duration installTimeout = Duration.ofMinutes(5);
        private Duration buildTimeout = Duration.ofMinutes(5);
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration scriptTimeout = Duration.ofMinutes(5);
        private Duration stopGrace = Duration.ofSeconds(5);
        private Duration minRestartBackoff = Duration.ofSeconds(1);
        private Duration maxRestartBackoff = Duration.ofSeconds(30);
        private int maxLineLength = 8 * 1024;
        private int maxLinesPerFlush = 500;
        private Clock clock = Clock.systemUTC();
        private DeliveryPolicy deliveryPolicy = DeliveryPolicy.connect();
        private ZoneId scheduleZone = ZoneOffset.UTC;
        private GitRepositorySource repositorySource;
        private final Map<String, String> buildEnvironment = new LinkedHashMap<>();
        private Path node;
        private String path = System.getenv("PATH") != null ? System.getenv("PATH") : "/usr/local/bin:/usr/bin:/bin";

        private Builder() {
        }

        /** The server's base URL (known once it is bound): applications get {@code {base}/.connectstage/apps/{id}/{name}}. */
        public Builder serverBase(Supplier<URI> serverBase) {
            this.serverBase = Objects.requireNonNull(serverBase, "serverBase is null");
            return this;
        }

        /** The one folder the runner writes under (one runner per folder: it kills what a previous one left there). */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory is null");
            return this;
        }

        /** Repository URLs fetched from local repositories instead; these are run. */
        public Builder mirrors(Map<String, Path> urlToLocalRepository) {
            mirrors.putAll(Objects.requireNonNull(urlToLocalRepository, "urlToLocalRepository is null"));
            return this;
        }

        /** URL prefixes of repositories that are run (besides mirrored ones). */
        public Builder allow(List<String> urlPrefixes) {
            allow.addAll(Objects.requireNonNull(urlPrefixes, "urlPrefixes is null"));
            return this;
        }

        /** The most service, event and job applications running at once; default 20. */
        public Builder maxApplications(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxApplications must be at least 1: " + max);
            }
            this.maxApplications = max;
            return this;
        }

        /** The longest {@code npm ci} or {@code npm install} may take; default 5 minutes. */
        public Builder installTimeout(Duration limit) {
            this.installTimeout = positive("installTimeout", limit);
            return this;
        }

        /** The longest {@code npm run build} may take; default 5 minutes. */
        public Builder buildTimeout(Duration limit) {
            this.buildTimeout = positive("buildTimeout", limit);
            return this;
        }

        /** The longest an application may take to answer on its port after {@code npm start}; default 60 s. */
        public Builder startTimeout(Duration limit) {
            this.startTimeout = positive("startTimeout", limit);
            return this;
        }

        /** The longest a {@code postDeploy} or {@code preUndeploy} script may take; default 5 minutes. */
        public Builder scriptTimeout(Duration limit) {
            this.scriptTimeout = positive("scriptTimeout", limit);
            return this;
        }

        /** How long a process has between SIGTERM and SIGKILL; default 5 s. */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = positive("stopGrace", grace);
            return this;
        }

        /** The first and the longest wait before an application that exited is started again; default 1 s and 30 s. */
        public Builder restartBackoff(Duration first, Duration longest) {
            this.minRestartBackoff = positive("first", first);
            this.maxRestartBackoff = positive("longest", longest);
            if (longest.compareTo(first) < 0) {
                throw new IllegalArgumentException("the longest backoff is shorter than the first");
            }
            return this;
        }

        /** The longest line of output kept, in bytes (the rest is cut); default 8 KiB. */
        public Builder maxLineLength(int bytes) {
            if (bytes < 80) {
                throw new IllegalArgumentException("maxLineLength must be at least 80: " + bytes);
            }
            this.maxLineLength = bytes;
            return this;
        }

        /** The most lines of one application kept per quarter second (the others are counted as dropped); default 500. */
        public Builder maxLinesPerFlush(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("maxLinesPerFlush must be at least 1: " + lines);
            }
            this.maxLinesPerFlush = lines;
            return this;
        }

        /** How events are retried; default {@link DeliveryPolicy#connect()}, as Connect's Pub/Sub push. */
        public Builder deliveryPolicy(DeliveryPolicy policy) {
            this.deliveryPolicy = Objects.requireNonNull(policy, "policy is null");
            return this;
        }

        /** The time zone job schedules are read in; default UTC. */
        public Builder scheduleZone(ZoneId zone) {
            this.scheduleZone = Objects.requireNonNull(zone, "zone is null");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * The source to fetch repositories with (credentials, reach policy, caps); by default one
         * with the {@link #mirrors} and the default reach policy, working under the work folder.
         * Its mirrors should be the runner's.
         */
        public Builder repositorySource(GitRepositorySource source) {
            this.repositorySource = Objects.requireNonNull(source, "source is null");
            return this;
        }

        /**
         * Variables that {@code npm ci}, {@code npm install} and {@code npm run build} get besides
         * their own, such as {@code HTTPS_PROXY} or {@code NODE_EXTRA_CA_CERTS} when the registry is
         * reached through a proxy; never the applications or their scripts. Default none.
         */
        public Builder buildEnvironment(Map<String, String> variables) {
            buildEnvironment.putAll(Objects.requireNonNull(variables, "variables is null"));
            return this;
        }

        /** The {@code node} executable; by default the one found on {@link #path}. */
        public Builder node(Path node) {
            this.node = Objects.requireNonNull(node, "node is null");
            return this;
        }

        /** The {@code PATH} commands get, to find node, npm and sh; default the server's. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path is null");
            return this;
        }

        public ProcessDeploymentRunner build() {
            Objects.requireNonNull(serverBase, "serverBase is required");
            Objects.requireNonNull(workDirectory, "workDirectory is required");
            Path nodePath = node != null ? node : findNode(path);
            return new ProcessDeploymentRunner(new Settings(serverBase, workDirectory, Map.copyOf(mirrors), List.copyOf(allow),
                    maxApplications, installTimeout, buildTimeout, startTimeout, scriptTimeout, stopGrace, minRestartBackoff,
                    maxRestartBackoff, maxLineLength, maxLinesPerFlush, clock, nodePath, path, deliveryPolicy, scheduleZone,
                    Map.copyOf(buildEnvironment)),
                    repositorySource);
        }

        private static Path findNode(String path) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path candidate = Path.of(dir, "node");
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
            throw new IllegalStateException("node was not found on the PATH; give it with node(Path)");
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name + " is null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
