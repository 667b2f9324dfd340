package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.Lists;
import java.util.List;

/**
 * Configuration values applied to every application of a Deployment (the Connector's
 * {@code globalConfiguration}). Both lists are optional on the wire; in a request they may hold
 * {@code null} elements, which the core reports.
 *
 * <pre>{@code
 * DeploymentGlobalConfiguration.empty().withStandard("CTP_REGION", "europe-west1.gcp").withSecured("API_KEY", "k");
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"standardConfiguration", "securedConfiguration"})
public record DeploymentGlobalConfiguration(
        List<ConfigurationValue> standardConfiguration,
        List<SecuredConfigurationValue> securedConfiguration) {

    public DeploymentGlobalConfiguration {
        standardConfiguration = Lists.inputCopy(standardConfiguration);
        securedConfiguration = Lists.inputCopy(securedConfiguration);
    }

    /** No global values. */
    public static DeploymentGlobalConfiguration empty() {
        return new DeploymentGlobalConfiguration(List.of(), List.of());
    }

    /** This configuration with one more standard value. */
    public DeploymentGlobalConfiguration withStandard(String key, String value) {
        return new DeploymentGlobalConfiguration(
                Lists.append(standardConfiguration == null ? List.of() : standardConfiguration, new ConfigurationValue(key, value)),
                securedConfiguration);
    }

    /** This configuration with one more secured value. */
    public DeploymentGlobalConfiguration withSecured(String key, String value) {
        return new DeploymentGlobalConfiguration(standardConfiguration,
                Lists.append(securedConfiguration == null ? List.of() : securedConfiguration, SecuredConfigurationValue.of(key, value)));
    }
}
