package io.connectstage.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The command-line entry point behind {@code ./connect} (picocli): one subcommand per job. Exit
 * codes: 0 done, 1 the job failed, 2 usage error.
 */
@Command(name = "./connect", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "connectstage 0.1.0", subcommands = {
        ConnectCli.Demo.class, ConnectCli.Analyze.class, ServeCommand.class, CliEnvCommand.class,
        CommandLine.HelpCommand.class},
        description = "connectstage: the connector-staging side of commercetools Connect, on your machine.",
        synopsisHeading = "usage: ", synopsisSubcommandLabel = "<command>", commandListHeading = "%ncommands:%n")
public final class ConnectCli implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private ConnectCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand, writing to {@code out} and {@code err}; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new ConnectCli(out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli;
    }

    /** No subcommand: the usage, on standard error, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return 2;
    }

    @Command(name = "demo", description = "Create a ConnectorStaged, apply update actions (one of them rejected) and print the JSON.")
    static final class Demo implements Callable<Integer> {
        @ParentCommand
        ConnectCli parent;

        @Override
        public Integer call() {
            return new DemoCommand(parent.out).run(new String[0]);
        }
    }

    @Command(name = "analyze", description = {
            "Analyze a connect.yaml (a directory holding it, the file, or a git repository at a tag) and print the report.",
            "Exit code 0 when valid, 1 when not, 2 on usage errors, 3 when the analysis crashed."})
    static final class Analyze implements Callable<Integer> {
        @ParentCommand
        ConnectCli parent;

        @Parameters(index = "0", paramLabel = "PATH|URL",
                description = "a directory holding connect.yaml, the file itself, or a git repository URL (with --tag)")
        String target;

        @Option(names = "--tag", paramLabel = "TAG", description = "the tag of the git repository to analyze")
        String tag;

        @Option(names = "--json", description = "print one JSON object {valid, configurations, globalConfiguration, apiClient, entries}")
        boolean json;

        @Option(names = "--ssh-key", paramLabel = "FILE", description = "the private key for SSH URLs (default: ~/.ssh/id_* and the SSH agent)")
        String sshKey;

        @Option(names = "--known-hosts", paramLabel = "FILE", description = "the known_hosts file host keys are checked against (default: ~/.ssh/known_hosts)")
        String knownHosts;

        @Option(names = "--token-env", paramLabel = "NAME", description = "read an HTTPS token from the environment variable NAME (never printed)")
        String tokenEnv;

        @Option(names = "--token-user", paramLabel = "USER", description = "the user name sent with that token (default: x-access-token)")
        String tokenUser;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of(target));
            if (tag != null) {
                args.add("--tag");
                args.add(tag);
            }
            if (json) {
                args.add("--json");
            }
            for (String[] option : new String[][] {{"--ssh-key", sshKey}, {"--known-hosts", knownHosts},
                    {"--token-env", tokenEnv}, {"--token-user", tokenUser}}) {
                if (option[1] != null) {
                    args.add(option[0]);
                    args.add(option[1]);
                }
            }
            return new AnalyzeCommand(parent.out, parent.err).run(args.toArray(String[]::new));
        }
    }
}
