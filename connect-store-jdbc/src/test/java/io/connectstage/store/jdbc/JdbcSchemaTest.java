package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.DeploymentQuery;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.store.Work;
import io.connectstage.store.jdbc.internal.Schema;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.SampleDeployments;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The schema of the JDBC stores")
class JdbcSchemaTest {
    private static final Set<String> TABLES = Set.of("connectstage_schema", "connector_staged",
            "connector_staged_integration_type", "connector_staged_count", "connector_published", "connector_published_integration_type",
            "connector_work", "deployment", "deployment_log", "deployment_work");

    @TempDir
    Path folder;
    private final List<TestDatabase> databases = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        databases.forEach(TestDatabase::close);
    }

    private TestDatabase open(TestDatabase.Kind kind) {
        TestDatabase database = kind.open(folder);
        databases.add(database);
        return database;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("is created on first use, with its version")
    void isCreatedOnFirstUse(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        assertEquals(Set.of(), tables(database));
        new JdbcPublishedConnectorStore(database.dataSource());
        assertEquals(TABLES, tables(database));
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("is left as it is by the stores opened after the first, data and all")
    void isKeptByLaterStores(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        JdbcConnectorStore first = new JdbcConnectorStore(database.dataSource());
        first.insert(Connectors.fullyPopulated("id-1", "key-1"));
        JdbcConnectorStore second = new JdbcConnectorStore(database.dataSource());
        new JdbcPublishedConnectorStore(database.dataSource());
        assertEquals(Option.some(Connectors.fullyPopulated("id-1", "key-1")), second.findByKey("key-1"));
        assertEquals(TABLES, tables(database));
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM connectstage_schema")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("of version 1 is brought to the current version: times, and type rows with their connector's key, name and status")
    void version1IsMigrated(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        JdbcConnectorStore first = new JdbcConnectorStore(database.dataSource());
        List<ConnectorStaged> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ConnectorStaged c = Connectors.minimal("id-" + i, i % 3 == 0 ? null : "key-" + i)
                    .withName("name " + (5 - i)).withStatus(ConnectorStatus.values()[i % ConnectorStatus.values().length])
                    .withPrivate(i % 2 == 0).withIntegrationTypes(List.of(IntegrationType.PSP, IntegrationType.TAX))
                    .withCreatedAt(null).withLastModifiedAt(null);
            first.insert(c);
            written.add(c);
        }
        downgradeToVersion1(database);
        JdbcConnectorStore migrated = new JdbcConnectorStore(database.dataSource());
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
        for (SortField field : List.of(SortField.KEY, SortField.NAME, SortField.STATUS, SortField.CREATED_AT)) {
            ConnectorQuery query = ConnectorQuery.defaults().withIntegrationTypes(Set.of(IntegrationType.PSP))
                    .withSort(List.of(Sort.asc(field)));
            assertEquals(written.stream().sorted(query.order()).toList(), migrated.query(query).results(), field.wireValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("of version 1 gets the work table, with work for the requests it left unsettled")
    void version1GetsWorkForItsUnsettledRequests(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        JdbcConnectorStore first = new JdbcConnectorStore(database.dataSource());
        first.insert(Connectors.minimal("id-1", "previewing").withPreviewable(IsPreviewable.PENDING));
        first.insert(Connectors.minimal("id-2", "publishing").withStatus(ConnectorStatus.PROCESSING));
        first.insert(Connectors.minimal("id-3", "settled").withPreviewable(IsPreviewable.TRUE));
        downgradeToVersion1(database);
        JdbcConnectorStore migrated = new JdbcConnectorStore(database.dataSource());
        assertEquals(List.of("id-1/preview/1", "id-2/publish/1"), migrated.work().stream().map(Work::id).toList());
        assertEquals("false", migrated.work().get(1).parameters().get(Work.CERTIFICATION));
        assertEquals(TABLES, tables(database));
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
    }

    /** Takes a current database back to the layout of version 1: no times, no repeated type columns, no work table. */
    private static void downgradeToVersion1(TestDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String index : List.of("integration_type_by_key", "integration_type_by_name", "integration_type_by_status",
                    "integration_type_by_created", "by_created", "by_created_private", "by_modified",
                    "by_modified_private")) {
                statement.execute("DROP INDEX connector_staged_" + index);
            }
            for (String column : List.of("connector_key", "name_utf16", "status", "created_at")) {
                statement.execute("ALTER TABLE connector_staged_integration_type DROP COLUMN " + column);
            }
            for (String column : List.of("created_at", "last_modified_at")) {
                statement.execute("ALTER TABLE connector_staged DROP COLUMN " + column);
            }
            statement.execute("DROP TABLE connector_work");
            statement.execute("DROP TABLE connector_staged_count");
            dropDeploymentTables(statement);
            statement.executeUpdate("UPDATE connectstage_schema SET version = 1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("of version 2 gets the tables of Deployments, and keeps its connectors")
    void version2IsMigrated(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        JdbcConnectorStore first = new JdbcConnectorStore(database.dataSource());
        first.insert(Connectors.minimal("id-1", "kept"));
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE connector_staged_count");
            dropDeploymentTables(statement);
            statement.executeUpdate("UPDATE connectstage_schema SET version = 2");
        }
        JdbcDeploymentStore deployments = new JdbcDeploymentStore(database.dataSource());
        assertEquals(0, deployments.query(io.connectstage.store.DeploymentQuery.of("p")).total());
        assertTrue(new JdbcConnectorStore(database.dataSource()).findByKey("kept").isDefined());
        assertEquals(TABLES, tables(database));
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("of version 4 gets the counts per integration type and privacy, from the connectors it holds")
    void version4GetsItsCounts(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        JdbcConnectorStore first = new JdbcConnectorStore(database.dataSource());
        List<ConnectorStaged> written = new ArrayList<>();
        List<IntegrationType> all = List.of(IntegrationType.values());
        for (int i = 0; i < 40; i++) {
            ConnectorStaged c = Connectors.minimal("id-" + i, "key-" + i).withPrivate(i % 3 == 0)
                    .withIntegrationTypes(List.of(all.get(i % all.size()), all.get(i * 7 % all.size())).subList(0, i % 3));
            first.insert(c);
            written.add(c);
        }
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE connector_staged_count");
            statement.executeUpdate("UPDATE connectstage_schema SET version = 4");
        }
        JdbcConnectorStore migrated = new JdbcConnectorStore(database.dataSource());
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
        assertEquals(TABLES, tables(database));
        List<Set<IntegrationType>> filters = new ArrayList<>();
        filters.add(Set.of());
        all.forEach(type -> filters.add(Set.of(type)));
        for (Set<IntegrationType> types : filters) {
            for (Boolean isPrivate : java.util.Arrays.asList(null, true, false)) {
                // limit 1: the page is full whenever two match, and the total then comes from the counts
                ConnectorQuery query = ConnectorQuery.defaults().withIntegrationTypes(types).withIsPrivate(isPrivate)
                        .withLimit(1);
                assertEquals(written.stream().filter(query::matches).count(), migrated.query(query).total(),
                        query.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("of version 3 gets the time columns of Deployments: its Deployments keep no times, sort first going up, "
            + "and get lastModifiedAt from their next change")
    void version3IsMigrated(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        JdbcDeploymentStore first = new JdbcDeploymentStore(database.dataSource());
        // A version-3 Deployment: no times in its JSON either.
        Deployment old = SampleDeployments.queued().toBuilder().id("d-old").key("old").createdAt(null).lastModifiedAt(null)
                .build();
        first.insert("p", old, DeploymentWrite.NONE).get();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX deployment_by_created");
            statement.execute("DROP INDEX deployment_by_modified");
            statement.execute("ALTER TABLE deployment DROP COLUMN created_at");
            statement.execute("ALTER TABLE deployment DROP COLUMN last_modified_at");
            statement.executeUpdate("UPDATE connectstage_schema SET version = 3");
        }
        JdbcDeploymentStore deployments = new JdbcDeploymentStore(database.dataSource());
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
        assertEquals(Option.some(old), deployments.findById("p", "d-old"));
        Instant now = Instant.parse("2024-03-01T12:00:00.123456789Z");
        Deployment recent = SampleDeployments.queued().toBuilder().id("d-new").key("new").createdAt(now).lastModifiedAt(now)
                .build();
        deployments.insert("p", recent, DeploymentWrite.NONE).get();
        assertEquals(List.of("d-old", "d-new"), ids(deployments, Sort.asc(SortField.CREATED_AT)));
        assertEquals(List.of("d-new", "d-old"), ids(deployments, Sort.desc(SortField.LAST_MODIFIED_AT)));
        deployments.replace("p", old.toBuilder().version(2).lastModifiedAt(now.plusSeconds(1)).build(), 1,
                DeploymentWrite.NONE).get();
        assertEquals(List.of("d-old", "d-new"), ids(deployments, Sort.desc(SortField.LAST_MODIFIED_AT)));
        assertEquals(List.of("d-old", "d-new"), ids(deployments, Sort.asc(SortField.CREATED_AT)));
        assertEquals(TABLES, tables(database));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("of version 5 gets the count of log entries per Deployment, from the rows it holds, so that its bound holds at once")
    void version5GetsItsLogCounts(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        JdbcDeploymentStore first = new JdbcDeploymentStore(database.dataSource());
        Deployment d = SampleDeployments.queued().toBuilder().id("d-1").key("one").build();
        Instant t0 = Instant.parse("2024-03-01T12:00:00Z");
        List<DeploymentLog> logs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            logs.add(DeploymentLog.text("d-1", "service", DeploymentLogSeverity.INFO, t0.plusSeconds(i), "m" + i));
        }
        first.insert("p", d, DeploymentWrite.NONE.logging(logs)).get();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE deployment DROP COLUMN log_entries");
            statement.executeUpdate("UPDATE connectstage_schema SET version = 5");
        }
        JdbcDeploymentStore bounded = new JdbcDeploymentStore(database.dataSource(), 5);
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
        assertTrue(bounded.appendLogs("p", "d-1",
                List.of(DeploymentLog.text("d-1", "service", DeploymentLogSeverity.INFO, t0.plusSeconds(9), "m9"))));
        List<String> kept = bounded.logs("d-1", new DeploymentLogRange(null, null, 0, null, 10)).stream()
                .map(l -> l.details().get("message").asText()).toList();
        assertEquals(List.of("m1", "m2", "m3", "m4", "m9"), kept);
        assertEquals(TABLES, tables(database));
    }

    private static List<String> ids(JdbcDeploymentStore store, Sort sort) {
        return store.query(DeploymentQuery.of("p").withSort(List.of(sort))).results().stream().map(Deployment::id).toList();
    }

    private static void dropDeploymentTables(Statement statement) throws SQLException {
        statement.execute("DROP TABLE deployment_work");
        statement.execute("DROP TABLE deployment_log");
        statement.execute("DROP TABLE deployment");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("of a newer version is refused with a clear JdbcStoreException")
    void newerVersionIsRefused(TestDatabase.Kind kind) throws SQLException {
        TestDatabase database = open(kind);
        new JdbcConnectorStore(database.dataSource());
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE connectstage_schema SET version = " + (Schema.VERSION + 1));
        }
        JdbcStoreException staged = assertThrows(JdbcStoreException.class,
                () -> new JdbcConnectorStore(database.dataSource()));
        assertTrue(staged.getMessage().contains("schema version " + (Schema.VERSION + 1) + ", newer than version "
                + Schema.VERSION), staged.getMessage());
        assertThrows(JdbcStoreException.class, () -> new JdbcPublishedConnectorStore(database.dataSource()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("is created once when several stores open an empty database at the same time")
    void isCreatedOnceUnderRaces(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = open(kind);
        int stores = 6;
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> opened = new ArrayList<>();
            for (int i = 0; i < stores; i++) {
                int n = i;
                opened.add(pool.submit(() -> {
                    start.await();
                    return n % 2 == 0 ? new JdbcConnectorStore(database.dataSource())
                            : new JdbcPublishedConnectorStore(database.dataSource());
                }));
            }
            start.countDown();
            for (Future<Object> store : opened) {
                store.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(TABLES, tables(database));
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Schema.VERSION, Schema.version(connection));
        }
    }

    /** The tables of the database's current schema, in lower case. */
    private static Set<String> tables(TestDatabase database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE", "BASE TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
