package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The read-only production version of a Connector, created or replaced when a publish of its
 * ConnectorStaged succeeds. It has no private projects, status or reports, but says whether it
 * is {@code certified}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "key", "version", "name", "description", "integrationTypes", "creator", "repository",
        "configurations", "apiClient", "private", "globalConfiguration", "supportedRegions", "certified",
        "documentationUrl"})
public record Connector(
        String id,
        String key,
        long version,
        String name,
        String description,
        List<IntegrationType> integrationTypes,
        Creator creator,
        Repository repository,
        List<ConnectorConfigurationApplication> configurations,
        ConnectorApiClient apiClient,
        @JsonProperty("private") boolean isPrivate,
        ConnectorGlobalConfiguration globalConfiguration,
        List<Region> supportedRegions,
        boolean certified,
        String documentationUrl) {

    public Connector {
        Objects.requireNonNull(id, "id is null");
        integrationTypes = Lists.orEmpty(integrationTypes);
        configurations = Lists.orEmpty(configurations);
        supportedRegions = Lists.orEmpty(supportedRegions);
    }
}
