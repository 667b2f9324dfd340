package io.connectstage.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * The command-line entry point behind {@code ./connect} (picocli): one subcommand per job. Exit
 * codes: 0 done, 1 the job failed, 2 usage error.
 */
@Command(name = "./connect", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "connectstage 0.1.0", subcommands = {
        ConnectCli.Demo.class, AnalyzeCommand.class, ServeCommand.class, CliEnvCommand.class, EventCommand.class,
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
        if (args.length == 0 || !args[0].equals("serve")) {
            // the other commands say what they have to say themselves, as when the jar had no binding
            ServeLogging.silence();
        }
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
        cli.setParameterExceptionHandler(ConnectCli::usageError);
        return cli;
    }

    /**
     * A usage error: its message (with what the user typed, control characters escaped, since
     * picocli quotes the argument as given) and the command's usage, on standard error; exit code 2.
     */
    private static int usageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(Sanitize.line(problem.getMessage()));
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
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
}
