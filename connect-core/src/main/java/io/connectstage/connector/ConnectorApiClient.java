package io.connectstage.connector;

import java.util.List;

/** The scopes of the API Client that Connect creates for a Deployment ({@code inheritAs.apiClient}). */
public record ConnectorApiClient(List<String> scopes) {

    public ConnectorApiClient {
        scopes = Lists.orEmpty(scopes);
    }
}
