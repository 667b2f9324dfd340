package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The configuration of one Connect application, as read from {@code connect.yaml}: its name, type
 * and the standard and secured environment variables it expects, in file order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"applicationName", "applicationType", "standardConfiguration", "securedConfiguration"})
public record ConnectorConfigurationApplication(
        String applicationName,
        ApplicationType applicationType,
        List<StandardConfigurationKey> standardConfiguration,
        List<SecuredConfigurationKey> securedConfiguration) {

    public ConnectorConfigurationApplication {
        standardConfiguration = Lists.orEmpty(standardConfiguration);
        securedConfiguration = Lists.orEmpty(securedConfiguration);
    }
}
