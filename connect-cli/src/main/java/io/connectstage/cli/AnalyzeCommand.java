package io.connectstage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.Repository;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.json.ConnectJson;
import io.connectstage.processing.Analysis;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.repository.GitRepositorySourceBuilder;
import io.connectstage.repository.RepositoryReach;
import io.connectstage.repository.RepositoryUrl;
import io.connectstage.spec.SpecLimits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./connect analyze PATH} and {@code ./connect analyze URL --tag TAG}: the analysis a
 * preview or publish request would run, before the connector is ever created. Prints the report
 * (or, with {@code --json}, one JSON object); exit code 0 when the specification is valid, 1 when
 * it is not, 2 on usage errors, 3 when the analysis crashed (a bug: no verdict). A URL is only ever
 * printed without its credentials, and control characters in human-readable output are escaped.
 * Local paths, {@code file://} and private addresses are allowed here: the user names them.
 */
@Command(name = "analyze", description = {
        "Analyze a connect.yaml (a directory holding it, the file, or a git repository at a tag) and print the report.",
        "Exit code 0 when valid, 1 when not, 2 on usage errors, 3 when the analysis crashed."})
final class AnalyzeCommand implements Callable<Integer> {
    /** The exit code of a crash: distinct from 1, which is a verdict ("not valid"). */
    static final int CRASHED = 3;

    @ParentCommand
    ConnectCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH|URL",
            description = "a directory holding connect.yaml, the file itself, or a git repository URL (with --tag)")
    String target;

    @Option(names = "--tag", paramLabel = "TAG", description = "the tag of the git repository to analyze")
    String tag;

    @Option(names = "--json", description = "print one JSON object {valid, configurations, globalConfiguration, apiClient, entries}")
    boolean json;

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "the private key for SSH URLs (default: ~/.ssh/id_* and the SSH agent)")
    Path sshKey;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "the known_hosts file host keys are checked against (default: ~/.ssh/known_hosts)")
    Path knownHosts;

    @Option(names = "--token-env", paramLabel = "NAME", description = "read an HTTPS token from the environment variable NAME (never printed)")
    String tokenEnv;

    @Option(names = "--token-user", paramLabel = "USER", defaultValue = "x-access-token",
            description = "the user name sent with that token (default: ${DEFAULT-VALUE})")
    String tokenUser;

    @Override
    public Integer call() {
        return guarded(parent.err, this::analyze);
    }

    /** Runs {@code command}; a throwable that escapes it is a crash: one line on stderr and exit code 3. */
    static int guarded(PrintStream err, IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError crash) {
            if (crash instanceof CommandLine.ParameterException usage) {
                throw usage;
            }
            err.println("connect analyze: the analysis crashed (" + crash.getClass().getName()
                    + "); no verdict. This is a bug; please report it.");
            return CRASHED;
        }
    }

    private int analyze() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Analysis analysis;
        if (tag == null) {
            analysis = SpecAnalyzer.analyzeLocal(Path.of(target), SpecLimits.defaults(), now);
        } else {
            GitRepositorySourceBuilder source = GitRepositorySource.builder().reach(RepositoryReach.anywhere());
            if (sshKey != null) {
                source.sshKey(sshKey);
            }
            if (knownHosts != null) {
                source.knownHosts(knownHosts);
            }
            if (tokenEnv != null) {
                String token = System.getenv(tokenEnv);
                if (token == null || token.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "the environment variable " + Sanitize.line(tokenEnv) + " is not set");
                }
                source.credentialsProvider(new UsernamePasswordCredentialsProvider(tokenUser, token));
            }
            analysis = new SpecAnalyzer(source.build()).analyze(new Repository(target, tag), now);
        }
        if (json) {
            parent.out.println(toJson(analysis).toPrettyString());
        } else {
            print(tag == null ? target : RepositoryUrl.redact(target) + " at tag " + tag, analysis);
        }
        return analysis.valid() ? 0 : 1;
    }

    static ObjectNode toJson(Analysis analysis) {
        ObjectNode node = ConnectJson.mapper().createObjectNode();
        node.put("valid", analysis.valid());
        node.set("configurations", ConnectJson.toTree(analysis.configurations()));
        node.set("globalConfiguration", ConnectJson.toTree(analysis.globalConfiguration()));
        node.set("apiClient", ConnectJson.toTree(analysis.apiClient()));
        node.set("entries", ConnectJson.toTree(analysis.entries()));
        return node;
    }

    private void print(String what, Analysis analysis) {
        PrintStream out = Sanitize.printing(parent.out);
        out.println(what + ": " + (analysis.valid() ? "valid" : "NOT valid"));
        for (ConnectorReportEntry entry : analysis.entries()) {
            out.println(String.format("  %-11s %s", entry.type().wireValue(), entry.title()));
            if (entry.message() != null) {
                out.println("              " + entry.message());
            }
        }
        if (!analysis.configurations().isEmpty()) {
            out.println("applications:");
            for (ConnectorConfigurationApplication app : analysis.configurations()) {
                out.println("  " + app.applicationName() + " (" + app.applicationType().wireValue() + ")");
                for (StandardConfigurationKey key : app.standardConfiguration()) {
                    out.println("    standard " + key.key() + (Boolean.TRUE.equals(key.required()) ? " (required)" : "")
                            + (key.defaultValue() == null ? "" : " = " + key.defaultValue()));
                }
                for (SecuredConfigurationKey key : app.securedConfiguration()) {
                    out.println("    secured  " + key.key() + (Boolean.TRUE.equals(key.required()) ? " (required)" : ""));
                }
            }
        }
        if (analysis.globalConfiguration() != null) {
            out.println("global configuration: " + ConnectJson.write(analysis.globalConfiguration()));
        }
        if (analysis.apiClient() != null) {
            out.println("api client scopes: " + String.join(" ", analysis.apiClient().scopes()));
        }
    }
}
