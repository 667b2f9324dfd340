package io.connectstage.bench;

import io.connectstage.action.ConnectorSetDescriptionAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.staging.ConnectorStaging;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.memory.InMemoryConnectorStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link StoreBenchmark}'s insert, update and query of {@code memory-sort} and {@code memory},
 * timed by the CPU time of the measuring thread instead of the wall clock, the stores taking
 * turns in one JVM: for a machine shared with other builds, where JMH's wall-clock figures swing
 * by a factor of two or more between iterations as the thread waits for a core. CPU time leaves
 * out that waiting (and the garbage collector's threads); the medians of many short rounds, the
 * first quarter of them dropped as warm-up, give the ratios.
 *
 * <pre>{@code
 * java -Xmx4g -cp connect-bench/target/benchmarks.jar io.connectstage.bench.StoreCpuTimeHarness 200
 * }</pre>
 */
public final class StoreCpuTimeHarness {
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final String[] NAMES = {"memory-sort", "memory"};
    private final SplittableRandom random = new SplittableRandom(42);
    private int queried;
    private Object sink;

    private StoreCpuTimeHarness() {
    }

    /** Argument: the number of rounds (default 200). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        new StoreCpuTimeHarness().run(rounds);
    }

    private void run(int rounds) {
        ConnectorStore[] stores = {new SortingMemoryStore(), new InMemoryConnectorStore()};
        int n = stores.length;
        for (ConnectorStore store : stores) {
            for (int c = 0; c < StoreBenchmark.CONNECTORS; c++) {
                store.insert(StoreBenchmark.connector(c)).get();
            }
        }
        for (boolean afterQueries : new boolean[] {false, true}) {
            if (afterQueries) {
                for (ConnectorStore store : stores) {
                    for (ConnectorQuery query : StoreBenchmark.PAGES) {
                        store.query(query);
                    }
                }
            }
            List<List<Double>> inserts = lists(n);
            List<List<Double>> updates = lists(n);
            for (int r = 0; r < rounds; r++) {
                for (int turn = 0; turn < n; turn++) {
                    int s = (r + turn) % n;
                    double insert = insertBatch(stores[s]);
                    double update = updates(stores[s]);
                    if (r >= rounds / 4) {
                        inserts.get(s).add(insert);
                        updates.get(s).add(update);
                    }
                }
            }
            report(afterQueries ? "insert after queries" : "insert", "us", inserts);
            report(afterQueries ? "update after queries" : "update", "us", updates);
        }
        List<List<Double>> queries = lists(n);
        for (int r = 0; r < rounds; r++) {
            for (int turn = 0; turn < n; turn++) {
                int s = (r + turn) % n;
                double query = queries(stores[s], s == 0 ? 2 : 100);
                if (r >= rounds / 4) {
                    queries.get(s).add(query);
                }
            }
        }
        report("query", "ms", queries);
    }

    private static List<List<Double>> lists(int n) {
        List<List<Double>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static void report(String operation, String unit, List<List<Double>> times) {
        double baseline = median(times.get(0));
        StringBuilder line = new StringBuilder(String.format("%-21s CPU %s/op, median of %d: %s %.3f", operation, unit,
                times.get(0).size(), NAMES[0], baseline));
        for (int s = 1; s < times.size(); s++) {
            double median = median(times.get(s));
            line.append(String.format(", %s %.3f (%.2fx)", NAMES[s], median, baseline / median));
        }
        System.out.println(line.append(" (speed vs ").append(NAMES[0]).append(')'));
    }

    /** Microseconds of CPU per insert of a batch as {@link StoreBenchmark#insert}'s; the batch is deleted after. */
    private double insertBatch(ConnectorStore store) {
        List<String> ids = new ArrayList<>();
        long start = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < StoreBenchmark.INSERT_BATCH; i++) {
            ConnectorStaged c = StoreBenchmark.connector(StoreBenchmark.CONNECTORS + i);
            ids.add(c.id());
            sink = store.insert(c).get();
        }
        long spent = THREAD.getCurrentThreadCpuTime() - start;
        for (String id : ids) {
            store.delete(id, 1).get();
        }
        return spent / 1e3 / StoreBenchmark.INSERT_BATCH;
    }

    /** Microseconds of CPU per update as {@link StoreBenchmark#update}'s. */
    private double updates(ConnectorStore store) {
        int count = 2_000;
        long start = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            ConnectorStaged current = store.findById(StoreBenchmark.id(random.nextInt(StoreBenchmark.CONNECTORS))).get();
            ConnectorUpdate request = ConnectorUpdate.of(current.version(),
                    new ConnectorSetDescriptionAction("description of version " + (current.version() + 1)));
            ConnectorStaged next = ConnectorStaging.apply(current, request, StoreBenchmark.CONTEXT).get();
            sink = store.replace(next, current.version()).get();
        }
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e3 / count;
    }

    /** Milliseconds of CPU per query as {@link StoreBenchmark#query}'s. */
    private double queries(ConnectorStore store, int count) {
        long start = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            sink = store.query(StoreBenchmark.PAGES[queried++ % StoreBenchmark.PAGES.length]);
        }
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e6 / count;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
