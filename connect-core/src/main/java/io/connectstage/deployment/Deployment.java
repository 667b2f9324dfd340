package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.Lists;
import io.connectstage.connector.Region;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Deployment: a Connector installed into a Project and a Region, every field of the API
 * reference, immutable. {@code key}, {@code globalConfiguration} and {@code apiClient} are
 * {@code null} when absent and then left out of the JSON.
 *
 * <p>{@code createdAt} and {@code lastModifiedAt} are not in the RAML type; like
 * {@code ConnectorStaged}, we add them (the time of the create, and of the latest change,
 * processing included) so that {@code sort=createdAt desc} works as the official CLI asks for.
 * They are {@code null} for a Deployment read from JSON that has none (one stored before they
 * existed).
 *
 * <p>Values are made by {@link Deployments#create} and changed only by update actions
 * ({@link Deployments#apply}) and the outcome moves of {@link DeploymentLifecycle}; the
 * {@link #builder()} and the {@code with…} copies exist for them, for stores and for tests.
 *
 * <pre>{@code
 * Deployment d = Deployment.builder().id(id).type(DeploymentType.SANDBOX).connector(snapshot)
 *     .details(new DeploymentDetails(DeploymentDetailsBuild.of(buildId))).deployedRegion(Region.EUROPE_WEST1_GCP)
 *     .status(DeploymentStatus.QUEUED).build();
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "key", "version", "type", "connector", "globalConfiguration", "apiClient", "details",
        "deployedRegion", "applications", "preview", "status", "createdAt", "lastModifiedAt"})
public record Deployment(
        String id,
        String key,
        long version,
        DeploymentType type,
        DeploymentConnector connector,
        DeploymentGlobalConfiguration globalConfiguration,
        DeploymentApiClient apiClient,
        DeploymentDetails details,
        Region deployedRegion,
        List<ApplicationDeployment> applications,
        boolean preview,
        DeploymentStatus status,
        Instant createdAt,
        Instant lastModifiedAt) {

    public Deployment {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(connector, "connector is null");
        Objects.requireNonNull(details, "details is null");
        Objects.requireNonNull(deployedRegion, "deployedRegion is null");
        Objects.requireNonNull(status, "status is null");
        applications = Lists.orEmpty(applications);
    }

    /** A builder with version 1 and no applications. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the fields of this Deployment. */
    public Builder toBuilder() {
        return new Builder().id(id).key(key).version(version).type(type).connector(connector)
                .globalConfiguration(globalConfiguration).apiClient(apiClient).details(details)
                .deployedRegion(deployedRegion).applications(applications).preview(preview).status(status)
                .createdAt(createdAt).lastModifiedAt(lastModifiedAt);
    }

    public Deployment withVersion(long value) {
        return toBuilder().version(value).build();
    }

    public Deployment withStatus(DeploymentStatus value) {
        return toBuilder().status(value).build();
    }

    public Deployment withDetails(DeploymentDetails value) {
        return toBuilder().details(value).build();
    }

    public Deployment withApplications(List<ApplicationDeployment> value) {
        return toBuilder().applications(value).build();
    }

    public Deployment withApiClient(DeploymentApiClient value) {
        return toBuilder().apiClient(value).build();
    }

    public Deployment withCreatedAt(Instant value) {
        return toBuilder().createdAt(value).build();
    }

    public Deployment withLastModifiedAt(Instant value) {
        return toBuilder().lastModifiedAt(value).build();
    }

    /** The application deployment with this name, or {@code null}. */
    public ApplicationDeployment application(String applicationName) {
        for (ApplicationDeployment app : applications) {
            if (app.applicationName().equals(applicationName)) {
                return app;
            }
        }
        return null;
    }

    /** How error messages name it: {@code id=… or key=…}. */
    public String describe() {
        return key == null ? "id=" + id : "id=" + id + " or key=" + key;
    }

    /** Named setters for a {@link Deployment}; {@link #build()} checks the required fields. */
    public static final class Builder {
        private String id;
        private String key;
        private long version = 1;
        private DeploymentType type;
        private DeploymentConnector connector;
        private DeploymentGlobalConfiguration globalConfiguration;
        private DeploymentApiClient apiClient;
        private DeploymentDetails details;
        private Region deployedRegion;
        private List<ApplicationDeployment> applications = List.of();
        private boolean preview;
        private DeploymentStatus status = DeploymentStatus.QUEUED;
        private Instant createdAt;
        private Instant lastModifiedAt;

        private Builder() {
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder key(String value) {
            key = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        /** The type; also sets {@code preview} to whether it is {@code preview}. */
        public Builder type(DeploymentType value) {
            type = value;
            preview = value == DeploymentType.PREVIEW;
            return this;
        }

        public Builder connector(DeploymentConnector value) {
            connector = value;
            return this;
        }

        public Builder globalConfiguration(DeploymentGlobalConfiguration value) {
            globalConfiguration = value;
            return this;
        }

        public Builder apiClient(DeploymentApiClient value) {
            apiClient = value;
            return this;
        }

        public Builder details(DeploymentDetails value) {
            details = value;
            return this;
        }

        public Builder deployedRegion(Region value) {
            deployedRegion = value;
            return this;
        }

        public Builder applications(List<ApplicationDeployment> value) {
            applications = value;
            return this;
        }

        public Builder preview(boolean value) {
            preview = value;
            return this;
        }

        public Builder status(DeploymentStatus value) {
            status = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder lastModifiedAt(Instant value) {
            lastModifiedAt = value;
            return this;
        }

        public Deployment build() {
            return new Deployment(id, key, version, type, connector, globalConfiguration, apiClient, details,
                    deployedRegion, applications, preview, status, createdAt, lastModifiedAt);
        }
    }
}
