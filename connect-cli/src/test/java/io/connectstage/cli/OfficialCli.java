package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official commercetools CLI (npm {@code @commercetools/cli} 0.0.23, unmodified) pointed at a
 * server by {@code ./connect cli-env}, for the tests that drive it. The CLI is installed with
 * {@code npm ci} from {@code src/test/cli} into {@code target/ct-cli} when missing; without node
 * and npm, {@link #against} fails the test. Each run gets a home of its own (its login) and a
 * standard input: empty unless a test answers the CLI's prompts through it.
 */
final class OfficialCli {
    static final Path CLI_DIR = Path.of("target", "ct-cli").toAbsolutePath();

    /** What a run printed (standard output and error, colours stripped) and its exit code. */
    record Result(int code, String output) {
    }

    private final Map<String, String> env;
    private final Path tmp;

    private OfficialCli(Map<String, String> env, Path tmp) {
        this.env = env;
        this.tmp = tmp;
    }

    /** Installs the CLI when missing and points it at this server, its preload written under {@code tmp}. */
    static OfficialCli against(URI server, Path tmp) throws Exception {
        install();
        return new OfficialCli(cliEnv(server.toString(), tmp.resolve("preload")), tmp);
    }

    /** What {@code eval "$(./connect cli-env --url URL)"} puts in the environment. */
    private static Map<String, String> cliEnv(String url, Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConnectCli.run(new String[] {"cli-env", "--url", url, "--dir", dir.toString(), "--poll-ms", "100"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        Map<String, String> vars = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            assertTrue(line.startsWith("export "), line);
            int eq = line.indexOf('=');
            String value = line.substring(eq + 1);
            if (value.startsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("'\\''", "'");
            }
            vars.put(line.substring("export ".length(), eq), value);
        }
        assertEquals(url, vars.get("CTP_CLI_CONNECT_API_URL"));
        return vars;
    }

    private static synchronized void install() throws Exception {
        if (Files.isRegularFile(CLI_DIR.resolve("node_modules/@commercetools/cli/bin/run.js"))) {
            return;
        }
        Files.createDirectories(CLI_DIR);
        for (String f : List.of("package.json", "package-lock.json")) {
            Files.copy(Path.of("src", "test", "cli", f), CLI_DIR.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Result r = run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts").directory(CLI_DIR.toFile()),
                "", 600);
        assertEquals(0, r.code(), "npm ci failed (node and npm are needed for this test):\n" + r.output());
    }

    private static Result run(ProcessBuilder pb, String input, long timeoutSeconds) throws Exception {
        pb.redirectErrorStream(true);
        Path log = Files.createTempFile("ct-cli", ".log");
        Path stdin = Files.createTempFile("ct-cli", ".in");
        Files.writeString(stdin, input);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(stdin.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + pb.command() + " (is node installed?): " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(pb.command() + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", ""));
        } finally {
            Files.delete(log);
            Files.delete(stdin);
        }
    }

    /** Runs {@code commercetools ARGS} as the user of this home, with an empty standard input. */
    Result run(Path home, String... args) throws Exception {
        return runWithInput(home, "", args);
    }

    /** Runs {@code commercetools ARGS} as the user of this home, answering its prompts with {@code input}. */
    Result runWithInput(Path home, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", CLI_DIR.resolve("node_modules/@commercetools/cli/bin/run.js").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().putAll(env);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        pb.environment().put("NO_COLOR", "1");
        return run(pb, input, 180);
    }

    /** {@link #run}, asserting exit code 0. */
    Result ok(Path home, String... args) throws Exception {
        Result r = run(home, args);
        assertEquals(0, r.code(), String.join(" ", args) + ":\n" + r.output());
        return r;
    }

    /** {@link #ok}, also asserting that the output never shows {@code secret} (a secured value). */
    Result okNeverShowing(String secret, Path home, String... args) throws Exception {
        Result r = ok(home, args);
        assertFalse(r.output().contains(secret), "a secured value in the output:\n" + r.output());
        return r;
    }

    /** {@link #runWithInput}, asserting exit code 0. */
    Result okWithInput(Path home, String input, String... args) throws Exception {
        Result r = runWithInput(home, input, args);
        assertEquals(0, r.code(), String.join(" ", args) + ":\n" + r.output());
        return r;
    }

    /** A new home directory under the test's temporary directory: a user with no login yet. */
    Path home(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }
}
