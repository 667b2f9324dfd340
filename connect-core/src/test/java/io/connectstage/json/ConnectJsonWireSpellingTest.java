package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.action.ConnectorSetIntegrationTypesAction;
import io.connectstage.action.ConnectorSetSupportedRegionsAction;
import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The wire format spells names and values as the API does")
class ConnectJsonWireSpellingTest {
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

    @Nested
    @DisplayName("names the private flag")
    class PrivateFlag {
        @Test
        @DisplayName("private on a ConnectorStaged, never isPrivate")
        void stagedWritesPrivateNotIsPrivate() {
            JsonNode written = tree(bareStaged().withPrivate(true));
            assertTrue(written.get("private").isBoolean() && written.get("private").booleanValue());
            assertFalse(written.has("isPrivate"));
        }

        @Test
        @DisplayName("private on a Connector, never isPrivate")
        void connectorWritesPrivateNotIsPrivate() {
            Connector connector = new Connector("id-1", null, 1, "n", null, null, CREATOR, REPOSITORY, null, null,
                    true, null, null, false, null);
            JsonNode written = tree(connector);
            assertTrue(written.get("private").booleanValue());
            assertFalse(written.has("isPrivate"));
        }

        @Test
        @DisplayName("and reads private back")
        void stagedReadsPrivate() {
            String json = ConnectJson.write(bareStaged().withPrivate(true));
            assertTrue(accepted(ConnectJson.readStaged(json)).isPrivate());
        }
    }

    @Nested
    @DisplayName("writes isPreviewable")
    class Previewable {
        @ParameterizedTest(name = "{0}")
        @EnumSource(IsPreviewable.class)
        @DisplayName("as a string, never a JSON boolean")
        void isPreviewableIsWrittenAsString(IsPreviewable value) {
            JsonNode written = tree(bareStaged().withPreviewable(value)).get("isPreviewable");
            assertTrue(written.isTextual(), () -> "not a string: " + written);
            assertEquals(value.wireValue(), written.textValue());
        }

        @Test
        @DisplayName("with the four spellings of the reference")
        void isPreviewableHasTheFourSpellings() {
            assertEquals(List.of("true", "false", "pending", "none"),
                    Arrays.stream(IsPreviewable.values()).map(IsPreviewable::wireValue).toList());
        }
    }

    @Nested
    @DisplayName("spells enums as the API does")
    class Enums {
        @Test
        @DisplayName("regions with their cloud suffix")
        void regionsAreWrittenWithCloudSuffix() {
            JsonNode written = tree(new ConnectorSetSupportedRegionsAction(List.of(Region.values()))).get("regions");
            assertEquals(Examples.parse("[\"europe-west1.gcp\",\"us-central1.gcp\",\"australia-southeast1.gcp\","
                    + "\"us-east-2.aws\",\"eu-central-1.aws\"]"), written);
        }

        @Test
        @DisplayName("integration types in lower case")
        void integrationTypesAreWrittenInLowerCase() {
            JsonNode written = tree(new ConnectorSetIntegrationTypesAction(List.of(IntegrationType.values())))
                    .get("integrationTypes");
            List<String> expected = Arrays.stream(IntegrationType.values())
                    .map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
            assertEquals(Examples.parse(ConnectJson.write(expected)), written);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ApplicationType.class)
        @DisplayName("application types in kebab case")
        void applicationTypesAreWrittenInKebabCase(ApplicationType type) {
            JsonNode written = tree(new ConnectorConfigurationApplication("app-1", type, null, null));
            assertEquals(type.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    written.get("applicationType").textValue());
        }

        @Test
        @DisplayName("merchant-center-custom-view exactly")
        void customViewIsWrittenWithDashes() {
            JsonNode written = tree(new ConnectorConfigurationApplication("app-1",
                    ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW, null, null));
            assertEquals("merchant-center-custom-view", written.get("applicationType").textValue());
        }

        @Test
        @DisplayName("statuses and report entry types in Pascal case")
        void statusAndEntryTypeAreWrittenInPascalCase() {
            assertEquals("ReadyForCertification",
                    tree(bareStaged().withStatus(ConnectorStatus.READY_FOR_CERTIFICATION)).get("status").textValue());
            ConnectorReportEntry entry = new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "t", null,
                    Instant.parse("2024-02-15T10:12:12.069Z"), null);
            assertEquals("Information", tree(entry).get("type").textValue());
        }
    }
}
