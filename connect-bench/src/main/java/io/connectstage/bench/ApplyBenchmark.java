package io.connectstage.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.UpdateContext;
import io.connectstage.bench.StagedFixture.MixedValues;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.json.ConnectJson;
import io.connectstage.rule.Limits;
import io.connectstage.staging.ConnectorStaging;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an update request costs in the functional core, on a fully populated ConnectorStaged (every
 * optional field set), next to two baselines: {@code floorRecordCopy}, a bare {@code withName}
 * copy of the record, which no update can beat (and {@code floorConstructor}, the record's
 * constructor called directly, stricter still); and {@code jsonTree…}, what JSON-tree in-memory
 * mocks do per request: deep-copy a Jackson {@code ObjectNode} of the connector and set fields in
 * it. The tree baselines validate nothing and reuse value nodes built once (as a mock reuses the
 * nodes of the parsed request), so they are a lower bound for such a mock; {@link #setup} checks
 * that they produce the same JSON as {@code ConnectorStaging.apply}.
 *
 * <p>Each operation alternates between two prepared requests (two names, two sets of ten
 * values) so that the JIT cannot fold a constant result; the baselines alternate the same way.
 * The connector itself is never replaced, so every operation applies to the same version.
 *
 * <p>Build and run from the repository root:
 *
 * <pre>{@code
 * mvn -B -q -pl connect-bench -am package -DskipTests
 * java -jar connect-bench/target/benchmarks.jar ApplyBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff /tmp/apply-bench.json
 * }</pre>
 *
 * <p>Allocation per operation: add {@code -prof gc} and read {@code gc.alloc.rate.norm} (B/op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ApplyBenchmark {
    private final ObjectMapper mapper = ConnectJson.mapper();
    private final UpdateContext context = StagedFixture.CONTEXT;

    private ConnectorStaged staged;
    private ObjectNode tree;
    private final String[] names = {"PSP connector A", "PSP connector B"};
    private final ConnectorUpdate[] setNameRequests = new ConnectorUpdate[2];
    private final MixedValues[] mixed = {MixedValues.variant(0), MixedValues.variant(1)};
    private final ConnectorUpdate[] mixedRequests = new ConnectorUpdate[2];
    private final TreeValues[] treeValues = new TreeValues[2];
    private int op;
    private String nowText;
    private final ConnectorUpdate[] invalidRequests = new ConnectorUpdate[2];
    private final String[] invalidBodies = new String[2];

    /** The value nodes a tree mock would take from the parsed request. */
    private record TreeValues(ArrayNode regions, ArrayNode integrationTypes, ObjectNode comment) {
    }

    @Setup
    public void setup() {
        staged = StagedFixture.fullyPopulated();
        tree = (ObjectNode) ConnectJson.toTree(staged);
        String now = ConnectJson.write(StagedFixture.NOW).replace("\"", "");
        nowText = ConnectJson.write(context.now()).replace("\"", "");
        // 100 and 500 (the most a request may have) invalid actions: the cost must grow 5 times, not 25
        int[] sizes = {100, Limits.MAX_UPDATE_ACTIONS};
        for (int i = 0; i < 2; i++) {
            invalidRequests[i] = new ConnectorUpdate(staged.version(),
                    java.util.Collections.nCopies(sizes[i], new ConnectorSetNameAction(null)));
            invalidBodies[i] = java.util.stream.IntStream.range(0, sizes[i])
                    .mapToObj(n -> "{\"action\":\"setName\",\"name\":" + n + "}")
                    .collect(java.util.stream.Collectors.joining(",", "{\"version\":1,\"actions\":[", "]}"));
        }
        for (int i = 0; i < 2; i++) {
            setNameRequests[i] = StagedFixture.setName(staged, names[i]);
            mixedRequests[i] = mixed[i].request(staged.version());
            ArrayNode regions = mapper.createArrayNode();
            for (Region region : mixed[i].regions()) {
                regions.add(region.wireValue());
            }
            ArrayNode types = mapper.createArrayNode();
            for (IntegrationType type : mixed[i].integrationTypes()) {
                types.add(type.wireValue());
            }
            ObjectNode comment = mapper.createObjectNode()
                    .put("userId", context.userId())
                    .put("datetime", now)
                    .put("comment", mixed[i].comment());
            treeValues[i] = new TreeValues(regions, types, comment);
        }
        for (int i = 0; i < 2; i++) {
            sameJson("setName", applied(ConnectorStaging.apply(staged, setNameRequests[i], context)), treeSetName(i));
            sameJson("tenMixedActions", applied(ConnectorStaging.apply(staged, mixedRequests[i], context)),
                    treeTenMixedActions(i));
        }
    }

    @Benchmark
    public Either<Seq<ConnectError>, ConnectorStaged> setName() {
        return ConnectorStaging.apply(staged, setNameRequests[op++ & 1], context);
    }

    @Benchmark
    public Either<Seq<ConnectError>, ConnectorStaged> tenMixedActions() {
        return ConnectorStaging.apply(staged, mixedRequests[op++ & 1], context);
    }

    /** 100 invalid actions applied: every one reported. Compare with {@link #apply500InvalidActions}. */
    @Benchmark
    public Either<Seq<ConnectError>, ConnectorStaged> apply100InvalidActions() {
        return ConnectorStaging.apply(staged, invalidRequests[0], context);
    }

    /** 500 invalid actions applied: linear work costs five times {@link #apply100InvalidActions}. */
    @Benchmark
    public Either<Seq<ConnectError>, ConnectorStaged> apply500InvalidActions() {
        return ConnectorStaging.apply(staged, invalidRequests[1], context);
    }

    /** An update body of 100 actions with a wrong-typed field each, read. */
    @Benchmark
    public Object readUpdate100InvalidActions() {
        return ConnectJson.readUpdate(invalidBodies[0]);
    }

    /** The same with 500 actions: linear reading costs five times {@link #readUpdate100InvalidActions}. */
    @Benchmark
    public Object readUpdate500InvalidActions() {
        return ConnectJson.readUpdate(invalidBodies[1]);
    }

    /** The floor: one record copy with the new name, no version bump, no checks. */
    @Benchmark
    public ConnectorStaged floorRecordCopy() {
        return staged.withName(names[op++ & 1]);
    }

    /**
     * A stricter floor: the record's canonical constructor called with the new name, without the
     * {@link ConnectorStaged.Changes} that {@code withName} fills (which the JIT may or may not
     * scalar-replace; compare the two with {@code -prof gc}).
     */
    @Benchmark
    public ConnectorStaged floorConstructor() {
        ConnectorStaged s = staged;
        return new ConnectorStaged(s.id(), s.key(), s.version(), names[op++ & 1], s.description(),
                s.integrationTypes(), s.creator(), s.repository(), s.configurations(), s.globalConfiguration(),
                s.apiClient(), s.isPrivate(), s.privateProjects(), s.supportedRegions(), s.certificationInfo(),
                s.status(), s.publishingReport(), s.alreadyListed(), s.hasChanges(), s.isPreviewable(),
                s.previewableReport(), s.documentationUrl(), s.certified(), s.createdAt(), s.lastModifiedAt());
    }

    /** A JSON-tree mock's setName: deep copy, set name, bump version, flag the change. */
    @Benchmark
    public ObjectNode jsonTreeSetName() {
        return treeSetName(op++ & 1);
    }

    /** A JSON-tree mock's version of {@link #tenMixedActions}. */
    @Benchmark
    public ObjectNode jsonTreeTenMixedActions() {
        return treeTenMixedActions(op++ & 1);
    }

    private ObjectNode treeSetName(int i) {
        ObjectNode copy = tree.deepCopy();
        copy.put("name", names[i]);
        copy.put("version", copy.get("version").asLong() + 1);
        copy.put("hasChanges", true);
        copy.put("lastModifiedAt", nowText);
        return copy;
    }

    private ObjectNode treeTenMixedActions(int i) {
        MixedValues values = mixed[i];
        TreeValues nodes = treeValues[i];
        ObjectNode copy = tree.deepCopy();
        copy.put("name", values.name());
        copy.put("description", values.description());
        copy.set("supportedRegions", nodes.regions());
        copy.set("integrationTypes", nodes.integrationTypes());
        ObjectNode creator = (ObjectNode) copy.get("creator");
        creator.put("name", values.creatorName());
        creator.put("email", values.creatorEmail());
        creator.put("noOfContributors", values.contributors());
        copy.put("documentationUrl", values.documentationUrl());
        ((ArrayNode) copy.get("certificationInfo").get("comments")).add(nodes.comment());
        creator.put("supportUrl", values.supportUrl());
        copy.put("version", copy.get("version").asLong() + 1);
        copy.put("hasChanges", true);
        copy.put("lastModifiedAt", nowText);
        return copy;
    }

    private static ConnectorStaged applied(Either<Seq<ConnectError>, ConnectorStaged> result) {
        if (result.isLeft()) {
            throw new IllegalStateException("the fixture request is invalid: " + result.getLeft());
        }
        return result.get();
    }

    private void sameJson(String what, ConnectorStaged applied, JsonNode treeResult) {
        String expected = ConnectJson.write(applied);
        String actual;
        try {
            actual = mapper.writeValueAsString(treeResult);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the tree baseline of " + what + " differs from apply:\n  apply: "
                    + expected + "\n  tree:  " + actual);
        }
    }
}
