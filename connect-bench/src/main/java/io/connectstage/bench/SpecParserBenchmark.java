package io.connectstage.bench;

import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.spec.ConnectYamlParser;
import io.connectstage.spec.ConnectorSpecification;
import io.connectstage.spec.SpecProblem;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our {@code connect.yaml} parser alone, parse and map, on a file given by path (the one
 * {@code parser-vs-official.sh} also gives the official parser), or on the 20-application file of
 * {@link SpecAnalyzerBenchmark} when none is given. {@code main} writes that file.
 *
 * <pre>{@code
 * connect-bench/parser-vs-official.sh        # both parsers on one file, and the ratio
 * java -jar connect-bench/target/benchmarks.jar SpecParserBenchmark -p file=/path/connect.yaml
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SpecParserBenchmark {
    @Param({""})
    public String file;

    private byte[] connectYaml;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        connectYaml = file.isEmpty() ? SpecAnalyzerBenchmark.twentyApplications().getBytes(StandardCharsets.UTF_8)
                : Files.readAllBytes(Path.of(file));
        Either<Seq<SpecProblem>, ConnectorSpecification> parsed = ConnectYamlParser.parse(connectYaml);
        if (parsed.isLeft()) {
            throw new IllegalStateException("the benchmark file is not valid: " + parsed.getLeft().mkString("; "));
        }
    }

    @Benchmark
    public List<ConnectorConfigurationApplication> parseAndMap() {
        return ConnectYamlParser.parse(connectYaml).get().configurations();
    }

    /**
     * {@code PATH}: writes the 20-application {@code connect.yaml} of the benchmarks there.
     * {@code --cpu PATH SECONDS}: parses that file in a loop and prints the CPU time of the whole
     * process per parse (JIT and GC threads included, as Node's {@code process.cpuUsage()} counts
     * them), a figure that a busy machine distorts far less than wall time. Warm-up and measurement
     * are counted in CPU time of the parsing thread (at least 8 s of warm-up: on a busy machine a
     * few seconds of wall time leave the JIT compiling during the measurement).
     */
    public static void main(String[] args) throws IOException {
        if (!args[0].equals("--cpu")) {
            Files.writeString(Path.of(args[0]), SpecAnalyzerBenchmark.twentyApplications(), StandardCharsets.UTF_8);
            return;
        }
        byte[] bytes = Files.readAllBytes(Path.of(args[1]));
        long seconds = Long.parseLong(args[2]);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long warmUpEnd = threads.getCurrentThreadCpuTime() + Math.max(8, seconds / 2) * 1_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < warmUpEnd) {
            ConnectYamlParser.parse(bytes).get().configurations();
        }
        long cpu = os.getProcessCpuTime();
        long end = threads.getCurrentThreadCpuTime() + seconds * 1_000_000_000L;
        long parses = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            ConnectYamlParser.parse(bytes).get().configurations();
            parses++;
        }
        System.out.printf(java.util.Locale.ROOT, "{\"cpuMsPerParse\": %.4f}%n", (os.getProcessCpuTime() - cpu) / 1e6 / parses);
    }
}
