package io.connectstage.spec;

import static io.connectstage.spec.SpecAssertions.problems;
import static io.connectstage.spec.SpecAssertions.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The connect.yaml files of public connectors (see spec/real/README.md for their sources). */
@DisplayName("ConnectYamlParser reads real connect.yaml files")
class ConnectYamlRealFilesTest {

    private static byte[] real(String name) {
        try (InputStream in = ConnectYamlRealFilesTest.class.getResourceAsStream("/spec/real/" + name)) {
            assertNotNull(in, name + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String realText(String name) {
        return new String(real(name), StandardCharsets.UTF_8);
    }

    @Test
    void readsThePaymentIntegrationTemplate() {
        ConnectorSpecification spec = valid(ConnectYamlParser.parse(real("commercetools__connect-payment-integration-template.yaml")));
        List<ConnectorConfigurationApplication> configurations = spec.configurations();
        assertEquals(1, configurations.size());
        ConnectorConfigurationApplication processor = configurations.get(0);
        assertEquals("processor", processor.applicationName());
        assertEquals(ApplicationType.SERVICE, processor.applicationType());
        assertEquals(List.of(), processor.standardConfiguration());
        assertEquals(List.of("CTP_PROJECT_KEY", "CTP_CLIENT_ID", "CTP_CLIENT_SECRET", "CTP_SCOPE", "CTP_REGION",
                        "CTP_AUTH_URL", "CTP_API_URL", "CTP_SESSION_URL"),
                processor.securedConfiguration().stream().map(SecuredConfigurationKey::key).toList());
        assertEquals(new SecuredConfigurationKey("CTP_PROJECT_KEY", "Commercetools project key", null),
                processor.securedConfiguration().get(0));
        assertEquals("/processor", spec.applications().get(0).endpoint());
    }

    @Test
    void readsTheProductReviewsCustomApplication() {
        ConnectorSpecification spec = valid(ConnectYamlParser.parse(real("Happy-Horizon__commercetools-product-reviews.yaml")));
        assertEquals(List.of(new ConnectorConfigurationApplication("product-reviews",
                ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION, List.of(
                        new StandardConfigurationKey("CUSTOM_APPLICATION_ID",
                                "Custom Application ID from Merchant Center (Organizations > Custom Applications)", true, null),
                        new StandardConfigurationKey("CLOUD_IDENTIFIER",
                                "Merchant Center region (gcp-eu, gcp-us, aws-eu, aws-us)", null, "gcp-eu"),
                        new StandardConfigurationKey("ENTRY_POINT_URI_PATH",
                                "Application entry point URI path (must match the Custom Application)", true, "product-reviews")),
                List.of())), spec.configurations());
    }

    @Test
    void rejectsRelewiseForAScheduleOnAService() {
        assertEquals(List.of(new SpecProblem("deployAs.0.properties", "is not allowed in an application of type service;"
                        + " allowed keys: name, applicationType, endpoint, configuration, scripts, healthCheck")),
                problems(ConnectYamlParser.parse(real("Relewise__relewise-integrations-commercetools-connect.yaml"))));
    }

    @Test
    void readsRelewiseOnceItsScheduleIsRemoved() {
        String fixed = realText("Relewise__relewise-integrations-commercetools-connect.yaml")
                .replace("    properties:\n      schedule: \"0 * * * *\"\n", "");
        ConnectorSpecification spec = valid(fixed);
        assertEquals(1, spec.configurations().get(0).standardConfiguration().size());
        assertEquals(8, spec.configurations().get(0).securedConfiguration().size());
    }

    @Test
    void rejectsTheApplicationKitTemplateForItsMcAppOnly() {
        assertEquals(List.of(
                new SpecProblem("deployAs.3.endpoint", "is not allowed in a Merchant Center custom application (mc-app);"
                        + " allowed keys: name, applicationType, configuration, scripts"),
                new SpecProblem("deployAs.3.configuration.standardConfiguration", "must declare CUSTOM_APPLICATION_ID"
                        + " with required: true in a Merchant Center custom application (mc-app)"),
                new SpecProblem("deployAs.3.configuration.standardConfiguration", "must declare ENTRY_POINT_URI_PATH"
                        + " with required: true in a Merchant Center custom application (mc-app)")),
                problems(ConnectYamlParser.parse(real("commercetools__connect-application-kit__javascript.yaml"))));
    }

    @Test
    void readsTheApplicationKitTemplateOnceItsMcAppIsFixed() {
        String fixed = realText("commercetools__connect-application-kit__javascript.yaml")
                .replace("    endpoint: /mc-app\n", "")
                .replace("        - key: APPLICATION_ID\n", "        - key: CUSTOM_APPLICATION_ID\n")
                + "\n        - key: ENTRY_POINT_URI_PATH\n          description: entry point\n          required: true\n";
        ConnectorSpecification spec = valid(fixed);
        assertEquals(List.of("service", "job", "event", "mc-app"),
                spec.applications().stream().map(ApplicationSpecification::name).toList());
        assertEquals("*/5 * * * *", spec.applications().get(1).schedule());
        assertEquals(ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION, spec.applications().get(3).applicationType());
    }
}
