package io.connectstage.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ConnectError;
import io.connectstage.json.ConnectJson;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.QueryPage;
import io.connectstage.store.StoreRefusal;
import io.connectstage.testkit.Connectors;
import io.vavr.control.Either;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link JdbcH2DurabilityTest}: writes connectors to an H2 file database
 * until it is killed. Before each write it prints {@code write <json>}, after the store
 * acknowledged it {@code ok}, each line flushed at once, so that the parent knows every
 * acknowledged write and the one that may have been under way.
 *
 * <p>Arguments: the database path, a seed, a prefix for new ids, and optionally a JDBC URL to
 * use instead of {@link JdbcStores#h2File} (to check that the test catches a database that
 * loses commits).
 */
public final class DurabilityWriter {
    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        String prefix = args[2];
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (HikariDataSource pool = args.length > 3 ? lossy(args[3])
                // compacted past 512 KB, so that kills fall before, amid and after compactions
                : JdbcStores.h2File(path, JdbcStores.MAX_CONNECTIONS, 512 * 1024)) {
            JdbcConnectorStore store = new JdbcConnectorStore(pool);
            List<String> ids = existingIds(store);
            out.println("ready " + ids.size());
            for (int n = 0; ; n++) {
                Either<ConnectError, ConnectorStaged> result;
                if (ids.isEmpty() || random.nextInt(3) == 0) {
                    String id = prefix + "-" + n;
                    ConnectorStaged next = Connectors.fullyPopulated(id, "key-" + id).withVersion(1)
                            .withName("Connector " + id).withIntegrationTypes(types(random));
                    out.println("write " + ConnectJson.write(next));
                    result = store.insert(next).mapLeft(StoreRefusal::toError);
                    ids.add(id);
                } else {
                    ConnectorStaged current = store.findById(ids.get(random.nextInt(ids.size())))
                            .getOrElseThrow(() -> new IllegalStateException("a written connector is gone"));
                    ConnectorStaged next = current.withVersion(current.version() + 1)
                            .withDescription(prefix + " write " + n + ": Zahlungs-Connector für Österreich \uD83D\uDE80")
                            .withIntegrationTypes(random.nextBoolean() ? current.integrationTypes() : types(random));
                    out.println("write " + ConnectJson.write(next));
                    result = store.replace(next, current.version()).mapLeft(StoreRefusal::toError);
                }
                if (result.isLeft()) {
                    out.println("refused " + result.getLeft());
                    System.exit(2);
                }
                out.println("ok");
            }
        }
    }

    private static List<String> existingIds(JdbcConnectorStore store) {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += ConnectorQuery.MAX_LIMIT) {
            QueryPage page = store.query(ConnectorQuery.defaults().withLimit(ConnectorQuery.MAX_LIMIT).withOffset(offset));
            page.results().forEach(c -> ids.add(c.id()));
            if (page.results().size() < ConnectorQuery.MAX_LIMIT) {
                return ids;
            }
        }
    }

    private static List<IntegrationType> types(Random random) {
        List<IntegrationType> types = new ArrayList<>();
        for (IntegrationType type : IntegrationType.values()) {
            if (random.nextInt(5) == 0) {
                types.add(type);
            }
        }
        return types;
    }

    private static HikariDataSource lossy(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
