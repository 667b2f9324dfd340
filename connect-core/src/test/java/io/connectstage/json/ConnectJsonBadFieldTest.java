package io.connectstage.json;

import static io.connectstage.json.Answers.assertDetail;
import static io.connectstage.json.Answers.rejectedOnce;

import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorConfigurationApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A field of the wrong type or value is refused naming its path")
class ConnectJsonBadFieldTest {

    private static String action(String name, String field, String value) {
        return "{\"action\":\"" + name + "\",\"" + field + "\":" + value + "}";
    }

    @Nested
    @DisplayName("a string field")
    class Strings {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"42", "1.5", "true", "{}", "[\"n\"]"})
        void nonStringForStringIsRefused(String value) {
            assertDetail(rejectedOnce(ConnectJson.readAction(action("setName", "name", value))), "name",
                    "expected a string");
        }

        @Test
        @DisplayName("nested in a draft, with its full path")
        void nestedNumberForStringNamesTheFullPath() {
            String draft = "{\"name\":\"n\",\"creator\":{\"email\":42},\"repository\":{\"url\":\"u\",\"tag\":\"t\"}}";
            assertDetail(rejectedOnce(ConnectJson.readDraft(draft)), "creator.email", "expected a string");
        }
    }

    @Nested
    @DisplayName("an integer field")
    class Integers {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"12\"", "1.5", "12.0", "true"})
        void nonIntegerForIntegerIsRefused(String value) {
            String json = action("setCreatorNoOfContributors", "creatorNoOfContributors", value);
            assertDetail(rejectedOnce(ConnectJson.readAction(json)), "creatorNoOfContributors", "expected an integer");
        }

        @Test
        @DisplayName("nested in a draft, with its full path")
        void nestedStringForIntegerNamesTheFullPath() {
            String draft = "{\"name\":\"n\",\"creator\":{\"email\":\"e@example.com\",\"noOfContributors\":\"200\"}}";
            assertDetail(rejectedOnce(ConnectJson.readDraft(draft)), "creator.noOfContributors",
                    "expected an integer");
        }
    }

    @Nested
    @DisplayName("a boolean field")
    class Booleans {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"true\"", "\"false\"", "1", "0"})
        void nonBooleanForBooleanIsRefused(String value) {
            assertDetail(rejectedOnce(ConnectJson.readAction(action("publish", "certification", value))),
                    "certification", "expected a boolean");
        }
    }

    @Nested
    @DisplayName("an enum field")
    class Enums {
        @Test
        @DisplayName("refuses an unknown region, listing the known ones")
        void unknownRegionIsRefusedAtItsIndex() {
            String json = action("setSupportedRegions", "regions", "[\"europe-west1.gcp\",\"mars\"]");
            assertDetail(rejectedOnce(ConnectJson.readAction(json)), "regions[1]", "unknown value 'mars'",
                    "'europe-west1.gcp'", "'eu-central-1.aws'");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1", "1.5", "true", "{}", "[\"europe-west1.gcp\"]"})
        @DisplayName("refuses a number or any other non-string for a region")
        void numberForRegionIsRefused(String value) {
            String json = action("setSupportedRegions", "regions", "[" + value + "]");
            assertDetail(rejectedOnce(ConnectJson.readAction(json)), "regions[0]", "expected a string");
        }

        @Test
        @DisplayName("refuses a region in the wrong case")
        void upperCaseRegionIsRefused() {
            String json = action("setSupportedRegions", "regions", "[\"EUROPE-WEST1.GCP\"]");
            assertDetail(rejectedOnce(ConnectJson.readAction(json)), "regions[0]", "unknown value");
        }

        @Test
        @DisplayName("refuses an unknown integration type")
        void unknownIntegrationTypeIsRefused() {
            String json = action("setIntegrationTypes", "integrationTypes", "[\"other\",\"OTHER\"]");
            assertDetail(rejectedOnce(ConnectJson.readAction(json)), "integrationTypes[1]", "unknown value 'OTHER'");
        }

        @Test
        @DisplayName("refuses an unknown application type")
        void unknownApplicationTypeIsRefused() {
            String json = "{\"applicationName\":\"app-1\",\"applicationType\":\"mc-app\"}";
            assertDetail(rejectedOnce(ConnectJson.read(json, ConnectorConfigurationApplication.class)),
                    "applicationType", "unknown value 'mc-app'");
        }

        @Test
        @DisplayName("refuses isPreviewable as a JSON boolean")
        void booleanIsPreviewableIsRefused() {
            String staged = Examples.text("connector/staged.json")
                    .replace("\"isPreviewable\": \"false\"", "\"isPreviewable\": false");
            assertDetail(rejectedOnce(ConnectJson.readStaged(staged)), "isPreviewable", "expected a string");
        }
    }

    @Nested
    @DisplayName("a list")
    class Lists {
        @Test
        @DisplayName("that is not an array")
        void nonArrayForListIsRefused() {
            String json = action("setSupportedRegions", "regions", "\"europe-west1.gcp\"");
            assertDetail(rejectedOnce(ConnectJson.readAction(json)), "regions", "expected an array");
        }

        @Test
        @DisplayName("with a null element in an action")
        void nullElementInActionListIsRefusedAtItsIndex() {
            String json = action("setSupportedRegions", "regions", "[\"europe-west1.gcp\",null]");
            assertDetail(rejectedOnce(ConnectJson.readAction(json)), "regions[1]", "must not be null");
        }

        @Test
        @DisplayName("with a null element in a draft")
        void nullElementInDraftListIsRefusedAtItsIndex() {
            String draft = "{\"name\":\"n\",\"privateProjects\":[\"europe-west1.gcp:my-project\",null]}";
            assertDetail(rejectedOnce(ConnectJson.readDraft(draft)), "privateProjects[1]", "must not be null");
        }

        @Test
        @DisplayName("with a null element in an update request")
        void nullElementInUpdateIsRefusedWithTheActionIndex() {
            String update = "{\"version\":1,\"actions\":[{\"action\":\"unlist\"},"
                    + action("setIntegrationTypes", "integrationTypes", "[null]") + "]}";
            assertDetail(rejectedOnce(ConnectJson.readUpdate(update)), "actions[1].integrationTypes[0]",
                    "must not be null");
        }

        @Test
        @DisplayName("with a null element in a stored ConnectorStaged")
        void nullElementInStagedListIsRefusedAtItsIndex() {
            String staged = Examples.text("connector/staged.json")
                    .replace("\"privateProjects\": []", "\"privateProjects\": [null]");
            assertDetail(rejectedOnce(ConnectJson.readStaged(staged)), "privateProjects[0]", "must not be null");
        }
    }

    @Nested
    @DisplayName("a date-time field")
    class DateTimes {
        @Test
        @DisplayName("that is not a date-time")
        void unparsableDateTimeIsRefused() {
            String json = "{\"userId\":\"p\",\"datetime\":\"yesterday\",\"comment\":\"c\"}";
            assertDetail(rejectedOnce(ConnectJson.read(json, CertificationInfoComment.class)), "datetime",
                    "'yesterday' is not a date-time");
        }

        @Test
        @DisplayName("that is a number")
        void numberForDateTimeIsRefused() {
            String json = "{\"userId\":\"p\",\"datetime\":1678975200000,\"comment\":\"c\"}";
            assertDetail(rejectedOnce(ConnectJson.read(json, CertificationInfoComment.class)), "datetime",
                    "expected a date-time string");
        }
    }
}
