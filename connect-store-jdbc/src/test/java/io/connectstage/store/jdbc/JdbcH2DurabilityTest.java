package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.json.ConnectJson;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.QueryPage;
import io.connectstage.store.jdbc.internal.Schema;
import io.connectstage.testkit.Seeds;
import io.vavr.control.Option;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ({@link DurabilityWriter}) writes connectors to an H2 file database and is killed
 * with {@code SIGKILL} at a random point, several times over
 * the same file. After each kill the database opens with a new store, without any repair, and
 * holds every write the child had acknowledged, intact; the write that was under way is there
 * whole or not at all, its integration-type rows with it.
 */
@DisplayName("JdbcConnectorStore on an H2 file killed with SIGKILL")
class JdbcH2DurabilityTest {
    private static final int ROUNDS = 4;
    private static final int MAX_ACKS_BEFORE_KILL = 400;
    /**
     * For checking the test itself: a JDBC URL for the child ({@code {path}} stands for the
     * database), e.g. one with H2's default write delay, or
     * {@code jdbc:h2:file:{path};WRITE_DELAY=0;RETENTION_TIME=0}, which reuses space at once and
     * lost the last acknowledged write by the third round in our runs (see {@link JdbcStores#h2File}).
     */
    private static final String CHILD_URL = System.getProperty("connectstage.durability.url");

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("keeps every acknowledged write, and opens without repair, after each kill")
    void keepsEveryAcknowledgedWrite() throws Exception {
        Path database = folder.resolve("durability");
        long seed = Seeds.seed();
        Random random = new Random(seed);
        Map<String, ConnectorStaged> acknowledged = new HashMap<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                int killAfter = random.nextInt(MAX_ACKS_BEFORE_KILL + 1);
                // then a random delay, so that the kill falls anywhere in a write
                long killDelayMicros = killAfter == 0 ? random.nextInt(2_000_000) : random.nextInt(10_000);
                Round outcome = run(database, random.nextLong(), "r" + round, killAfter, killDelayMicros);
                System.out.printf("round %d: killed %d µs after acknowledged write %d: %d acknowledged, %s%n", round,
                        killDelayMicros, killAfter, outcome.acknowledged.size(),
                        outcome.pending == null ? "no write under way" : "one write under way");
                for (ConnectorStaged c : outcome.acknowledged) {
                    acknowledged.put(c.id(), c);
                }
                verify(database, acknowledged, outcome.pending);
            }
        } catch (AssertionError | Exception e) {
            throw new AssertionError("seed " + seed + " (run again with -D" + Seeds.SEED_PROPERTY + "=" + seed + "): "
                    + e.getMessage(), e);
        }
    }

    private record Round(List<ConnectorStaged> acknowledged, ConnectorStaged pending) {
    }

    private Round run(Path database, long seed, String prefix, int killAfter, long killDelayMicros)
            throws IOException, InterruptedException {
        Path log = folder.resolve(prefix + ".stderr");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), database.toString(), Long.toString(seed), prefix));
        if (CHILD_URL != null) {
            command.add(CHILD_URL.replace("{path}", database.toAbsolutePath().toString()));
        }
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        if (killAfter == 0) {
            kill(child, killDelayMicros);
        }
        List<ConnectorStaged> acknowledged = new ArrayList<>();
        ConnectorStaged pending = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("write ")) {
                    pending = ConnectJson.readStaged(line.substring("write ".length()))
                            .getOrElseThrow(e -> new AssertionError("unreadable write line: " + e));
                } else if (line.equals("ok")) {
                    acknowledged.add(pending);
                    pending = null;
                    if (acknowledged.size() == killAfter) {
                        kill(child, killDelayMicros);
                    }
                } else if (!line.startsWith("ready")) {
                    kill(child, 0);
                    fail("the writer says: " + line + "\n" + Files.readString(log));
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child is gone");
        if (child.exitValue() != 137) {
            fail("the child ended with " + child.exitValue() + ", not by SIGKILL (137):\n" + Files.readString(log));
        }
        return new Round(acknowledged, pending);
    }

    /**
     * {@code SIGKILL} on Linux, as {@link Process#destroyForcibly()} sends; through the process
     * handle, because {@code Process.destroyForcibly()} also closes our end of the child's
     * output, and the lines still in the pipe are acknowledgements to read.
     */
    private static void kill(Process child, long delayMicros) {
        Thread killer = new Thread(() -> {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(delayMicros));
            child.toHandle().destroyForcibly();
        }, "killer");
        killer.setDaemon(true);
        killer.start();
    }

    /**
     * Opens the database with a new store and checks it: every acknowledged write is there, the
     * write under way whole or not at all, nothing else, and the integration-type rows agree
     * with the documents.
     */
    private static void verify(Path database, Map<String, ConnectorStaged> acknowledged, ConnectorStaged pending)
            throws SQLException {
        try (HikariDataSource pool = JdbcStores.h2File(database)) {
            JdbcConnectorStore store = new JdbcConnectorStore(pool);
            try (Connection connection = pool.getConnection()) {
                assertEquals(Schema.VERSION, Schema.version(connection));
            }
            if (pending != null) {
                Option<ConnectorStaged> found = store.findById(pending.id());
                if (found.contains(pending)) {
                    acknowledged.put(pending.id(), pending); // committed, the acknowledgement lost with the process
                } else {
                    assertEquals(Option.of(acknowledged.get(pending.id())).map(JdbcH2DurabilityTest::summary),
                            found.map(JdbcH2DurabilityTest::summary), "the write under way is all there or not at all");
                    assertEquals(Option.of(acknowledged.get(pending.id())), found);
                }
            }
            for (ConnectorStaged expected : acknowledged.values()) {
                Option<ConnectorStaged> found = store.findById(expected.id());
                assertEquals(Option.some(summary(expected)), found.map(JdbcH2DurabilityTest::summary),
                        "acknowledged write of " + expected.id());
                assertEquals(Option.some(expected), found, "acknowledged write of " + expected.id());
                assertEquals(Option.some(expected), store.findByKey(expected.key()), "by key, " + expected.key());
            }
            assertEquals(acknowledged.size(), store.query(ConnectorQuery.defaults()).total(), "no other connector");
            for (IntegrationType type : IntegrationType.values()) {
                Set<String> expected = new TreeSet<>();
                acknowledged.values().stream().filter(c -> c.integrationTypes().contains(type))
                        .forEach(c -> expected.add(c.id()));
                assertEquals(expected, ids(store, ConnectorQuery.defaults().withIntegrationTypes(Set.of(type))),
                        "connectors of type " + type);
            }
        }
    }

    private static String summary(ConnectorStaged c) {
        return c.id() + " version " + c.version() + ": " + c.description() + " " + c.integrationTypes();
    }

    private static Set<String> ids(JdbcConnectorStore store, ConnectorQuery query) {
        Set<String> ids = new TreeSet<>();
        for (int offset = 0; ; offset += ConnectorQuery.MAX_LIMIT) {
            QueryPage page = store.query(query.withLimit(ConnectorQuery.MAX_LIMIT).withOffset(offset));
            page.results().forEach(c -> ids.add(c.id()));
            if (page.results().size() < ConnectorQuery.MAX_LIMIT) {
                return ids;
            }
        }
    }
}
