package io.connectstage.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command-line entry point behind {@code ./connect}: one subcommand per job. Exit codes:
 * 0 done, 1 the job failed, 2 usage error.
 */
public final class ConnectCli {
    private ConnectCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand, writing to {@code out} and {@code err}; answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "demo":
                return new DemoCommand(out).run(rest);
            case "analyze":
                return new AnalyzeCommand(out, err).run(rest);
            default:
                err.println("connect: unknown command '" + args[0] + "'");
                usage(err);
                return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: ./connect <command> [arguments]");
        out.println();
        out.println("commands:");
        out.println("  demo    create a ConnectorStaged, apply update actions (one of them rejected) and print the JSON");
        out.println("  analyze PATH | URL --tag TAG [--json]");
        out.println("          analyze a connect.yaml (a directory holding it, the file, or a git repository at a tag)");
        out.println("          and print the report; exit code 0 when valid, 1 when not, 2 on usage errors");
        out.println("  help    show this help");
    }
}
