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
import io.connectstage.spec.SpecLimits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code ./connect analyze PATH} and {@code ./connect analyze URL --tag TAG}: the analysis a
 * preview or publish request would run, before the connector is ever created. Prints the report
 * (or, with {@code --json}, one JSON object); exit code 0 when the specification is valid, 1 when
 * it is not, 2 on usage errors.
 */
final class AnalyzeCommand {
    static final String USAGE = "usage: ./connect analyze PATH [--json]\n"
            + "       ./connect analyze URL --tag TAG [--json]\n"
            + "  PATH  a directory holding connect.yaml, or the file itself\n"
            + "  URL   a git repository (https://, git@host:org/repo.git, ssh://, file:// or a local path)";

    private final PrintStream out;
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String target = null;
        String tag = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json":
                    json = true;
                    break;
                case "--tag":
                    if (i + 1 >= args.length) {
                        return usage("--tag needs a value");
                    }
                    tag = args[++i];
                    break;
                default:
                    if (args[i].startsWith("--")) {
                        return usage("unknown option " + args[i]);
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
        Analysis analysis = tag == null
                ? SpecAnalyzer.analyzeLocal(Path.of(target), SpecLimits.defaults(), now)
                : new SpecAnalyzer(GitRepositorySource.builder().build()).analyze(new Repository(target, tag), now);
        if (json) {
            out.println(toJson(analysis).toPrettyString());
        } else {
            print(tag == null ? target : target + " at tag " + tag, analysis);
        }
        return analysis.valid() ? 0 : 1;
    }

    private int usage(String problem) {
        err.println("connect analyze: " + problem);
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
        out.println(what + ": " + (analysis.valid() ? "valid" : "NOT valid"));
        for (ConnectorReportEntry entry : analysis.entries()) {
            out.printf("  %-11s %s%n", entry.type().wireValue(), entry.title());
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
