package io.connectstage.bench;

import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.Repository;
import io.connectstage.processing.Analysis;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.spec.ConnectYamlParser;
import io.connectstage.spec.ConnectorSpecification;
import io.connectstage.spec.SpecProblem;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the spec analyzer costs: {@code parseAndMap}, the pure parse of a 20-application
 * {@code connect.yaml} and its mapping to {@code configurations} (no git); and
 * {@code analyzeLocalRepository}, the full analysis of a local git repository holding that file:
 * a real fetch of the tag into a temporary bare repository, the read of the file, the parse, the
 * report entries, and the clean-up.
 *
 * <pre>{@code
 * mvn -B -q -pl connect-bench -am package -DskipTests
 * java -jar connect-bench/target/benchmarks.jar SpecAnalyzerBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SpecAnalyzerBenchmark {
    static final int APPLICATIONS = 20;
    private static final String URL = "git@github.com:bench/connector.git";

    private byte[] connectYaml;
    private Path directory;
    private SpecAnalyzer analyzer;
    private final Repository repository = new Repository(URL, "1.0.0");
    private final Instant at = Instant.parse("2026-11-23T10:00:00.000Z");

    /** A valid connect.yaml of services, events, jobs and Merchant Center apps, with configuration keys. */
    static String twentyApplications() {
        StringBuilder yaml = new StringBuilder("deployAs:\n");
        String[] types = {"service", "event", "job", "merchant-center-custom-view"};
        for (int i = 0; i < APPLICATIONS; i++) {
            String type = types[i % types.length];
            yaml.append("  - name: app-").append(i).append('\n')
                    .append("    applicationType: ").append(type).append('\n');
            if (!type.startsWith("merchant")) {
                yaml.append("    endpoint: /app-").append(i).append('\n');
            }
            if (type.equals("job")) {
                yaml.append("    properties:\n      schedule: '*/5 * * * *'\n");
            }
            yaml.append("    configuration:\n      standardConfiguration:\n");
            if (type.startsWith("merchant")) {
                yaml.append("        - key: CUSTOM_VIEW_ID\n          description: view id\n          required: true\n")
                        .append("        - key: CLOUD_IDENTIFIER\n          description: cloud\n          default: gcp-eu\n");
            }
            for (int k = 0; k < 5; k++) {
                yaml.append("        - key: KEY_").append(i).append('_').append(k).append('\n')
                        .append("          description: key ").append(k).append(" of app ").append(i).append('\n')
                        .append("          required: ").append(k % 2 == 0).append('\n')
                        .append("          default: value-").append(k).append('\n');
            }
            if (!type.startsWith("merchant")) {
                yaml.append("      securedConfiguration:\n")
                        .append("        - key: SECRET_").append(i).append('\n')
                        .append("          description: a secret\n          required: true\n");
            }
        }
        yaml.append("inheritAs:\n  apiClient:\n    scopes:\n      - manage_orders\n      - view_products\n");
        return yaml.toString();
    }

    @Setup(Level.Trial)
    public void setup() throws IOException, GitAPIException {
        connectYaml = twentyApplications().getBytes(StandardCharsets.UTF_8);
        Either<Seq<SpecProblem>, ConnectorSpecification> parsed = ConnectYamlParser.parse(connectYaml);
        if (parsed.isLeft() || parsed.get().configurations().size() != APPLICATIONS) {
            throw new IllegalStateException("the benchmark file is not valid: " + parsed);
        }
        directory = Files.createTempDirectory("connectstage-bench");
        Path repo = directory.resolve("connector");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.write(repo.resolve("connect.yaml"), connectYaml);
            for (int i = 0; i < APPLICATIONS; i++) {
                Path app = Files.createDirectories(repo.resolve("app-" + i));
                Files.writeString(app.resolve("index.js"), "module.exports = () => " + i + ";\n");
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("1.0.0").setSign(false).call();
            git.tag().setName("1.0.0").setSigned(false).call();
        }
        analyzer = new SpecAnalyzer(GitRepositorySource.builder().mirror(URL, repo)
                .workDirectory(Files.createDirectories(directory.resolve("work"))).build());
        Analysis analysis = analyzer.analyze(repository, at);
        if (!analysis.valid()) {
            throw new IllegalStateException("the benchmark repository does not analyze: " + analysis.entries());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public List<ConnectorConfigurationApplication> parseAndMap() {
        return ConnectYamlParser.parse(connectYaml).get().configurations();
    }

    @Benchmark
    public Analysis analyzeLocalRepository() {
        return analyzer.analyze(repository, at);
    }
}
