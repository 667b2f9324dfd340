package io.connectstage.spec;

import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.Lists;
import java.util.List;

/**
 * A valid {@code connect.yaml}: the applications of {@code deployAs} in file order, the global
 * configuration ({@code inheritAs.configuration}, {@code null} when absent; each of its lists
 * {@code null} when the file leaves it out) and the API client ({@code inheritAs.apiClient},
 * {@code null} when absent). Made by {@link ConnectYamlParser}.
 *
 * <pre>{@code
 * ConnectYamlParser.parse(bytes).map(ConnectorSpecification::configurations);
 * // Right([ConnectorConfigurationApplication[applicationName=service, ...], ...])
 * }</pre>
 */
public record ConnectorSpecification(
        List<ApplicationSpecification> applications,
        ConnectorGlobalConfiguration globalConfiguration,
        ConnectorApiClient apiClient) {

    public ConnectorSpecification {
        applications = Lists.orEmpty(applications);
    }

    /**
     * One {@link ConnectorConfigurationApplication} per application, in file order, keys in file
     * order, {@code required} and {@code default} as the file gives them ({@code null} when absent).
     */
    public List<ConnectorConfigurationApplication> configurations() {
        return applications.stream().map(ApplicationSpecification::toConfiguration).toList();
    }
}
