package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.testkit.Connectors;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text beyond what a database collation agrees on: the JDBC stores order and compare it as Java
 * does (as the memory stores do), and give back strings that PostgreSQL text cannot hold.
 */
@DisplayName("The JDBC stores, with text beyond ASCII")
class JdbcExactnessTest {
    /** Names whose Java order no database collation gives: case, accents, surrogates, U+FF01, NUL. */
    private static final List<String> NAMES = List.of("alpha", "Alpha", "beta", "Émile", "emile", "\uFF01 bang",
            "\uD83D\uDE80 rocket", "\uD800 lone surrogate", "nul \u0000 inside", "nul", "z", "\u00E9", "e\u0301",
            "コネクタ", "");

    @TempDir
    Path folder;
    private TestDatabase database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private List<ConnectorStaged> staged() {
        List<ConnectorStaged> connectors = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            connectors.add(Connectors.minimal(String.format("id-%02d", i), "key-" + i).withName(NAMES.get(i))
                    .withDescription(NAMES.get((i + 1) % NAMES.size())));
        }
        return connectors;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("sort names exactly as String.compareTo, both ways, and give them back whole")
    void sortNamesAsJava(TestDatabase.Kind kind) {
        database = kind.open(folder);
        JdbcConnectorStore store = new JdbcConnectorStore(database.dataSource());
        List<ConnectorStaged> connectors = staged();
        connectors.forEach(store::insert);
        for (boolean ascending : List.of(true, false)) {
            Comparator<ConnectorStaged> byName = Comparator.comparing(ConnectorStaged::name);
            List<ConnectorStaged> expected = connectors.stream()
                    .sorted((ascending ? byName : byName.reversed()).thenComparing(ConnectorStaged::id)).toList();
            List<ConnectorStaged> found = store.query(ConnectorQuery.defaults().withLimit(100)
                    .withSort(List.of(new Sort(SortField.NAME, ascending)))).results();
            assertEquals(expected.stream().map(ConnectorStaged::name).toList(),
                    found.stream().map(ConnectorStaged::name).toList());
            assertEquals(expected, found);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("sort published names as Java, and match company and text exactly")
    void publishedAsJava(TestDatabase.Kind kind) {
        database = kind.open(folder);
        JdbcPublishedConnectorStore store = new JdbcPublishedConnectorStore(database.dataSource());
        List<Connector> connectors = new ArrayList<>();
        for (ConnectorStaged c : staged()) {
            ConnectorStaged withCompany = c.withCreator(c.creator().withCompany(c.name()));
            Connector published = Connector.publishedFrom(withCompany, 1, true);
            store.save(published, true);
            connectors.add(published);
        }
        List<Connector> expected = connectors.stream()
                .sorted(Comparator.comparing(Connector::name).reversed().thenComparing(Connector::id)).toList();
        assertEquals(expected, store.search(ConnectorSearch.defaults().withLimit(100)
                .withSort(List.of(Sort.desc(SortField.NAME)))).results());
        for (Connector c : connectors) {
            assertEquals(List.of(c), store.search(ConnectorSearch.defaults().withCreatorCompany(c.name())).results(),
                    "company " + c.name());
            assertEquals(Option.some(c), store.findById(c.id()));
        }
        ConnectorSearch emile = ConnectorSearch.defaults().withText("ÉMILE").withLimit(100);
        assertEquals(connectors.stream().filter(emile::matches).toList(), store.search(emile).results());
        assertEquals(2, store.search(emile).total(), "Émile as a name and as a description; emile is not it");
    }
}
