package io.connectstage.testkit;

import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.error.ConnectError;
import io.connectstage.processing.DeploymentLogSink;
import io.connectstage.processing.DeploymentRunner;
import io.connectstage.processing.RunResult;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link DeploymentRunner} that runs nothing and records every call, answering what the test
 * gives: a refusal or none, and the {@link RunResult} of a start (made from the Deployment), after
 * sending the log lines given to the sink. What the build and undeploy steps ask of a runner is
 * then checked without processes.
 */
public final class RecordingDeploymentRunner implements DeploymentRunner {
    /** One call of {@link #start}: the project, the Deployment as the build step gave it, and whether postDeploy runs. */
    public record Start(String projectKey, Deployment deployment, boolean postDeploy) {
    }

    /** One call of {@link #stop}. */
    public record Stop(String deploymentId, boolean undeploying) {
    }

    private final Option<String> refusal;
    private final Function<Deployment, RunResult> result;
    private final Function<Deployment, List<DeploymentLog>> output;
    public final List<Start> starts = new CopyOnWriteArrayList<>();
    public final List<Stop> stops = new CopyOnWriteArrayList<>();
    private volatile Runnable onStop = () -> { };

    /**
     * @param refusal what {@link #refusal} answers for every Deployment
     * @param result  what {@link #start} answers
     * @param output  the lines {@link #start} sends to its sink first
     */
    public RecordingDeploymentRunner(Option<String> refusal, Function<Deployment, RunResult> result,
            Function<Deployment, List<DeploymentLog>> output) {
        this.refusal = refusal;
        this.result = result;
        this.output = output;
    }

    /** Runs {@code check} inside each {@link #stop}, to see the world as the runner sees it then. */
    public void onStop(Runnable check) {
        this.onStop = check;
    }

    @Override
    public Option<String> refusal(Deployment d) {
        return refusal;
    }

    @Override
    public RunResult start(String projectKey, Deployment d, boolean postDeploy, DeploymentLogSink logs) {
        starts.add(new Start(projectKey, d, postDeploy));
        logs.append(output.apply(d));
        return result.apply(d);
    }

    @Override
    public void stop(String deploymentId, boolean undeploying) {
        stops.add(new Stop(deploymentId, undeploying));
        onStop.run();
    }

    @Override
    public Option<RunningApplication> application(String deploymentId, String applicationName) {
        return Option.none();
    }

    @Override
    public Either<ConnectError, String> deliver(String deploymentId, String applicationName, EventMessage message) {
        return Either.left(ConnectError.resourceNotFound("application name '" + applicationName + "'"));
    }

    @Override
    public Either<ConnectError, String> runJob(String deploymentId, String applicationName) {
        return Either.left(ConnectError.resourceNotFound("application name '" + applicationName + "'"));
    }

    @Override
    public void close() {
    }
}
