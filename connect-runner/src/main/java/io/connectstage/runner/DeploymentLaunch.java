package io.connectstage.runner;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.processing.RunResult;
import io.connectstage.repository.GitRepositorySource;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One start of a Deployment: its repository checked out at the tag, each service, event and job
 * application built, started on a free port and awaited until it answers there, then the
 * {@code postDeploy} scripts and the jobs' schedules. The first failure ends it with a report
 * entry that says why (the caller stops what was started).
 */
final class DeploymentLaunch {
    /** The application types that run as processes; Merchant Center applications and assets do not. */
    static final Set<ApplicationType> RUN = Set.of(ApplicationType.SERVICE, ApplicationType.EVENT, ApplicationType.JOB);

    /** What a launch uses of its runner. */
    record Parts(GitRepositorySource source, ApplicationBuild builds, Environments environments, AppProcess.Context apps,
            EventsAndJobs eventsAndJobs, ScriptRun scripts, Duration startTimeout, Clock clock,
            BiFunction<String, String, String> urls) {
    }

    /** An application of the Deployment with what its tree says about it. */
    private record Planned(ApplicationDeployment app, ConnectorTree.Application spec) {
    }

    private final Parts parts;
    private final Deployment d;
    private final RunningDeployment rd;
    private final boolean postDeploy;
    private final List<ConnectorReportEntry> entries = new ArrayList<>();

    DeploymentLaunch(Parts parts, Deployment d, RunningDeployment rd, boolean postDeploy) {
        this.parts = parts;
        this.d = d;
        this.rd = rd;
        this.postDeploy = postDeploy;
    }

    RunResult run() throws InterruptedException {
        Either<String, ConnectorTree> tree = ConnectorTree.checkout(parts.source(), d.connector().repository(), rd.folder);
        if (tree.isLeft()) {
            return failed(d, rd, "The repository could not be read", tree.getLeft(), parts.clock());
        }
        List<Planned> planned = new ArrayList<>();
        for (ApplicationDeployment app : d.applications()) {
            String name = app.applicationName();
            LogChannel logs = rd.channel(name);
            Either<String, ConnectorTree.Application> spec = tree.get().application(name);
            if (spec.isLeft()) {
                return fail(name, "Build of application " + name + " failed", spec.getLeft());
            }
            ConnectorTree.Application a = spec.get();
            if (!RUN.contains(a.type())) {
                String why = "Application " + name + " (" + a.type().wireValue() + ") is not run: connectstage runs"
                        + " service, event and job applications; Merchant Center applications and assets are served"
                        + " by commercetools, not by a process of the connector.";
                logs.note(DeploymentLogSeverity.NOTICE, why);
                entries.add(entry(ConnectorReportEntryType.INFORMATION, "Application " + name + " not run", why, name));
            } else {
                ConnectorReportEntry built = parts.builds().build(name, a.folder(), logs);
                entries.add(built);
                if (built.type() == ConnectorReportEntryType.ERROR) {
                    return new RunResult(false, entries, Map.of());
                }
            }
            planned.add(new Planned(app, a));
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (Planned p : planned) {
            if (RUN.contains(p.spec().type())) {
                urls.put(p.app().applicationName(), parts.urls().apply(d.id(), p.app().applicationName()));
            }
        }
        for (Planned p : planned) {
            if (RUN.contains(p.spec().type())) {
                String failure = launch(p, urls);
                if (failure != null) {
                    return fail(p.app().applicationName(), "Application " + p.app().applicationName()
                            + " could not be started", failure);
                }
            }
        }
        for (AppProcess app : rd.apps()) {
            if (!app.awaitReady(parts.startTimeout())) {
                java.util.OptionalInt exit = app.exitCode();
                String why = exit.isPresent()
                        ? "Application " + app.name + " exited with code " + exit.getAsInt() + " before it answered on its port "
                                + app.port
                        : "Application " + app.name + " did not answer on its port " + app.port + " within "
                                + parts.startTimeout().toSeconds() + " s (it must listen on the port in PORT)";
                return fail(app.name, "Application " + app.name + " did not start",
                        ApplicationBuild.withLines(why, app.lastLines()));
            }
            app.logs().note(DeploymentLogSeverity.NOTICE, "Application " + app.name + " answers on its port " + app.port);
        }
        for (Planned p : planned) {
            String name = p.app().applicationName();
            Map<String, String> env = parts.environments().application(d, p.app(), p.spec().type(), urls.get(name), null);
            if (p.spec().scripts().preUndeploy() != null) {
                rd.addPreUndeploy(new RunningDeployment.Script(name, "preUndeploy", p.spec().scripts().preUndeploy(),
                        p.spec().folder(), env));
            }
            if (p.spec().scripts().postDeploy() != null && !postDeploy) {
                rd.channel(name).note(DeploymentLogSeverity.INFO, "The postDeploy script was not run: "
                        + (d.status() == io.connectstage.deployment.DeploymentStatus.DEPLOYED
                                ? "the applications were deployed already and are only started again"
                                : "the redeploy asked to skip scripts"));
            } else if (p.spec().scripts().postDeploy() != null) {
                RunningDeployment.Script script = new RunningDeployment.Script(name, "postDeploy",
                        p.spec().scripts().postDeploy(), p.spec().folder(), env);
                CommandRun.Outcome outcome = parts.scripts().run(rd, script);
                if (!outcome.succeeded()) {
                    return fail(name, "The postDeploy script of application " + name + " failed", ApplicationBuild.withLines(
                            outcome.describe("The postDeploy script", parts.scripts().timeout()), rd.channel(name).takeTail()));
                }
            }
        }
        for (Planned p : planned) {
            String name = p.app().applicationName();
            if (p.spec().type() == ApplicationType.JOB) {
                // the Deployment's schedule when it has one, as Connect lets a Deployment override connect.yaml's
                String schedule = p.app().schedule() != null ? p.app().schedule() : p.spec().schedule();
                if (schedule != null) {
                    parts.eventsAndJobs().schedule(d.id(), rd.app(name), schedule);
                    rd.addJob(name);
                }
            }
        }
        return new RunResult(true, entries, urls);
    }

    /** Starts one application on a free port; why it could not be, or {@code null}. */
    private String launch(Planned p, Map<String, String> urls) {
        String name = p.app().applicationName();
        try {
            int port = AppProcess.freePort();
            Map<String, String> env = parts.environments().application(d, p.app(), p.spec().type(), urls.get(name), port);
            String topic = p.spec().type() == ApplicationType.EVENT ? p.app().eventTopic() : null;
            AppProcess app = new AppProcess(name, p.spec().type(), p.spec().endpoint(), topic, port, p.spec().folder(), env,
                    rd.channel(name), parts.apps());
            rd.add(app);
            rd.channel(name).note(DeploymentLogSeverity.INFO, "Starting application " + name + " with npm start on port " + port);
            app.launch();
            return null;
        } catch (java.io.IOException e) {
            return "npm start could not be started: " + e.getMessage();
        }
    }

    private RunResult fail(String applicationName, String title, String message) {
        rd.channel(applicationName).note(DeploymentLogSeverity.ERROR, title + ": " + message);
        entries.add(entry(ConnectorReportEntryType.ERROR, title, message, applicationName));
        return new RunResult(false, entries, Map.of());
    }

    private ConnectorReportEntry entry(ConnectorReportEntryType type, String title, String message, String application) {
        return new ConnectorReportEntry(type, title, message, parts.clock().instant(), application);
    }

    /** A start that ends before anything runs: one error entry, and a log line per application that says why. */
    static RunResult failed(Deployment d, RunningDeployment rd, String title, String message, Clock clock) {
        for (ApplicationDeployment app : d.applications()) {
            rd.channel(app.applicationName()).note(DeploymentLogSeverity.ERROR, title + ": " + message);
        }
        return new RunResult(false, List.of(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, title, message,
                clock.instant(), null)), Map.of());
    }
}
