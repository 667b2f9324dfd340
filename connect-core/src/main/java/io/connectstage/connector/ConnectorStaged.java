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
 * them and for tests, and each is one {@link #changes()} built.
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
        return changes().key(value).build();
    }

    public ConnectorStaged withVersion(long value) {
        return changes().version(value).build();
    }

    public ConnectorStaged withName(String value) {
        return changes().name(value).build();
    }

    public ConnectorStaged withDescription(String value) {
        return changes().description(value).build();
    }

    public ConnectorStaged withIntegrationTypes(List<IntegrationType> value) {
        return changes().integrationTypes(value).build();
    }

    public ConnectorStaged withCreator(Creator value) {
        return changes().creator(value).build();
    }

    public ConnectorStaged withRepository(Repository value) {
        return changes().repository(value).build();
    }

    public ConnectorStaged withConfigurations(List<ConnectorConfigurationApplication> value) {
        return changes().configurations(value).build();
    }

    public ConnectorStaged withGlobalConfiguration(ConnectorGlobalConfiguration value) {
        return changes().globalConfiguration(value).build();
    }

    public ConnectorStaged withApiClient(ConnectorApiClient value) {
        return changes().apiClient(value).build();
    }

    public ConnectorStaged withPrivate(boolean value) {
        return changes().isPrivate(value).build();
    }

    public ConnectorStaged withPrivateProjects(List<String> value) {
        return changes().privateProjects(value).build();
    }

    public ConnectorStaged withSupportedRegions(List<Region> value) {
        return changes().supportedRegions(value).build();
    }

    public ConnectorStaged withCertificationInfo(CertificationInfo value) {
        return changes().certificationInfo(value).build();
    }

    public ConnectorStaged withStatus(ConnectorStatus value) {
        return changes().status(value).build();
    }

    public ConnectorStaged withPublishingReport(ConnectorReport value) {
        return changes().publishingReport(value).build();
    }

    public ConnectorStaged withAlreadyListed(boolean value) {
        return changes().alreadyListed(value).build();
    }

    public ConnectorStaged withHasChanges(boolean value) {
        return changes().hasChanges(value).build();
    }

    public ConnectorStaged withPreviewable(IsPreviewable value) {
        return changes().isPreviewable(value).build();
    }

    public ConnectorStaged withPreviewableReport(ConnectorReport value) {
        return changes().previewableReport(value).build();
    }

    public ConnectorStaged withDocumentationUrl(String value) {
        return changes().documentationUrl(value).build();
    }

    public ConnectorStaged withCertified(Boolean value) {
        return changes().certified(value).build();
    }

    public ConnectorStaged withCreatedAt(Instant value) {
        return changes().createdAt(value).build();
    }

    public ConnectorStaged withLastModifiedAt(Instant value) {
        return changes().lastModifiedAt(value).build();
    }

    /**
     * The fields of this connector in a {@link Changes}, to be changed one by one and built into
     * one new value: an update request writes all its actions into one, so that it copies the
     * record once however many actions it has.
     */
    public Changes changes() {
        return new Changes(this);
    }

    /**
     * The fields of a connector, read and set one by one (same names as the record's accessors),
     * then built into a new value by {@link #build}, which applies the record's checks. A setter
     * fills in the defaults the record does (lists never {@code null}, status {@code Draft}), so
     * that what an action reads back is what the built record will hold. Mutable and not shared:
     * made for one update and dropped after it.
     *
     * <pre>{@code
     * ConnectorStaged renamed = staged.changes().name("New name").version(staged.version() + 1).build();
     * }</pre>
     */
    public static final class Changes {
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

        Changes(ConnectorStaged c) {
            reset(c);
        }

        /** Every field set to that of {@code c}, as when a lifecycle move answered a whole new value. */
        public Changes reset(ConnectorStaged c) {
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
            return this;
        }

        /** A new connector of these fields. */
        public ConnectorStaged build() {
            return new ConnectorStaged(id, key, version, name, description, integrationTypes, creator, repository, configurations, globalConfiguration, apiClient, isPrivate, privateProjects, supportedRegions, certificationInfo, status, publishingReport, alreadyListed, hasChanges, isPreviewable, previewableReport, documentationUrl, certified, createdAt, lastModifiedAt);
        }

        public String id() {
            return id;
        }

        public Changes id(String value) {
            id = value;
            return this;
        }

        public String key() {
            return key;
        }

        public Changes key(String value) {
            key = value;
            return this;
        }

        public long version() {
            return version;
        }

        public Changes version(long value) {
            version = value;
            return this;
        }

        public String name() {
            return name;
        }

        public Changes name(String value) {
            name = value;
            return this;
        }

        public String description() {
            return description;
        }

        public Changes description(String value) {
            description = value;
            return this;
        }

        public List<IntegrationType> integrationTypes() {
            return integrationTypes;
        }

        public Changes integrationTypes(List<IntegrationType> value) {
            integrationTypes = Lists.orEmpty(value);
            return this;
        }

        public Creator creator() {
            return creator;
        }

        public Changes creator(Creator value) {
            creator = value;
            return this;
        }

        public Repository repository() {
            return repository;
        }

        public Changes repository(Repository value) {
            repository = value;
            return this;
        }

        public List<ConnectorConfigurationApplication> configurations() {
            return configurations;
        }

        public Changes configurations(List<ConnectorConfigurationApplication> value) {
            configurations = Lists.orEmpty(value);
            return this;
        }

        public ConnectorGlobalConfiguration globalConfiguration() {
            return globalConfiguration;
        }

        public Changes globalConfiguration(ConnectorGlobalConfiguration value) {
            globalConfiguration = value;
            return this;
        }

        public ConnectorApiClient apiClient() {
            return apiClient;
        }

        public Changes apiClient(ConnectorApiClient value) {
            apiClient = value;
            return this;
        }

        public boolean isPrivate() {
            return isPrivate;
        }

        public Changes isPrivate(boolean value) {
            isPrivate = value;
            return this;
        }

        public List<String> privateProjects() {
            return privateProjects;
        }

        public Changes privateProjects(List<String> value) {
            privateProjects = Lists.orEmpty(value);
            return this;
        }

        public List<Region> supportedRegions() {
            return supportedRegions;
        }

        public Changes supportedRegions(List<Region> value) {
            supportedRegions = Lists.orEmpty(value);
            return this;
        }

        public CertificationInfo certificationInfo() {
            return certificationInfo;
        }

        public Changes certificationInfo(CertificationInfo value) {
            certificationInfo = value;
            return this;
        }

        public ConnectorStatus status() {
            return status;
        }

        public Changes status(ConnectorStatus value) {
            status = value == null ? ConnectorStatus.DRAFT : value;
            return this;
        }

        public ConnectorReport publishingReport() {
            return publishingReport;
        }

        public Changes publishingReport(ConnectorReport value) {
            publishingReport = value;
            return this;
        }

        public boolean alreadyListed() {
            return alreadyListed;
        }

        public Changes alreadyListed(boolean value) {
            alreadyListed = value;
            return this;
        }

        public boolean hasChanges() {
            return hasChanges;
        }

        public Changes hasChanges(boolean value) {
            hasChanges = value;
            return this;
        }

        public IsPreviewable isPreviewable() {
            return isPreviewable;
        }

        public Changes isPreviewable(IsPreviewable value) {
            isPreviewable = value == null ? IsPreviewable.NONE : value;
            return this;
        }

        public ConnectorReport previewableReport() {
            return previewableReport;
        }

        public Changes previewableReport(ConnectorReport value) {
            previewableReport = value;
            return this;
        }

        public String documentationUrl() {
            return documentationUrl;
        }

        public Changes documentationUrl(String value) {
            documentationUrl = value;
            return this;
        }

        public Boolean certified() {
            return certified;
        }

        public Changes certified(Boolean value) {
            certified = value;
            return this;
        }

        public Instant createdAt() {
            return createdAt;
        }

        public Changes createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Instant lastModifiedAt() {
            return lastModifiedAt;
        }

        public Changes lastModifiedAt(Instant value) {
            lastModifiedAt = value;
            return this;
        }
    }
}
