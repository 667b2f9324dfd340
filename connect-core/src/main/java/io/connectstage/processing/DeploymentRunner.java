package io.connectstage.processing;

import io.connectstage.deployment.Deployment;
import io.connectstage.error.ConnectError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.InetSocketAddress;

/**
 * Runs the applications of Deployments for real, on this machine: what a {@link ConnectorProcessor}
 * given one ({@link ConnectorProcessor.Builder#runner}) calls from the steps of a Deployment. The
 * build step asks {@link #refusal} first (a runner runs only repositories it is allowed to: the
 * others deploy as without a runner, with a log line that says why they were not run), then
 * {@link #start}, which builds the applications at the connector's tag and starts them; the
 * undeploy step calls {@link #stop}. The HTTP edge reaches running applications through
 * {@link #address} (its proxy), {@link #deliver} (events) and {@link #runJob} (jobs).
 *
 * <p>Off by default: the core has no implementation (it does no I/O). {@code connect-runner}'s
 * {@code ProcessDeploymentRunner} builds with npm and runs Node processes. Implementations are
 * thread-safe; {@link #close} stops everything they started.
 */
public interface DeploymentRunner extends AutoCloseable {

    /**
     * Why this runner will not run {@code d}'s applications (its repository is neither mirrored
     * nor allowed, or the most applications are running already), or none when it will.
     */
    Option<String> refusal(Deployment d);

    /**
     * Builds {@code d}'s applications at its connector's repository and tag and starts them with
     * {@code d}'s configuration values, in place of whatever runs for {@code d} already (a
     * redeploy); blocks until each answers on its port, or a time limit or a failure ends it.
     * Never throws for what the repository holds: a failure is a {@link RunResult} that says why.
     * The output of the build and of the applications goes to {@code logs} as it comes.
     *
     * @param projectKey the project of the Deployment
     * @param d          the Deployment as its build step found it ({@code Deploying}), or as it is
     *                   {@code Deployed} when its applications are started again elsewhere
     * @param postDeploy whether to run the applications' {@code postDeploy} scripts once they
     *                   answer: not for a redeploy asked with {@code skipScripts}, nor when
     *                   applications that were deployed already are started again (Connect runs
     *                   the script after a deployment, not when an instance restarts)
     */
    RunResult start(String projectKey, Deployment d, boolean postDeploy, DeploymentLogSink logs);

    /**
     * Stops what runs for this Deployment (its process trees: SIGTERM, then SIGKILL after a grace
     * period), running its {@code preUndeploy} script first when {@code undeploying}; frees its
     * ports and removes its working folder. Nothing happens when nothing runs for it.
     */
    void stop(String deploymentId, boolean undeploying);

    /** Where the running application of this name of this Deployment listens, for the proxy. */
    Option<RunningApplication> application(String deploymentId, String applicationName);

    /**
     * Hands {@code message} to the running event application for delivery as a Pub/Sub push
     * request, retried with backoff as Connect does; answers at once, each attempt logged. An
     * error when no event application of that name runs for the Deployment.
     */
    Either<ConnectError, String> deliver(String deploymentId, String applicationName, EventMessage message);

    /** Calls the running job application of this name now, as its schedule would; an error when none runs. */
    Either<ConnectError, String> runJob(String deploymentId, String applicationName);

    /** Stops every application this runner started. */
    @Override
    void close();

    /** An application that runs: its type's wire value, where it listens, and its declared endpoint. */
    record RunningApplication(String applicationType, InetSocketAddress address, String endpoint) {
    }

    /** A message for an event application: its data (any bytes) and attributes. */
    record EventMessage(byte[] data, java.util.Map<String, String> attributes) {
        public EventMessage {
            data = data == null ? new byte[0] : data.clone();
            attributes = attributes == null ? java.util.Map.of() : java.util.Map.copyOf(attributes);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }
}
