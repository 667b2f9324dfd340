package io.connectstage.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.DeploymentLogSeverity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one application's folder as Connect does: {@code npm ci} when it has a lock file, else
 * {@code npm install}, then {@code npm run build} when its {@code package.json} has a build
 * script, each within its time limit. The answer is the application's build report entry: an
 * {@code Information} on success, an {@code Error} with the failing step and its last lines of
 * output otherwise.
 */
final class ApplicationBuild {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandRun commands;
    private final Environments environments;
    private final Duration installTimeout;
    private final Duration buildTimeout;
    private final Clock clock;

    ApplicationBuild(CommandRun commands, Environments environments, Duration installTimeout, Duration buildTimeout,
            Clock clock) {
        this.commands = commands;
        this.environments = environments;
        this.installTimeout = installTimeout;
        this.buildTimeout = buildTimeout;
        this.clock = clock;
    }

    ConnectorReportEntry build(String name, Path folder, LogChannel logs) {
        Path packageJson = folder.resolve("package.json");
        if (!Files.isDirectory(folder) || !Files.isRegularFile(packageJson)) {
            return failed(name, "The repository has no " + name + "/package.json at the deployed tag: the folder of an"
                    + " application is named as the application.", List.of(), logs);
        }
        JsonNode scripts;
        try {
            scripts = JSON.readTree(packageJson.toFile()).path("scripts");
        } catch (IOException e) {
            return failed(name, name + "/package.json is not valid JSON", List.of(), logs);
        }
        boolean locked = Files.isRegularFile(folder.resolve("package-lock.json"))
                || Files.isRegularFile(folder.resolve("npm-shrinkwrap.json"));
        List<String> install = locked ? List.of("npm", "ci", "--no-audit", "--no-fund")
                : List.of("npm", "install", "--no-audit", "--no-fund");
        String step = String.join(" ", install);
        logs.note(DeploymentLogSeverity.INFO, "Running " + step);
        CommandRun.Outcome installed = commands.run(install, folder, environments.build(), installTimeout, logs, "npm-" + name);
        if (!installed.succeeded()) {
            return failed(name, installed.describe(step, installTimeout), logs.takeTail(), logs);
        }
        if (scripts.path("build").isTextual()) {
            logs.note(DeploymentLogSeverity.INFO, "Running npm run build");
            CommandRun.Outcome built = commands.run(List.of("npm", "run", "build"), folder, environments.build(), buildTimeout,
                    logs, "build-" + name);
            if (!built.succeeded()) {
                return failed(name, built.describe("npm run build", buildTimeout), logs.takeTail(), logs);
            }
        }
        logs.takeTail();
        logs.note(DeploymentLogSeverity.NOTICE, "Build of application " + name + " succeeded");
        return new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "Build of application " + name + " succeeded",
                null, clock.instant(), name);
    }

    private ConnectorReportEntry failed(String name, String why, List<String> lastLines, LogChannel logs) {
        logs.note(DeploymentLogSeverity.ERROR, "Build of application " + name + " failed: " + why);
        return new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Build of application " + name + " failed",
                withLines(why, lastLines), clock.instant(), name);
    }

    /** A failure's message: what failed, then the last lines of its output as a failed build shows them. */
    static String withLines(String why, List<String> lastLines) {
        if (lastLines.isEmpty()) {
            return why;
        }
        List<String> all = new ArrayList<>();
        all.add(why + ". Last lines of output:");
        all.addAll(lastLines);
        return String.join("\n", all);
    }
}
