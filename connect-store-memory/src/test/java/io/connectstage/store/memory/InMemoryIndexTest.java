package io.connectstage.store.memory;

import static io.connectstage.connector.IntegrationType.OMS;
import static io.connectstage.connector.IntegrationType.PSP;
import static io.connectstage.connector.IntegrationType.TAX;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.testkit.Connectors;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The memory store's indexes per sort field, privacy and integration type")
class InMemoryIndexTest {
    private InMemoryConnectorStore store;

    @BeforeEach
    void fill() {
        store = new InMemoryConnectorStore();
        insert("a", "alpha", true, TAX);
        insert("b", "bravo", false, TAX, PSP);
        insert("c", "charlie", true, PSP);
        insert("d", "delta", false);
        insert("e", "echo", true, TAX, PSP, OMS);
        insert("f", "foxtrot", false, OMS);
    }

    private void insert(String id, String name, boolean isPrivate, IntegrationType... types) {
        store.insert(Connectors.minimal(id, "key-" + id).withName(name).withPrivate(isPrivate)
                .withIntegrationTypes(List.of(types))).get();
    }

    private void update(String id, java.util.function.UnaryOperator<ConnectorStaged> change) {
        ConnectorStaged current = store.findById(id).get();
        store.replace(change.apply(current).withVersion(current.version() + 1), current.version()).get();
    }

    private List<String> names(Boolean isPrivate, IntegrationType... types) {
        return names(ConnectorQuery.defaults().withIsPrivate(isPrivate).withIntegrationTypes(Set.of(types))
                .withSort(List.of(Sort.asc(SortField.NAME))));
    }

    private List<String> names(ConnectorQuery query) {
        return store.query(query).results().stream().map(ConnectorStaged::name).toList();
    }

    @Nested
    @DisplayName("a query of several integration types")
    class SeveralTypes {
        @Test
        void takesAConnectorOfTwoOfThemOnce() {
            assertEquals(List.of("alpha", "bravo", "charlie", "echo"), names(null, TAX, PSP));
            assertEquals(4, store.query(ConnectorQuery.defaults().withIntegrationTypes(Set.of(TAX, PSP))).total());
        }

        @Test
        void mergesInEitherDirection() {
            assertEquals(List.of("foxtrot", "echo", "charlie", "bravo"), names(ConnectorQuery.defaults()
                    .withIntegrationTypes(Set.of(PSP, OMS)).withSort(List.of(Sort.desc(SortField.NAME)))));
        }

        @Test
        void pagesThroughTheMerge() {
            ConnectorQuery query = ConnectorQuery.defaults().withIntegrationTypes(Set.of(TAX, PSP, OMS))
                    .withSort(List.of(Sort.asc(SortField.NAME))).withLimit(2);
            assertEquals(List.of("alpha", "bravo"), names(query));
            assertEquals(List.of("charlie", "echo"), names(query.withOffset(2)));
            assertEquals(List.of("foxtrot"), names(query.withOffset(4)));
        }

        @Test
        void combinesWithPrivacy() {
            assertEquals(List.of("alpha", "charlie", "echo"), names(true, TAX, PSP));
            assertEquals(List.of("bravo", "foxtrot"), names(false, TAX, OMS));
        }
    }

    @Nested
    @DisplayName("a query by privacy")
    class ByPrivacy {
        @Test
        void eitherPrivateOrPublicOrBoth() {
            assertEquals(List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot"), names((Boolean) null));
            assertEquals(List.of("alpha", "charlie", "echo"), names(true));
            assertEquals(List.of("bravo", "delta", "foxtrot"), names(false));
        }

        @Test
        void ofOneType() {
            assertEquals(List.of("alpha", "bravo", "echo"), names(null, TAX));
            assertEquals(List.of("alpha", "echo"), names(true, TAX));
            assertEquals(List.of("bravo"), names(false, TAX));
        }
    }

    @Nested
    @DisplayName("an update after the indexes were built")
    class Updates {
        @BeforeEach
        void buildEveryIndexTheTestsRead() {
            for (Boolean isPrivate : new Boolean[] {null, true, false}) {
                names(isPrivate);
                for (IntegrationType type : List.of(TAX, PSP, OMS)) {
                    names(isPrivate, type);
                }
            }
        }

        @Test
        void movesAConnectorWhoseTypesChangedToItsNewTypes() {
            update("a", c -> c.withIntegrationTypes(List.of(OMS)));
            assertEquals(List.of("echo"), names(true, TAX));
            assertEquals(List.of("alpha", "echo"), names(true, OMS));
            assertEquals(List.of("bravo", "echo"), names(null, TAX));
            assertEquals(List.of("alpha", "echo", "foxtrot"), names(null, OMS));
            assertEquals(List.of("alpha", "bravo", "charlie", "echo", "foxtrot"), names(null, PSP, OMS));
        }

        @Test
        void movesAConnectorWhosePrivacyChanged() {
            update("b", c -> c.withPrivate(true));
            assertEquals(List.of("alpha", "bravo", "echo"), names(true, TAX));
            assertEquals(List.of(), names(false, TAX));
            assertEquals(List.of("alpha", "bravo", "charlie", "echo"), names(true));
            assertEquals(List.of("delta", "foxtrot"), names(false));
        }

        @Test
        void movesAConnectorWhoseNameAndTypesChangedAtOnce() {
            update("f", c -> c.withName("aardvark").withIntegrationTypes(List.of(TAX)).withPrivate(true));
            assertEquals(List.of("aardvark", "alpha", "echo"), names(true, TAX));
            assertEquals(List.of(), names(false, OMS));
            assertEquals(List.of("echo"), names(null, OMS));
            assertEquals(List.of("aardvark", "alpha", "charlie", "echo"), names(true));
        }

        @Test
        void dropsADeletedConnectorFromEveryIndex() {
            store.delete("e", 1).get();
            assertEquals(List.of("alpha"), names(true, TAX));
            assertEquals(List.of(), names(null, OMS, TAX).stream().filter("echo"::equals).toList());
            assertEquals(List.of("alpha", "charlie"), names(true));
        }

        @Test
        void keepsAnIndexBuiltBeforeAConnectorWasInsertedOfItsType() {
            insert("g", "golf", true, PSP, OMS);
            assertEquals(List.of("charlie", "echo", "golf"), names(true, PSP));
            assertEquals(List.of("echo", "foxtrot", "golf"), names(null, OMS));
            assertEquals(List.of("charlie", "echo", "golf"), names(true, PSP, OMS));
        }
    }
}
