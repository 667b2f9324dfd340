package io.connectstage.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The small Node script every command of the runner is started through, so that nothing it
 * starts outlives the JVM, even one killed with SIGKILL (which runs no shutdown hook). The script
 * starts the command in a process group of its own and reads its standard input, a pipe that only
 * the JVM holds: when the JVM dies the pipe closes, and the script sends SIGTERM to the group, then
 * SIGKILL after the grace period. It does the same on SIGTERM, and when the command ends it kills
 * what the command left in its group. The command's output goes straight to the JVM's pipes.
 */
final class Watchdog {
    static final String FILE = "watchdog.js";

    private static final String SCRIPT = """
            'use strict';
            // Written by connectstage's ProcessDeploymentRunner: runs one command in its own process group
            // and takes the group down when the JVM that started it goes away (its stdin closes).
            const { spawn } = require('node:child_process');
            const grace = Number(process.argv[2]);
            const command = process.argv.slice(4);
            const child = spawn(command[0], command.slice(1), { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
            let ending = false;
            function signalGroup(signal) {
              try { process.kill(-child.pid, signal); } catch (e) { /* the group is gone */ }
            }
            function end() {
              if (ending) return;
              ending = true;
              signalGroup('SIGTERM');
              setTimeout(() => { signalGroup('SIGKILL'); process.exit(137); }, grace);
            }
            child.on('error', (e) => { console.error(`cannot start ${command[0]}: ${e.message}`); process.exit(127); });
            child.on('exit', (code, signal) => {
              signalGroup('SIGKILL'); // what the command left behind in its group
              process.exit(code !== null ? code : 128 + (require('node:os').constants.signals[signal] || 0));
            });
            process.stdin.on('end', end);
            process.stdin.on('close', end);
            process.stdin.on('error', end);
            process.stdin.resume();
            for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, end);
            """;

    private final Path node;
    private final Path script;
    private final Duration grace;

    private Watchdog(Path node, Path script, Duration grace) {
        this.node = node;
        this.script = script;
        this.grace = grace;
    }

    /** Writes the script into {@code workDirectory} (again at each start, so it is always this version's). */
    static Watchdog install(Path node, Path workDirectory, Duration grace) {
        Path script = workDirectory.resolve(FILE);
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the watchdog script to " + script, e);
        }
        return new Watchdog(node, script, grace);
    }

    /** The command line that runs {@code command} under the watchdog. */
    List<String> wrap(List<String> command) {
        List<String> all = new ArrayList<>(List.of(node.toString(), script.toString(), Long.toString(grace.toMillis()), "--"));
        all.addAll(command);
        return all;
    }
}
