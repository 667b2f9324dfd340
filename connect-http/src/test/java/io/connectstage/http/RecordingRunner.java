package io.connectstage.http;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.Deployment;
import io.connectstage.error.ConnectError;
import io.connectstage.processing.DeploymentLogSink;
import io.connectstage.processing.DeploymentRunner;
import io.connectstage.processing.RunResult;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A {@link DeploymentRunner} for the routes' tests (here and in connect-cli's, through the test-jar): "starts" a Deployment's applications by
 * pointing each at one {@link EchoApplication} (as a service, event or job application by the
 * types given), answers the URLs the proxy serves, and records what it was asked to deliver and run.
 */
public final class RecordingRunner implements DeploymentRunner {
    public record Delivered(String deploymentId, String applicationName, EventMessage message) {
    }

    private final Supplier<URI> base;
    private final InetSocketAddress address;
    private final Map<String, String> types;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    public final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    public final List<String> jobsRun = new CopyOnWriteArrayList<>();
    public final AtomicBoolean closed = new AtomicBoolean();

    /** @param types application name to its type's wire value, for the applications that run */
    public RecordingRunner(Supplier<URI> base, InetSocketAddress address, Map<String, String> types) {
        this.base = base;
        this.address = address;
        this.types = Map.copyOf(types);
    }

    @Override
    public Option<String> refusal(Deployment d) {
        return Option.none();
    }

    @Override
    public RunResult start(String projectKey, Deployment d, boolean postDeploy, DeploymentLogSink logs) {
        Map<String, String> urls = new LinkedHashMap<>();
        List<ConnectorReportEntry> entries = new ArrayList<>();
        for (ApplicationDeployment app : d.applications()) {
            String name = app.applicationName();
            if (types.containsKey(name)) {
                urls.put(name, base.get() + "/.connectstage/apps/" + d.id() + "/" + name);
                running.add(d.id() + "/" + name);
            }
            entries.add(new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "Build of application " + name
                    + " succeeded", null, Instant.now(), name));
        }
        return new RunResult(true, entries, urls);
    }

    @Override
    public void stop(String deploymentId, boolean undeploying) {
        running.removeIf(key -> key.startsWith(deploymentId + "/"));
    }

    @Override
    public Option<RunningApplication> application(String deploymentId, String applicationName) {
        return running.contains(deploymentId + "/" + applicationName)
                ? Option.of(new RunningApplication(types.get(applicationName), address, "/"))
                : Option.none();
    }

    @Override
    public Either<ConnectError, String> deliver(String deploymentId, String applicationName, EventMessage message) {
        delivered.add(new Delivered(deploymentId, applicationName, message));
        return Either.right("message-" + delivered.size());
    }

    @Override
    public Either<ConnectError, String> runJob(String deploymentId, String applicationName) {
        jobsRun.add(deploymentId + "/" + applicationName);
        return Either.right("run-" + jobsRun.size());
    }

    @Override
    public void close() {
        closed.set(true);
        running.clear();
    }
}
