package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The draft (staged) version of a Connector: every field of the API reference, immutable.
 *
 * <p>Optional fields ({@code key}, {@code description}, {@code globalConfiguration},
 * {@code apiClient}, {@code certificationInfo}, the two reports, {@code documentationUrl} and
 * {@code certified}) are {@code null} when absent and are then left out of the JSON; lists are
 * never {@code null}. {@code certified} is not in the RAML type of ConnectorStaged, but the
 * reference's query example shows it, so it is kept when set: absent until the connector is
 * first published, then {@code false} (published without certification) or {@code true}
 * (certified). {@code createdAt} and {@code lastModifiedAt} are not in the RAML type either; like
 * every commercetools resource the connector carries them: the time of the create request, and of
 * the last change (an update request or an outcome of processing). Both are absent from values
 * read from JSON that does not have them, such as the reference's examples.
 *
 * <p>Values are made by {@link io.connectstage.staging.ConnectorStaging#create} and changed only
 * through update actions and the lifecycle's outcome functions; the {@code with…} copies exist for
 * them and for tests.
 *
 * <pre>{@code
 * ConnectorStaged renamed = staged.withName("New Connector name");
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "key", "version", "name", "description", "integrationTypes", "creator", "repository", "configurations", "globalConfiguration", "apiClient", "private", "privateProjects", "supportedRegions", "certificationInfo", "status", "publishingReport", "alreadyListed", "hasChanges", "isPreviewable", "previewableReport", "documentationUrl", "certified", "createdAt", "lastModifiedAt"})
public record ConnectorStaged(        @JsonProperty("id") String id,
        @JsonProperty("key") String key,
        @JsonProperty("version") long version,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("integrationTypes") List<IntegrationType> integrationTypes,
        @JsonProperty("creator") Creator creator,
        @JsonProperty("repository") Repository repository,
        @JsonProperty("configurations") List<ConnectorConfigurationApplication> configurations,
        @JsonProperty("globalConfiguration") ConnectorGlobalConfiguration globalConfiguration,
        @JsonProperty("apiClient") ConnectorApiClient apiClient,
        @JsonProperty("private") boolean isPrivate,
        @JsonProperty("privateProjects") List<String> privateProjects,
        @JsonProperty("supportedRegions") List<Region> supportedRegions,
        @JsonProperty("certificationInfo") CertificationInfo certificationInfo,
        @JsonProperty("status") ConnectorStatus status,
        @JsonProperty("publishingReport") ConnectorReport publishingReport,
        @JsonProperty("alreadyListed") boolean alreadyListed,
        @JsonProperty("hasChanges") boolean hasChanges,
        @JsonProperty("isPreviewable") IsPreviewable isPreviewable,
        @JsonProperty("previewableReport") ConnectorReport previewableReport,
        @JsonProperty("documentationUrl") String documentationUrl,
        @JsonProperty("certified") Boolean certified,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("lastModifiedAt") Instant lastModifiedAt) {

    public ConnectorStaged {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(creator, "creator is null");
        Objects.requireNonNull(repository, "repository is null");
        integrationTypes = Lists.orEmpty(integrationTypes);
        configurations = Lists.orEmpty(configurations);
        privateProjects = Lists.orEmpty(privateProjects);
        supportedRegions = Lists.orEmpty(supportedRegions);
        status = status == null ? ConnectorStatus.DRAFT : status;
        isPreviewable = isPreviewable == null ? IsPreviewable.NONE : isPreviewable;
    }

    public ConnectorStaged withKey(String value) {
        return new ConnectorStaged(id, value, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withVersion(long value) {
        return new ConnectorStaged(id, key, value, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withName(String value) {
        return new ConnectorStaged(id, key, version, value, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withDescription(String value) {
        return new ConnectorStaged(id, key, version, name, value, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withIntegrationTypes(List<IntegrationType> value) {
        return new ConnectorStaged(id, key, version, name, description, value, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withCreator(Creator value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, value, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withRepository(Repository value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, value, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withConfigurations(List<ConnectorConfigurationApplication> value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, value, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withGlobalConfiguration(ConnectorGlobalConfiguration value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, value, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withApiClient(ConnectorApiClient value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, value, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withPrivate(boolean value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, value, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withPrivateProjects(List<String> value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, value, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withSupportedRegions(List<Region> value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, value, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withCertificationInfo(CertificationInfo value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, value, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withStatus(ConnectorStatus value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, value, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withPublishingReport(ConnectorReport value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, value, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withAlreadyListed(boolean value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, value, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withHasChanges(boolean value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, value, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withPreviewable(IsPreviewable value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, value, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withPreviewableReport(ConnectorReport value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, value, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withDocumentationUrl(String value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, value, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withCertified(Boolean value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, value, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withVersionAndHasChanges(long newVersion, boolean newHasChanges) {
        return new ConnectorStaged(id, key, newVersion, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, newHasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
    }

    public ConnectorStaged withCreatedAt(Instant value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, value, lastModifiedAt);
    }

    public ConnectorStaged withLastModifiedAt(Instant value) {
        return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, value);
    }
}
