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
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(creator, "creator is null");
        Objects.requireNonNull(repository, "repository is null");
        integrationTypes = Lists.orEmpty(integrationTypes);
        configurations = Lists.orEmpty(configurations);
        supportedRegions = Lists.orEmpty(supportedRegions);
    }

    /**
     * The production copy of a staged connector whose publish has just settled, at this version:
     * {@code private} and {@code certified} as the settled staged connector has them (a publish
     * without certification makes it private, an approved certification public), whether or not
     * it was certified before.
     */
    public static Connector publishedFrom(ConnectorStaged settled, long version) {
        Connector copy = publishedFrom(settled, version, Boolean.TRUE.equals(settled.certified()));
        return new Connector(copy.id, copy.key, version, copy.name, copy.description, copy.integrationTypes,
                copy.creator, copy.repository, copy.configurations, copy.apiClient, settled.isPrivate(),
                copy.globalConfiguration, copy.supportedRegions, copy.certified, copy.documentationUrl);
    }

    /**
     * The production copy of a staged connector at this version: what a successful publish
     * creates or replaces. It is private unless certified.
     */
    public static Connector publishedFrom(ConnectorStaged staged, long version, boolean certified) {
        return new Connector(staged.id(), staged.key(), version, staged.name(), staged.description(),
                staged.integrationTypes(), staged.creator(), staged.repository(), staged.configurations(),
                staged.apiClient(), !certified, staged.globalConfiguration(), staged.supportedRegions(), certified,
                staged.documentationUrl());
    }

    /**
     * Whether this Connector holds the same data as the staged one: the fields a publish copies.
     * {@code hasChanges} of the staged connector is the negation.
     */
    public boolean sameDataAs(ConnectorStaged staged) {
        return sameDataAs(staged.changes());
    }

    /** The same for a connector being changed by an update request, before it is built. */
    public boolean sameDataAs(ConnectorStaged.Changes staged) {
        return Objects.equals(key, staged.key()) && name.equals(staged.name())
                && Objects.equals(description, staged.description())
                && integrationTypes.equals(staged.integrationTypes())
                && creator.equals(staged.creator()) && repository.equals(staged.repository())
                && configurations.equals(staged.configurations())
                && Objects.equals(apiClient, staged.apiClient())
                && Objects.equals(globalConfiguration, staged.globalConfiguration())
                && supportedRegions.equals(staged.supportedRegions())
                && Objects.equals(documentationUrl, staged.documentationUrl());
    }
}
