package io.connectstage.cli;

import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.http.ConnectServer;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.Scope;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.processing.ProcessingPool;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.resource.ResourceRef;
import io.vavr.control.Either;
import io.connectstage.processing.DeploymentRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./connect serve}: the Connect API and its auth service on one port until SIGTERM. Prints
 * exactly one line, {@code listening on http://HOST:PORT}, to standard output once it answers.
 */
@Command(name = "serve", sortOptions = false, description = {
        "Serve the Connect API (/connectors/...), its OAuth endpoints (/oauth/token, /oauth/introspect) and the web console (/).",
        "Prints 'listening on http://HOST:PORT' when ready; SIGTERM stops it."})
final class ServeCommand implements Callable<Integer> {
    static final String DEFAULT_PROJECT = "connectstage";

    @ParentCommand
    ConnectCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "the port; 0 picks a free one (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "the address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--client", paramLabel = "ID:SECRET:SCOPE[,SCOPE...]", description = {
            "an API client (repeatable); scopes such as manage_project:my-project; scopes of several projects",
            "make an organization client, whose tokens are each of one project.",
            "Without any client, one with manage_project:" + DEFAULT_PROJECT + " is generated and printed to standard error."})
    List<String> clients = new ArrayList<>();

    @Option(names = "--organization", paramLabel = "PROJECT[,PROJECT...]", split = ",", description = {
            "generate an organization client with manage_project of each of these projects and print it to standard error",
            "(the first is the project of its tokens asked for without a scope)"})
    List<String> organization = new ArrayList<>();

    @Option(names = "--store", paramLabel = "memory|jdbc:URL", defaultValue = "memory",
            description = "memory (default), jdbc:h2:file:PATH, jdbc:h2:mem:NAME or jdbc:postgresql://HOST/DB?user=U&password=P")
    String store;

    @Option(names = "--schema-prefix", paramLabel = "NAME", defaultValue = StoreOption.DEFAULT_SCHEMA_PREFIX,
            description = "schema NAME_projectKey holds each project's stores, and on PostgreSQL NAME the published Connectors (default ${DEFAULT-VALUE})")
    String schemaPrefix;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + StoreOption.DEFAULT_MAX_CONNECTIONS,
            description = "JDBC stores: the one pool of database connections that every project shares holds at most N"
                    + " (default ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(names = "--max-log-entries", paramLabel = "N", defaultValue = "" + StoreOption.DEFAULT_MAX_LOG_ENTRIES,
            description = "every store keeps at most the newest N log entries of each Deployment, dropping the oldest"
                    + " (default ${DEFAULT-VALUE})")
    int maxLogEntries;

    @Option(names = "--repo-mirror", paramLabel = "URL=PATH", description = "clone this repository URL from a local path or bare repository (repeatable)")
    List<String> mirrors = new ArrayList<>();

    @Option(names = "--poll-seconds", paramLabel = "SECONDS", defaultValue = "5",
            description = "how often processing looks for work other servers left or abandoned "
                    + "(default ${DEFAULT-VALUE}; 0: never; only the resume at start and this server's own requests wake it)")
    long pollSeconds;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4", description = {
            "how many previews, publishes and Deployment steps run at once (default ${DEFAULT-VALUE});",
            "each project uses one at most, so one project's slow repository does not hold up another's"})
    int workers;

    @Option(names = "--lease-seconds", paramLabel = "SECONDS", defaultValue = "30", description = {
            "how long a server's claim on a preview, publish or Deployment step lasts unless renewed (every third of it)",
            "while the work runs: another server, or this one restarted, takes over a dead server's work after it (default ${DEFAULT-VALUE})"})
    long leaseSeconds;

    @Option(names = "--token-lifetime", paramLabel = "SECONDS", defaultValue = "172800", description = "how long tokens live (default ${DEFAULT-VALUE})")
    long tokenLifetime;

    @Option(names = "--fail-build", paramLabel = "PROJECT/DEPLOYMENT_KEY/APP", description = {
            "make the next build of application APP of the Deployment with this key fail, also before it exists (repeatable);",
            "more faults at run time: POST /.connectstage/projects/PROJECT/faults; DELETE there clears them all"})
    List<String> failBuilds = new ArrayList<>();

    @Option(names = "--fail-undeploy", paramLabel = "PROJECT/DEPLOYMENT_KEY",
            description = "make the next undeploy of the Deployment with this key fail: it ends UndeployFailed (repeatable)")
    List<String> failUndeploys = new ArrayList<>();

    @Option(names = "--hold", paramLabel = "PROJECT/DEPLOYMENT_KEY", description = {
            "keep the builds of the Deployment with this key Deploying (repeatable) until released:",
            "POST /.connectstage/projects/PROJECT/faults {\"action\":\"release\",\"deploymentKey\":\"KEY\"}"})
    List<String> holds = new ArrayList<>();

    @Option(names = "--production-deactivated", paramLabel = "PROJECT",
            description = "production Deployments are deactivated in this project: creating one answers 400 "
                    + "DeploymentProductionDeactivated (repeatable)")
    List<String> productionDeactivated = new ArrayList<>();

    @Option(names = "--log-level", paramLabel = "LEVEL", description = {
            "what the server, Jetty and HikariCP log to standard error: error, warn (default), info, debug, trace or off;",
            "every 500 is logged (error) with its X-Correlation-ID, route and stack"})
    String logLevel;

    @Option(names = "--no-console", description = "do not serve the web console (the Merchant Center's Connect screens) at /; "
            + "by default it is served where the API is (--bind, --port)")
    boolean noConsole;

    @Option(names = "--run-apps", description = {
            "build and run the applications of Deployments on this machine (npm ci, npm run build, npm start),",
            "each behind the URL {server}/.connectstage/apps/{deploymentId}/{name}: THIS RUNS THE REPOSITORY'S CODE.",
            "Only repositories mapped by --repo-mirror or matched by --run-allow are run; others deploy without running"})
    boolean runApps;

    @Option(names = "--run-allow", paramLabel = "URL-PREFIX",
            description = "with --run-apps, also run repositories whose URL starts with this (repeatable)")
    List<String> runAllow = new ArrayList<>();

    @Option(names = "--max-apps", paramLabel = "N", defaultValue = "20",
            description = "with --run-apps, the most service, event and job applications running at once (default ${DEFAULT-VALUE})")
    int maxApps;

    @Option(names = "--run-dir", paramLabel = "PATH", description = {
            "with --run-apps, the folder the builds and running applications live under",
            "(default: a new folder in the temporary directory, removed at exit)"})
    Path runDir;

    @Option(names = "--access-log", description = "log one line per request to standard error: client, method, path "
            + "(no query string), status, bytes, milliseconds, X-Correlation-ID; never a header, token or body")
    boolean accessLog;

    @Override
    public Integer call() throws Exception {
        String level;
        try {
            level = logLevel == null ? null : ServeLogging.level(logLevel);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // before anything makes a logger: the binding reads its settings once
        ServeLogging.configure(level, accessLog);
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port is 0 to 65535, not " + port);
        }
        if (workers < 1 || workers > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--workers is 1 to 256, not " + workers);
        }
        if (leaseSeconds < 3 || leaseSeconds > 3600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lease-seconds is 3 to 3600, not " + leaseSeconds);
        }
        if (!runApps && (!runAllow.isEmpty() || runDir != null || spec.commandLine().getParseResult().hasMatchedOption("--max-apps"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--run-allow, --max-apps and --run-dir need --run-apps");
        }
        if (maxApps < 1 || maxApps > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-apps is 1 to 1000, not " + maxApps);
        }
        if (pollSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--poll-seconds is 0 or more, not " + pollSeconds);
        }
        List<OAuthClient> parsed = new ArrayList<>();
        for (String c : clients) {
            Either<String, OAuthClient> client = OAuthClient.parse(c);
            if (client.isLeft()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--client: " + client.getLeft());
            }
            parsed.add(client.get());
        }
        for (String p : organization) {
            if (Scope.parse("manage_project:" + p).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--organization: '" + p + "' is not a project key (2 to 36 of a-z, 0-9, _ and -)");
            }
        }
        if (organization.stream().distinct().count() < organization.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--organization names a project twice");
        }
        Map<String, Path> mirrorMap = new LinkedHashMap<>();
        for (String m : mirrors) {
            int eq = m.lastIndexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--repo-mirror is URL=PATH, not '" + m + "'");
            }
            mirrorMap.put(m.substring(0, eq), Path.of(m.substring(eq + 1)));
        }
        DeploymentFaults faults = new DeploymentFaults();
        try {
            for (String f : failBuilds) {
                String[] p = FaultOption.parse("--fail-build", f, 3);
                faults.failNextBuild(p[0], ResourceRef.key(p[1]), p[2]);
            }
            for (String f : failUndeploys) {
                String[] p = FaultOption.parse("--fail-undeploy", f, 2);
                faults.failNextUndeploy(p[0], ResourceRef.key(p[1]));
            }
            for (String f : holds) {
                String[] p = FaultOption.parse("--hold", f, 2);
                faults.hold(p[0], ResourceRef.key(p[1]));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StoreOption stores;
        try {
            stores = StoreOption.parse(store, schemaPrefix, maxConnections, maxLogEntries);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!organization.isEmpty()) {
            OAuthClient generated = OAuthClient.generate(organization);
            parsed.add(generated);
            parent.err.println("serve: generated an organization client: --client " + generated.toArgument());
        }
        if (parsed.isEmpty()) {
            OAuthClient generated = OAuthClient.generate(DEFAULT_PROJECT);
            parsed.add(generated);
            parent.err.println("serve: no --client given; generated one: --client " + generated.toArgument());
        }
        try {
            stores.check();
        } catch (IllegalStateException e) {
            parent.err.println("serve: " + e.getMessage());
            return 1;
        }

        // the runner learns the server's URL once it listens; a build resumed at start waits for it
        CompletableFuture<URI> base = new CompletableFuture<>();
        RunDirectory runFolder = null;
        DeploymentRunner runner = null;
        if (runApps) {
            try {
                runFolder = RunDirectory.of(runDir);
                runner = RunnerOption.build(base::join, runFolder.path(), mirrorMap, runAllow, maxApps);
            } catch (IOException | RuntimeException e) {
                parent.err.println("serve: --run-apps: " + e.getMessage());
                if (runFolder != null) {
                    runFolder.close();
                }
                stores.close();
                return 1;
            }
            parent.err.println("serve: --run-apps: running the applications of mirrored and allowed repositories under "
                    + runFolder.path() + " (this runs their code)");
        }
        ProcessingPool processing = new ProcessingPool(workers);
        GitRepositorySource source = GitRepositorySource.builder().mirrors(mirrorMap).build();
        PerProjectSpaces spaces;
        try {
            spaces = PerProjectSpaces.builder()
                .staged(stores.staged())
                .deployments(stores.deployments())
                .published(stores.published())
                .analyzer(new SpecAnalyzer(source))
                .pool(processing)
                .lease(Duration.ofSeconds(leaseSeconds))
                .faults(faults)
                .productionDeactivated(java.util.Set.copyOf(productionDeactivated)::contains)
                .build();
        } catch (RuntimeException e) {
            parent.err.println("serve: cannot open the store: " + StoreOption.redact(String.valueOf(e.getMessage())));
            processing.close();
            if (runner != null) {
                runner.close();
                runFolder.close();
            }
            stores.close();
            return 1;
        }
        ConnectServer server;
        try {
            java.util.concurrent.atomic.AtomicBoolean listFailing = new java.util.concurrent.atomic.AtomicBoolean();
            ConnectServer.Builder builder = ConnectServer.builder().bind(bind).port(port).clients(parsed).spaces(spaces)
                    .closing(stores).closing(processing);
            if (runner != null) {
                // closed after the runner, which stops its applications first
                builder.closing(runFolder).runner(runner);
            }
            builder
                    .resume(() -> {
                        try {
                            List<String> keys = stores.projectKeys();
                            listFailing.set(false);
                            return keys;
                        } catch (RuntimeException e) {
                            if (!listFailing.getAndSet(true)) { // listed again at every poll: said once per outage
                                parent.err.println("serve: cannot list the projects to resume: "
                                        + StoreOption.redact(String.valueOf(e.getMessage())));
                            }
                            return List.of();
                        }
                    })
                    .tokenLifetime(Duration.ofSeconds(tokenLifetime)).accessLog(accessLog).console(!noConsole)
                    .inlineReads(store.equals("memory")); // memory stores never block
            if (pollSeconds > 0) {
                builder.pollEvery(Duration.ofSeconds(pollSeconds));
            }
            server = builder.start(); // closes the spaces, the runner, the pool and the stores when it cannot start
        } catch (IllegalStateException e) {
            parent.err.println("serve: " + e.getMessage());
            return 1;
        }
        base.complete(server.baseUri());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // and everything it was given
            stopped.countDown();
        }, "connect-shutdown"));
        parent.out.println("listening on " + server.baseUri());
        parent.out.flush();
        stopped.await();
        return 0;
    }
}
