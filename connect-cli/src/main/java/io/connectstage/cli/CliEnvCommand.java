package io.connectstage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./connect cli-env --url URL}: writes the Node preload that points the official
 * commercetools CLI at a local server and prints the environment that loads it, ready for
 * {@code eval}. The CLI takes its Connect API URL from {@code CTP_CLI_CONNECT_API_URL}; its auth
 * host is fixed, so the preload rewrites {@code https://auth.<region>.commercetools.com} in
 * {@code fetch}, and shortens its 30-60 s polling waits.
 */
@Command(name = "cli-env", description = {
        "Print the environment that points the official commercetools CLI (npm @commercetools/cli) at a local server:",
        "  eval \"$(./connect cli-env --url http://127.0.0.1:8080)\""})
final class CliEnvCommand implements Callable<Integer> {
    static final String PRELOAD = "ct-cli-preload.cjs";

    @ParentCommand
    ConnectCli parent;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "the server, as 'serve' printed it (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write the preload (default: a connectstage directory in the temporary directory)")
    Path dir;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "200", description = "how long the CLI's polling waits last (default ${DEFAULT-VALUE})")
    int pollMs;

    @Override
    public Integer call() throws IOException {
        Path target = (dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "connectstage")).toAbsolutePath();
        Path preload = writePreload(target);
        String base = url.replaceAll("/+$", "");
        parent.out.println("export CTP_CLI_CONNECT_API_URL=" + quote(base));
        parent.out.println("export CONNECTSTAGE_AUTH_URL=" + quote(base));
        parent.out.println("export CONNECTSTAGE_CLI_POLL_MS=" + pollMs);
        parent.out.println("export NODE_OPTIONS=" + quote("--require \"" + preload + "\""));
        return 0;
    }

    /** Writes the preload into this directory; answers its path. */
    static Path writePreload(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path preload = directory.resolve(PRELOAD);
        try (InputStream in = CliEnvCommand.class.getResourceAsStream(PRELOAD)) {
            Files.copy(in, preload, StandardCopyOption.REPLACE_EXISTING);
        }
        return preload;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
