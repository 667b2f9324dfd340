package io.connectstage.runner;

import io.connectstage.deployment.DeploymentLogSeverity;
import java.time.Duration;
import java.util.List;

/**
 * Runs a {@code postDeploy} or {@code preUndeploy} script as Connect does: a shell command in its
 * application's folder, with the application's environment, within a time limit; its output and
 * how it ended are log lines of the application.
 */
final class ScriptRun {
    private final CommandRun commands;
    private final Duration timeout;

    ScriptRun(CommandRun commands, Duration timeout) {
        this.commands = commands;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    CommandRun.Outcome run(RunningDeployment rd, RunningDeployment.Script script) {
        LogChannel logs = rd.channel(script.applicationName());
        logs.note(DeploymentLogSeverity.INFO, "Running the " + script.kind() + " script: " + script.command());
        CommandRun.Outcome outcome = commands.run(List.of("sh", "-c", script.command()), script.folder(),
                script.environment(), timeout, logs, script.kind() + "-" + script.applicationName());
        logs.note(outcome.succeeded() ? DeploymentLogSeverity.INFO : DeploymentLogSeverity.ERROR,
                outcome.describe("The " + script.kind() + " script", timeout));
        return outcome;
    }
}
