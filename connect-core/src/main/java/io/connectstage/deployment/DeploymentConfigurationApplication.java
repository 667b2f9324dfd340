package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.Lists;
import java.util.List;

/**
 * The configuration values a request gives for one application of the Connector: standard and
 * secured values, and for a {@code job} an optional cron {@code schedule} that overrides the one
 * of {@code connect.yaml}. Used by {@link DeploymentDraft} and {@link DeploymentRedeployAction};
 * lists may hold {@code null} elements, which the core reports.
 *
 * <pre>{@code
 * DeploymentConfigurationApplication.of("app-1")
 *     .withStandard("CONFIG_KEY", "value")
 *     .withSecured("CONFIG_SECRET", "s3cr3t")
 *     .withSchedule("0 0 * * *");
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"applicationName", "standardConfiguration", "securedConfiguration", "schedule"})
public record DeploymentConfigurationApplication(
        String applicationName,
        List<ConfigurationValue> standardConfiguration,
        List<SecuredConfigurationValue> securedConfiguration,
        String schedule) {

    public DeploymentConfigurationApplication {
        standardConfiguration = Lists.inputCopy(standardConfiguration);
        securedConfiguration = Lists.inputCopy(securedConfiguration);
    }

    /** No values yet for this application. */
    public static DeploymentConfigurationApplication of(String applicationName) {
        return new DeploymentConfigurationApplication(applicationName, List.of(), List.of(), null);
    }

    /** This configuration with one more standard value. */
    public DeploymentConfigurationApplication withStandard(String key, String value) {
        return new DeploymentConfigurationApplication(applicationName,
                Lists.append(orEmpty(standardConfiguration), new ConfigurationValue(key, value)), securedConfiguration, schedule);
    }

    /** This configuration with one more secured value. */
    public DeploymentConfigurationApplication withSecured(String key, String value) {
        return new DeploymentConfigurationApplication(applicationName, standardConfiguration,
                Lists.append(orEmpty(securedConfiguration), SecuredConfigurationValue.of(key, value)), schedule);
    }

    /** This configuration with a cron schedule that overrides the job's own. */
    public DeploymentConfigurationApplication withSchedule(String value) {
        return new DeploymentConfigurationApplication(applicationName, standardConfiguration, securedConfiguration, value);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
