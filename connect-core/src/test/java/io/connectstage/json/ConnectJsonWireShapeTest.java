package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.connector.StandardConfigurationKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The wire format leaves out what is absent, keeps lists and writes dates in one form")
class ConnectJsonWireShapeTest {
    private static final Creator CREATOR = Creator.ofEmail("john.doe@example.com");
    private static final Repository REPOSITORY =
            new Repository("git@github.com:commercetools/connect-application-kit.git", "0.0.0");

    /** A ConnectorStaged with only what cannot be absent; every optional field and list is null. */
    private static ConnectorStaged bareStaged() {
        return new ConnectorStaged("5ab3edcd-9d23-4934-8f48-256805253119", null, 1, "Connector's name", null, null,
                CREATOR, REPOSITORY, null, null, null, false, null, null, null, null, null, false, false, null,
                null, null, null, null, null);
    }

    private static JsonNode tree(Object value) {
        return Examples.parse(ConnectJson.write(value));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    @DisplayName("omits absent optional fields")
    class Omission {
        @Test
        @DisplayName("on a ConnectorStaged, keeping the required ones and the defaults")
        void stagedOmitsNullOptionalFields() {
            JsonNode written = tree(bareStaged());
            assertEquals(new TreeSet<>(List.of("id", "version", "name", "integrationTypes", "creator", "repository",
                            "configurations", "private", "privateProjects", "supportedRegions", "status",
                            "alreadyListed", "hasChanges", "isPreviewable")),
                    fieldNames(written));
            assertEquals("Draft", written.get("status").textValue());
            assertEquals("none", written.get("isPreviewable").textValue());
        }

        @Test
        @DisplayName("on a creator, a draft, a configuration key and a report entry")
        void partsOmitNullOptionalFields() {
            assertEquals(Set.of("email"), fieldNames(tree(CREATOR)));
            assertEquals(Set.of("name", "creator", "repository"),
                    fieldNames(tree(ConnectorStagedDraft.of("Connector's name", CREATOR, REPOSITORY))));
            assertEquals(Set.of("key", "description"),
                    fieldNames(tree(new StandardConfigurationKey("CONFIG_KEY", "d", null, null))));
            assertEquals(Set.of("type", "title", "createdAt"), fieldNames(tree(new ConnectorReportEntry(
                    ConnectorReportEntryType.ERROR, "t", null, Instant.parse("2023-08-08T12:20:31.143Z"), null))));
        }
    }

    @Nested
    @DisplayName("always writes the lists of a ConnectorStaged")
    class Lists {
        @Test
        @DisplayName("as empty arrays when the value has none")
        void stagedListsAreWrittenEmpty() {
            JsonNode written = tree(bareStaged());
            for (String list : List.of("integrationTypes", "configurations", "privateProjects", "supportedRegions")) {
                assertEquals(Examples.parse("[]"), written.get(list), list);
            }
        }

        @Test
        @DisplayName("even when the JSON read left them out")
        void stagedListsMissingOnReadAreWrittenEmpty() {
            String json = "{\"id\":\"i\",\"version\":3,\"name\":\"n\",\"creator\":{\"email\":\"e@example.com\"},"
                    + "\"repository\":{\"url\":\"u\",\"tag\":\"t\"},\"private\":true,\"alreadyListed\":false,"
                    + "\"hasChanges\":false}";
            JsonNode written = tree(accepted(ConnectJson.readStaged(json)));
            assertEquals(Examples.parse("[]"), written.get("privateProjects"));
            assertEquals(Examples.parse("[]"), written.get("supportedRegions"));
        }
    }

    @Nested
    @DisplayName("writes date-times in UTC with milliseconds")
    class DateTimes {
        @Test
        @DisplayName("keeping 2023-03-17T14:00:00.000Z exactly")
        void wholeSecondKeepsItsMilliseconds() {
            String json = "{\"userId\":\"project-key\",\"datetime\":\"2023-03-17T14:00:00.000Z\",\"comment\":\"c\"}";
            CertificationInfoComment comment = accepted(ConnectJson.read(json, CertificationInfoComment.class));
            assertEquals("2023-03-17T14:00:00.000Z", tree(comment).get("datetime").textValue());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2023-03-17T14:00:00Z", "2023-03-17T16:00:00+02:00", "2023-03-17T14:00:00.000+00:00"})
        @DisplayName("whatever the offset or precision read")
        void readDateTimeIsWrittenInUtcWithMilliseconds(String datetime) {
            String json = "{\"userId\":\"p\",\"datetime\":\"" + datetime + "\",\"comment\":\"c\"}";
            CertificationInfoComment comment = accepted(ConnectJson.read(json, CertificationInfoComment.class));
            assertEquals("2023-03-17T14:00:00.000Z", tree(comment).get("datetime").textValue());
        }

        @Test
        @DisplayName("with three digits of fraction, even for finer instants")
        void finerInstantIsWrittenWithMilliseconds() {
            CertificationInfoComment comment =
                    new CertificationInfoComment("p", Instant.parse("2024-02-15T10:12:12.069123456Z"), "c");
            assertEquals("2024-02-15T10:12:12.069Z", tree(comment).get("datetime").textValue());
        }
    }
}
