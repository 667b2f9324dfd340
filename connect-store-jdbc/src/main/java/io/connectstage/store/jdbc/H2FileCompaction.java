package io.connectstage.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an H2 file that appends every commit ({@code REUSE_SPACE=FALSE}, see
 * {@link JdbcStores#h2File}) bounded while it is open: every {@link #CHECK_MILLIS} ms it looks at
 * the file's size, and when it is past both a floor and {@link #GROWTH} times its size after the
 * last compaction, it compacts the file the way closing does, with H2's own offline path.
 *
 * <p>A compaction holds new requests in the pool (HikariCP's suspension), waits until no
 * connection is in use (at most {@link #QUIET_MILLIS} ms, else it tries later), runs
 * {@code SHUTDOWN COMPACT} (H2 writes the live data to a new file and renames it over the old
 * one, so a kill during it leaves the old file, every acknowledged commit in it), drops the
 * pool's connections to the closed database and lets the requests go on, reopening it. No
 * commit is in flight meanwhile, so none is lost; requests wait some milliseconds.
 */
final class H2FileCompaction implements AutoCloseable {
    static final long CHECK_MILLIS = 250;
    static final int GROWTH = 4;
    static final long QUIET_MILLIS = 5_000;

    private final HikariDataSource pool;
    private final String url;
    private final Path file;
    private final long floorBytes;
    private final ScheduledExecutorService timer;
    private long compactedBytes;

    H2FileCompaction(HikariDataSource pool, String url, Path file, long floorBytes) {
        this.pool = pool;
        this.url = url;
        this.file = file;
        this.floorBytes = floorBytes;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "connectstage-h2-compaction");
            t.setDaemon(true);
            return t;
        });
        this.compactedBytes = size();
        timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // not there yet, or renamed at this instant by a compaction: nothing to do now
        }
    }

    private void check() {
        long size = size();
        if (size > Math.max(floorBytes, GROWTH * compactedBytes)) {
            try {
                compact();
            } catch (RuntimeException e) {
                // the pool is closing, or the database failed: the requests say so, and the next check tries again
            }
        }
    }

    /** Compacts the file now when no connection is in use within {@link #QUIET_MILLIS} ms; answers whether it did. */
    synchronized boolean compact() {
        if (pool.isClosed()) {
            return false;
        }
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        bean.suspendPool();
        try {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
            while (bean.getActiveConnections() > 0) {
                if (System.nanoTime() > until || pool.isClosed()) {
                    return false;
                }
                Thread.sleep(1);
            }
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot compact " + file + ": " + e.getMessage(), e);
            }
            bean.softEvictConnections(); // they belong to the database that was closed
            compactedBytes = size();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            bean.resumePool();
        }
    }

    @Override
    public void close() {
        timer.shutdown(); // a compaction under way ends first: interrupting H2 amid its writes would close its file
        try {
            timer.awaitTermination(QUIET_MILLIS * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
