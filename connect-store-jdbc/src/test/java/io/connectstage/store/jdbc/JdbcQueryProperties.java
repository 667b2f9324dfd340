package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.testkit.QueryScenarios;
import io.connectstage.testkit.Seeds;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page the indexes of the JDBC store give (the type table's ranges, their merge, the
 * connector table's index) against a plain sort of everything held, after inserts, replaces
 * (names, privacy, types, statuses and times changed) and deletes.
 */
@DisplayName("The JDBC store's query pages")
class JdbcQueryProperties {
    private static final int CONNECTORS = 60;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("are those of a plain sort of everything, whatever the filters, sort and page")
    void pagesAreThoseOfAPlainSort(TestDatabase.Kind kind) {
        Seeds.check("JDBC pages equal a plain sort on " + kind, Seeds.examples(12), QueryScenarios.scenarios(CONNECTORS),
                lists().of(QueryScenarios.queries(CONNECTORS)).ofSizeBetween(1, 25), (scenario, queries) -> {
                    try (TestDatabase database = kind.open(folder)) {
                        JdbcConnectorStore store = new JdbcConnectorStore(database.dataSource());
                        Map<String, ConnectorStaged> held = scenario.runOn(store);
                        for (ConnectorQuery query : queries) {
                            assertEquals(QueryScenarios.expected(held.values(), query), store.query(query),
                                    query.toString());
                        }
                    }
                });
    }
}
