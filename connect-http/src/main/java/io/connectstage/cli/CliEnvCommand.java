package io.connectstage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder, filled in below. */
@Command(name = "cli-env", description = "Print the environment that points the official commercetools CLI at a local server.")
final class CliEnvCommand implements Callable<Integer> {
    @ParentCommand
    ConnectCli parent;

    @Override
    public Integer call() {
        return 0;
    }
}
