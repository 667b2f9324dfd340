package io.connectstage.deployment;

import io.connectstage.connector.Lists;
import java.util.List;

/**
 * The API Client Connect made for a Deployment whose Connector asks for one
 * ({@code inheritAs.apiClient}): its client id ({@code name}) and scopes.
 *
 * <p>{@code new DeploymentApiClient("connect-5a1b", List.of("manage_orders:my-project"))}
 */
public record DeploymentApiClient(String name, List<String> scopes) {

    public DeploymentApiClient {
        scopes = Lists.orEmpty(scopes);
    }
}
