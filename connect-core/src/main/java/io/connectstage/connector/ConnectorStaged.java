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
        return copy(b -> b.key = value);
    }

    public ConnectorStaged withVersion(long value) {
        return copy(b -> b.version = value);
    }

    public ConnectorStaged withName(String value) {
        return copy(b -> b.name = value);
    }

    public ConnectorStaged withDescription(String value) {
        return copy(b -> b.description = value);
    }

    public ConnectorStaged withIntegrationTypes(List<IntegrationType> value) {
        return copy(b -> b.integrationTypes = value);
    }

    public ConnectorStaged withCreator(Creator value) {
        return copy(b -> b.creator = value);
    }

    public ConnectorStaged withRepository(Repository value) {
        return copy(b -> b.repository = value);
    }

    public ConnectorStaged withConfigurations(List<ConnectorConfigurationApplication> value) {
        return copy(b -> b.configurations = value);
    }

    public ConnectorStaged withGlobalConfiguration(ConnectorGlobalConfiguration value) {
        return copy(b -> b.globalConfiguration = value);
    }

    public ConnectorStaged withApiClient(ConnectorApiClient value) {
        return copy(b -> b.apiClient = value);
    }

    public ConnectorStaged withPrivate(boolean value) {
        return copy(b -> b.isPrivate = value);
    }

    public ConnectorStaged withPrivateProjects(List<String> value) {
        return copy(b -> b.privateProjects = value);
    }

    public ConnectorStaged withSupportedRegions(List<Region> value) {
        return copy(b -> b.supportedRegions = value);
    }

    public ConnectorStaged withCertificationInfo(CertificationInfo value) {
        return copy(b -> b.certificationInfo = value);
    }

    public ConnectorStaged withStatus(ConnectorStatus value) {
        return copy(b -> b.status = value);
    }

    public ConnectorStaged withPublishingReport(ConnectorReport value) {
        return copy(b -> b.publishingReport = value);
    }

    public ConnectorStaged withAlreadyListed(boolean value) {
        return copy(b -> b.alreadyListed = value);
    }

    public ConnectorStaged withHasChanges(boolean value) {
        return copy(b -> b.hasChanges = value);
    }

    public ConnectorStaged withPreviewable(IsPreviewable value) {
        return copy(b -> b.isPreviewable = value);
    }

    public ConnectorStaged withPreviewableReport(ConnectorReport value) {
        return copy(b -> b.previewableReport = value);
    }

    public ConnectorStaged withDocumentationUrl(String value) {
        return copy(b -> b.documentationUrl = value);
    }

    public ConnectorStaged withCertified(Boolean value) {
        return copy(b -> b.certified = value);
    }

    public ConnectorStaged withCreatedAt(Instant value) {
        return copy(b -> b.createdAt = value);
    }

    public ConnectorStaged withLastModifiedAt(Instant value) {
        return copy(b -> b.lastModifiedAt = value);
    }

    public ConnectorStaged withVersionAndHasChanges(long newVersion, boolean newHasChanges) {
        return copy(b -> {
            b.version = newVersion;
            b.hasChanges = newHasChanges;
        });
    }

    /** This connector with the fields {@code change} sets: the one copy path of every {@code with…}. */
    private ConnectorStaged copy(java.util.function.Consumer<Fields> change) {
        Fields b = new Fields(this);
        change.accept(b);
        return b.build();
    }

    /** The fields of a connector, to be changed one by one and built into a new value. */
    private static final class Fields {
        private String id;
        private String key;
        private long version;
        private String name;
        private String description;
        private List<IntegrationType> integrationTypes;
        private Creator creator;
        private Repository repository;
        private List<ConnectorConfigurationApplication> configurations;
        private ConnectorGlobalConfiguration globalConfiguration;
        private ConnectorApiClient apiClient;
        private boolean isPrivate;
        private List<String> privateProjects;
        private List<Region> supportedRegions;
        private CertificationInfo certificationInfo;
        private ConnectorStatus status;
        private ConnectorReport publishingReport;
        private boolean alreadyListed;
        private boolean hasChanges;
        private IsPreviewable isPreviewable;
        private ConnectorReport previewableReport;
        private String documentationUrl;
        private Boolean certified;
        private Instant createdAt;
        private Instant lastModifiedAt;

        Fields(ConnectorStaged c) {
            id = c.id();
            key = c.key();
            version = c.version();
            name = c.name();
            description = c.description();
            integrationTypes = c.integrationTypes();
            creator = c.creator();
            repository = c.repository();
            configurations = c.configurations();
            globalConfiguration = c.globalConfiguration();
            apiClient = c.apiClient();
            isPrivate = c.isPrivate();
            privateProjects = c.privateProjects();
            supportedRegions = c.supportedRegions();
            certificationInfo = c.certificationInfo();
            status = c.status();
            publishingReport = c.publishingReport();
            alreadyListed = c.alreadyListed();
            hasChanges = c.hasChanges();
            isPreviewable = c.isPreviewable();
            previewableReport = c.previewableReport();
            documentationUrl = c.documentationUrl();
            certified = c.certified();
            createdAt = c.createdAt();
            lastModifiedAt = c.lastModifiedAt();
        }

        ConnectorStaged build() {
            return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
        }
    }
}
