package io.connectstage.analysis;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Repository;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.repository.DirectorySource;
import io.connectstage.repository.RepositoryProblem;
import io.connectstage.repository.RepositorySource;
import io.connectstage.repository.SpecFile;
import io.connectstage.spec.ConnectYamlParser;
import io.connectstage.spec.ConnectorSpecification;
import io.connectstage.spec.SpecLimits;
import io.connectstage.spec.SpecProblem;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The analysis of a connector: fetch {@code connect.yaml} from its repository at its tag (a
 * {@link RepositorySource}), parse it ({@link ConnectYamlParser}), and say what was found as
 * report entries. Only checks that really ran are reported as such; the checks of the Connect
 * service that need the built applications get one entry saying they were not run.
 *
 * <pre>{@code
 * SpecAnalyzer analyzer = new SpecAnalyzer(GitRepositorySource.builder().mirror(url, localRepo).build());
 * Analysis analysis = analyzer.analyze(new Repository(url, "1.0.0"), Instant.now());
 * }</pre>
 */
public final class SpecAnalyzer implements ConnectorAnalyzer {
    private final RepositorySource source;
    private final SpecLimits limits;

    public SpecAnalyzer(RepositorySource source) {
        this(source, SpecLimits.defaults());
    }

    public SpecAnalyzer(RepositorySource source, SpecLimits limits) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.limits = Objects.requireNonNull(limits, "limits is null");
    }

    @Override
    public Analysis analyze(Repository repository, Instant at) {
        Either<RepositoryProblem, SpecFile> fetched = source.fetchSpec(repository);
        if (fetched.isLeft()) {
            RepositoryProblem problem = fetched.getLeft();
            return Analysis.failed(titleOf(problem.kind()), problem.message() + detail(problem.detail()), at);
        }
        return ofSpecification(fetched.get().content(), limits, at);
    }

    /**
     * The analysis of a local {@code connect.yaml}: {@code path} is the file itself or a directory
     * holding it, read by a {@link DirectorySource} with the size limit of {@code limits}.
     */
    public static Analysis analyzeLocal(Path path, SpecLimits limits, Instant at) {
        return new SpecAnalyzer(new DirectorySource(limits.maxBytes()), limits)
                .analyze(new Repository(path.toString(), null), at);
    }

    /** The analysis of the bytes of a {@code connect.yaml}. */
    public static Analysis ofSpecification(byte[] bytes, SpecLimits limits, Instant at) {
        Either<Seq<SpecProblem>, ConnectorSpecification> parsed = ConnectYamlParser.parse(bytes, limits);
        if (parsed.isLeft()) {
            List<ConnectorReportEntry> entries = new ArrayList<>();
            for (SpecProblem problem : parsed.getLeft()) {
                entries.add(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, ReportTitles.SPEC_NOT_VALID,
                        describe(problem), at, null));
            }
            return new Analysis(false, entries, List.of(), null, null);
        }
        ConnectorSpecification spec = parsed.get();
        List<ConnectorReportEntry> entries = List.of(
                new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, ReportTitles.SPEC_VALID,
                        "connect.yaml declares " + spec.configurations().size() + " application"
                                + (spec.configurations().size() == 1 ? "" : "s") + ".", at, null),
                new ConnectorReportEntry(ConnectorReportEntryType.WARNING, ReportTitles.CHECKS_NOT_RUN,
                        ReportTitles.CHECKS_NOT_RUN_MESSAGE, at, null));
        return new Analysis(true, entries, spec.configurations(), spec.globalConfiguration(), spec.apiClient());
    }

    /** {@code path: message}, or the message alone for a problem of the whole file. */
    public static String describe(SpecProblem problem) {
        return problem.path() == null || problem.path().isEmpty()
                ? problem.message()
                : problem.path() + ": " + problem.message();
    }

    private static String titleOf(RepositoryProblem.Kind kind) {
        switch (kind) {
            case GIT_REPOSITORY_NOT_REACHABLE:
                return ReportTitles.REPOSITORY_NOT_REACHABLE;
            case CONNECTOR_SPECIFICATION_FILE_NOT_FOUND:
                return ReportTitles.SPEC_NOT_FOUND;
            default:
                return ReportTitles.SPEC_NOT_VALID;
        }
    }

    private static String detail(String detail) {
        return detail == null || detail.isEmpty() ? "" : ": " + detail;
    }
}
