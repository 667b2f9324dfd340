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
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * {@code ./connect analyze PATH} and {@code ./connect analyze URL --tag TAG}: the analysis a
 * preview or publish request would run, before the connector is ever created. Prints the report
 * (or, with {@code --json}, one JSON object); exit code 0 when the specification is valid, 1 when
 * it is not, 2 on usage errors, 3 when the analysis crashed (a bug: no verdict). A URL is only ever
 * printed without its credentials, and control characters in human-readable output are escaped.
 * Local paths, {@code file://} and private addresses are allowed here: the user names them.
 */
final class AnalyzeCommand {
    static final String USAGE = "usage: ./connect analyze PATH [--json]\n"
            + "       ./connect analyze URL --tag TAG [--json]\n"
            + "  PATH  a directory holding connect.yaml, or the file itself\n"
            + "  URL   a git repository (https://, git@host:org/repo.git, ssh://, file:// or a local path)\n"
            + "  --ssh-key FILE      the private key for SSH URLs (default: ~/.ssh/id_* and the SSH agent)\n"
            + "  --known-hosts FILE  the known_hosts file host keys are checked against (default: ~/.ssh/known_hosts)\n"
            + "  --token-env NAME    read an HTTPS token from the environment variable NAME (never printed)\n"
            + "  --token-user USER   the user name sent with that token (default: x-access-token)";
    /** The exit code of a crash: distinct from 1, which is a verdict ("not valid"). */
    static final int CRASHED = 3;

    private final PrintStream out;
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        return guarded(() -> analyze(args));
    }

    /** Runs {@code command}; a throwable that escapes it is a crash: one line on stderr and exit code 3. */
    int guarded(java.util.function.IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError crash) {
            err.println("connect analyze: the analysis crashed (" + crash.getClass().getName()
                    + "); no verdict. This is a bug; please report it.");
            return CRASHED;
        }
    }

    private int analyze(String[] args) {
        String target = null;
        String tag = null;
        boolean json = false;
        Path sshKey = null;
        Path knownHosts = null;
        String tokenEnv = null;
        String tokenUser = "x-access-token";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json":
                    json = true;
                    break;
                case "--ssh-key":
                case "--known-hosts":
                case "--token-env":
                case "--token-user":
                    if (i + 1 >= args.length) {
                        return usage(args[i] + " needs a value");
                    }
                    String value = args[++i];
                    if (args[i - 1].equals("--ssh-key")) {
                        sshKey = Path.of(value);
                    } else if (args[i - 1].equals("--known-hosts")) {
                        knownHosts = Path.of(value);
                    } else if (args[i - 1].equals("--token-env")) {
                        tokenEnv = value;
                    } else {
                        tokenUser = value;
                    }
                    break;
                case "--tag":
                    if (i + 1 >= args.length) {
                        return usage("--tag needs a value");
                    }
                    tag = args[++i];
                    break;
                default:
                    if (args[i].startsWith("--")) {
                        return usage("unknown option " + Sanitize.line(args[i]));
                    }
                    if (target != null) {
                        return usage("one PATH or URL only");
                    }
                    target = args[i];
            }
        }
        if (target == null) {
            return usage("PATH or URL missing");
        }
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
                    return usage("the environment variable " + Sanitize.line(tokenEnv) + " is not set");
                }
                source.credentialsProvider(new UsernamePasswordCredentialsProvider(tokenUser, token));
            }
            analysis = new SpecAnalyzer(source.build()).analyze(new Repository(target, tag), now);
        }
        if (json) {
            out.println(toJson(analysis).toPrettyString());
        } else {
            print(tag == null ? target : RepositoryUrl.redact(target) + " at tag " + tag, analysis);
        }
        return analysis.valid() ? 0 : 1;
    }

    private int usage(String problem) {
        err.println("connect analyze: " + Sanitize.line(problem));
        err.println(USAGE);
        return 2;
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
        PrintStream out = Sanitize.printing(this.out);
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
