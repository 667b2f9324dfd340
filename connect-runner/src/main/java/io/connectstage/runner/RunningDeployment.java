package io.connectstage.runner;

import io.connectstage.processing.DeploymentLogSink;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What runs for one Deployment: its folder, the log channel of each application, the processes of
 * its service, event and job applications, its {@code preUndeploy} scripts and its scheduled jobs.
 */
final class RunningDeployment {
    /** A script to run in an application's folder with the application's environment. */
    record Script(String applicationName, String kind, String command, Path folder, Map<String, String> environment) {
        /** Without the environment: it holds the secured values in clear. */
        @Override
        public String toString() {
            return "Script[" + applicationName + " " + kind + ": " + command + "]";
        }
    }

    final String deploymentId;
    final Path folder;
    private final DeploymentLogSink sink;
    private final Clock clock;
    private final int maxLinesPerFlush;
    private final Map<String, LogChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, AppProcess> apps = new LinkedHashMap<>();
    private final List<Script> preUndeploy = new ArrayList<>();
    private final List<String> jobs = new ArrayList<>();

    RunningDeployment(String deploymentId, Path folder, DeploymentLogSink sink, Clock clock, int maxLinesPerFlush) {
        this.deploymentId = deploymentId;
        this.folder = folder;
        this.sink = sink;
        this.clock = clock;
        this.maxLinesPerFlush = maxLinesPerFlush;
    }

    LogChannel channel(String applicationName) {
        return channels.computeIfAbsent(applicationName,
                name -> new LogChannel(deploymentId, name, sink, clock, maxLinesPerFlush));
    }

    synchronized void add(AppProcess app) {
        apps.put(app.name, app);
    }

    synchronized AppProcess app(String name) {
        return apps.get(name);
    }

    synchronized Collection<AppProcess> apps() {
        return List.copyOf(apps.values());
    }

    synchronized int size() {
        return apps.size();
    }

    synchronized void addPreUndeploy(Script script) {
        preUndeploy.add(script);
    }

    synchronized List<Script> preUndeploy() {
        return List.copyOf(preUndeploy);
    }

    synchronized void addJob(String id) {
        jobs.add(id);
    }

    synchronized List<String> jobs() {
        return List.copyOf(jobs);
    }

    void flush() {
        channels.values().forEach(LogChannel::flush);
    }
}
