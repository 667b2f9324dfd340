package io.connectstage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.rule.Limits;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectorQuery")
class ConnectorQueryTest {

    private static ConnectorQuery accepted(Map<String, List<String>> parameters) {
        Either<Seq<ConnectError>, ConnectorQuery> query = ConnectorQuery.fromQueryParameters(parameters);
        assertTrue(query.isRight(), () -> "expected a query, got " + query);
        return query.get();
    }

    private static List<String> refused(Map<String, List<String>> parameters) {
        Either<Seq<ConnectError>, ConnectorQuery> query = ConnectorQuery.fromQueryParameters(parameters);
        assertTrue(query.isLeft(), () -> "expected InvalidQueryParam, got " + query);
        assertTrue(query.getLeft().forAll(e -> e.code() == ErrorCode.INVALID_QUERY_PARAM), query.getLeft()::toString);
        return query.getLeft().map(ConnectError::detailedErrorMessage).toJavaList();
    }

    @Nested
    @DisplayName("from raw query parameters")
    class FromQueryParameters {

        @Test
        @DisplayName("no parameters: the defaults")
        void defaults() {
            assertEquals(ConnectorQuery.defaults(), accepted(Map.of()));
            assertEquals(ConnectorQuery.defaults(), accepted(null));
        }

        @Test
        @DisplayName("every parameter of GET /connectors/drafts, as the official CLI sends them")
        void everyParameter() {
            ConnectorQuery q = accepted(Map.of("limit", List.of("50"), "offset", List.of("100"),
                    "sort", List.of("createdAt desc", "name"), "isPrivate", List.of("true"),
                    "integrationTypes", List.of("psp", "tax"), "withTotal", List.of("false")));
            assertEquals(50, q.limit());
            assertEquals(100, q.offset());
            assertEquals(List.of(Sort.desc(SortField.CREATED_AT), Sort.asc(SortField.NAME)), q.sort());
            assertEquals(Boolean.TRUE, q.isPrivate());
            assertEquals(Set.of(IntegrationType.PSP, IntegrationType.TAX), q.integrationTypes());
        }

        @Test
        @DisplayName("limit=abc, offset=1.5, isPrivate=yes, an unknown sort field and type: each an InvalidQueryParam, all at once")
        void malformedValues() {
            List<String> details = refused(Map.of("limit", List.of("abc"), "offset", List.of("1.5"),
                    "isPrivate", List.of("yes"), "sort", List.of("colour desc"), "integrationTypes", List.of("mars")));
            assertEquals(5, details.size(), details::toString);
            assertTrue(details.stream().anyMatch(d -> d.startsWith("limit: 'abc' is not an integer")), details::toString);
            assertTrue(details.stream().anyMatch(d -> d.startsWith("offset:")), details::toString);
            assertTrue(details.stream().anyMatch(d -> d.startsWith("isPrivate:")), details::toString);
            assertTrue(details.stream().anyMatch(d -> d.startsWith("sort: cannot sort by 'colour'")), details::toString);
            assertTrue(details.stream().anyMatch(d -> d.startsWith("integrationTypes: unknown value 'mars'")), details::toString);
        }

        @Test
        @DisplayName("limit, offset and isPrivate given twice, or a field sorted by twice, are refused")
        void repeatedParameters() {
            List<String> details = refused(Map.of("limit", List.of("1", "2"), "offset", List.of("0", "0"),
                    "isPrivate", List.of("true", "false"), "sort", List.of("name", "name desc")));
            assertEquals(4, details.size(), details::toString);
        }

        @Test
        @DisplayName("limit above 500 or offset above 10,000, even past an int, are range errors")
        void ranges() {
            assertEquals(1, refused(Map.of("limit", List.of(String.valueOf(Limits.MAX_LIMIT + 1)))).size());
            assertEquals(1, refused(Map.of("offset", List.of("99999999999999"))).size());
            assertEquals(1, refused(Map.of("limit", List.of("-1"))).size());
            assertEquals(Limits.MAX_LIMIT, accepted(Map.of("limit", List.of("500"))).limit());
        }

        @Test
        @DisplayName("a parameter without a value is refused, not a NullPointerException")
        void nullValues() {
            assertEquals(1, refused(Map.of("limit", Arrays.asList((String) null))).size());
            assertEquals(1, refused(Map.of("sort", Arrays.asList((String) null))).size());
            assertEquals(1, refused(Map.of("integrationTypes", Arrays.asList((String) null))).size());
        }
    }

    @Nested
    @DisplayName("nulls inside")
    class Nulls {

        @Test
        @DisplayName("a null sort criterion or integration type is an InvalidQueryParam, and order() and matches() do not throw")
        void nullElements() {
            ConnectorQuery q = ConnectorQuery.defaults().withSort(Arrays.asList(Sort.asc(SortField.NAME), null))
                    .withIntegrationTypes(new HashSet<>(Arrays.asList(IntegrationType.PSP, null)));
            Seq<ConnectError> errors = q.errors();
            assertEquals(2, errors.size(), errors::toString);
            assertTrue(errors.forAll(e -> e.code() == ErrorCode.INVALID_QUERY_PARAM));
            q.order().compare(SampleConnectors.created(), SampleConnectors.fullyPopulated());
            q.matches(SampleConnectors.fullyPopulated());
        }

        @Test
        @DisplayName("a search with null criteria, ids, keys or types answers errors too")
        void searchNulls() {
            ConnectorSearch s = ConnectorSearch.defaults().withSort(Arrays.asList((Sort) null))
                    .withIds(new HashSet<>(Arrays.asList((String) null)));
            assertEquals(2, s.errors().size(), s.errors()::toString);
        }
    }

    @Test
    @DisplayName("the paging limits are the ones of Limits")
    void limitsInOnePlace() {
        assertEquals(Limits.MAX_LIMIT, ConnectorQuery.MAX_LIMIT);
        assertEquals(Limits.MAX_OFFSET, ConnectorQuery.MAX_OFFSET);
        assertEquals(1, ConnectorQuery.defaults().withOffset(Limits.MAX_OFFSET + 1).errors().size());
    }
}
