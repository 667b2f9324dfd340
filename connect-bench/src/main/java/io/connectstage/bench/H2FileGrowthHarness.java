package io.connectstage.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.jdbc.JdbcConnectorStore;
import io.connectstage.store.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * How large an H2 file store grows while it is open: one connector replaced N times (default
 * 100,000) through {@link JdbcConnectorStore} on {@link JdbcStores#h2File}, the file's size
 * printed every 10,000 updates, then its largest and final size, and the final size again
 * after closing (which compacts). A size figure, not a timing: it holds on a busy machine too.
 * Exits 1 when the file passed the bound (default 64 MB) at any point.
 *
 * <pre>{@code
 * java -cp connect-bench/target/benchmarks.jar io.connectstage.bench.H2FileGrowthHarness 100000 64
 * }</pre>
 */
public final class H2FileGrowthHarness {
    private H2FileGrowthHarness() {
    }

    /** Arguments: the number of updates (default 100,000) and the bound in MB (default 64). */
    public static void main(String[] args) throws IOException {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long bound = (args.length > 1 ? Long.parseLong(args[1]) : 64) * 1024 * 1024;
        Path folder = Files.createTempDirectory("h2-growth");
        Path file = folder.resolve("growth.mv.db");
        long largest = 0;
        try {
            ConnectorStaged current = StoreBenchmark.connector(0);
            try (HikariDataSource source = JdbcStores.h2File(folder.resolve("growth"))) {
                JdbcConnectorStore store = new JdbcConnectorStore(source);
                store.insert(current).get();
                for (int i = 1; i <= updates; i++) {
                    ConnectorStaged next = current.withVersion(current.version() + 1).withDescription("update " + i);
                    current = store.replace(next, current.version()).get();
                    largest = Math.max(largest, Files.size(file));
                    if (i % 10_000 == 0) {
                        System.out.printf("after %,d updates: %,d bytes%n", i, Files.size(file));
                    }
                }
                System.out.printf("%,d updates of one connector: largest %,d bytes, open at the end %,d bytes%n",
                        updates, largest, Files.size(file));
                if (!store.findById(current.id()).contains(current)) {
                    throw new IllegalStateException("the last update is not what the store gives back");
                }
            }
            System.out.printf("closed (compacted): %,d bytes; bound %,d bytes: %s%n", Files.size(file), bound,
                    largest < bound ? "held" : "PASSED");
            if (largest >= bound) {
                System.exit(1);
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
