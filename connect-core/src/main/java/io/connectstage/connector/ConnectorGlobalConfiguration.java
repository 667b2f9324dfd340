package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Configuration applied to all applications of a Deployment ({@code inheritAs.configuration} in
 * {@code connect.yaml}). Both lists are optional on the wire and {@code null} when absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"standardConfiguration", "securedConfiguration"})
public record ConnectorGlobalConfiguration(
        List<StandardConfigurationKey> standardConfiguration,
        List<SecuredConfigurationKey> securedConfiguration) {

    public ConnectorGlobalConfiguration {
        standardConfiguration = Lists.copyOrNull(standardConfiguration);
        securedConfiguration = Lists.copyOrNull(securedConfiguration);
    }
}
