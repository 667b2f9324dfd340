package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Answers.assertDetail;
import static io.connectstage.json.Answers.rejectedOnce;
import static io.connectstage.json.Examples.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples that cannot round-trip as they are, and the choice made for each. */
@DisplayName("Examples that do not round-trip as written")
class ConnectJsonDocumentedExceptionsTest {

    @Nested
    @DisplayName("a create body carrying read-only ConnectorStaged fields")
    class DraftWithReadOnlyFields {
        private static final List<String> DRAFT_FIELDS = List.of("key", "name", "description", "integrationTypes",
                "creator", "repository", "supportedRegions", "privateProjects", "documentationUrl");

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#drafts")
        @DisplayName("is read as a ConnectorStagedDraft, ignores the read-only fields and writes only the draft fields")
        void draftIgnoresReadOnlyFieldsAndWritesOnlyDraftFields(String path) {
            ConnectorStagedDraft draft = accepted(ConnectJson.readDraft(text(path)));
            assertEquals(draftFieldsOf(Examples.tree(path)), Examples.parse(ConnectJson.write(draft)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#drafts")
        @DisplayName("does carry read-only fields, which is why it is an exception")
        void draftExampleCarriesReadOnlyFields(String path) {
            JsonNode example = Examples.tree(path);
            for (String readOnly : List.of("id", "version", "status", "private", "hasChanges", "alreadyListed",
                    "isPreviewable", "previewableReport")) {
                assertTrue(example.has(readOnly), () -> path + " lacks " + readOnly);
            }
        }

        private JsonNode draftFieldsOf(JsonNode example) {
            ObjectNode expected = Examples.withoutExplicitNulls(example).deepCopy();
            expected.retain(DRAFT_FIELDS);
            return expected;
        }
    }

    @Nested
    @DisplayName("the setConfigurations example")
    class OrphanAction {
        @Test
        @DisplayName("has no RAML type and was removed from the API, so it is refused as an unknown action")
        void setConfigurationsIsRefusedAsUnknownAction() {
            String detail = rejectedOnce(ConnectJson.readAction(text(Fixtures.ORPHAN_ACTION)));
            assertDetail(detail, "action", "unknown update action", "setConfigurations");
        }
    }

    @Nested
    @DisplayName("the seed's SecuredConfigurationKey example")
    class SecuredKeyWithDefault {
        @Test
        @DisplayName("is a copy of the standard key's: a secured key has no default, so default is dropped")
        void securedKeyExampleDropsItsDefault() {
            String path = Fixtures.SECURED_KEY_WITH_DEFAULT;
            assertEquals(Examples.tree("seed/StandardConfigurationKey.json"), Examples.tree(path));

            SecuredConfigurationKey key = accepted(ConnectJson.read(text(path), SecuredConfigurationKey.class));
            assertEquals(new SecuredConfigurationKey("CONFIG_KEY", "config key description", true), key);

            ObjectNode withoutDefault = Examples.tree(path).deepCopy();
            withoutDefault.remove("default");
            assertEquals(withoutDefault, Examples.parse(ConnectJson.write(key)));
        }

        @Test
        @DisplayName("round-trips as the StandardConfigurationKey it was copied from")
        void securedKeyExampleRoundTripsAsStandardKey() {
            String path = Fixtures.SECURED_KEY_WITH_DEFAULT;
            StandardConfigurationKey key = accepted(ConnectJson.read(text(path), StandardConfigurationKey.class));
            Examples.assertWrittenAsExample(path, ConnectJson.write(key));
        }
    }
}
