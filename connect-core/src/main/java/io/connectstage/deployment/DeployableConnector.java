package io.connectstage.deployment;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Lists;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import java.util.List;
import java.util.Objects;

/**
 * What the creation of a Deployment needs to know about the connector it deploys, whichever of
 * the two it is: a previewable {@link ConnectorStaged} ({@link #staged}) or a published
 * {@link Connector} ({@link #published}), with who may use it when it is private
 * ({@link ConnectorAccess}: the project that created it and its {@code privateProjects}). The
 * published Connector has neither of its own; the caller passes them along. The service resolves
 * the {@code connector} reference of a draft to one of these; the core then checks type, project,
 * region and configuration against it.
 *
 * <pre>{@code
 * DeployableConnector view = DeployableConnector.published(connector,
 *     new ConnectorAccess("creator-project", staged.privateProjects()));
 * Deployments.create(draft, view, "my-project", id, now);
 * }</pre>
 */
public record DeployableConnector(
        boolean isStaged,
        String id,
        String key,
        long version,
        String name,
        String description,
        List<IntegrationType> integrationTypes,
        Creator creator,
        Repository repository,
        List<ConnectorConfigurationApplication> configurations,
        ConnectorGlobalConfiguration globalConfiguration,
        ConnectorApiClient apiClient,
        boolean isPrivate,
        List<String> privateProjects,
        String creatorProject,
        List<Region> supportedRegions,
        boolean certified,
        String documentationUrl,
        IsPreviewable isPreviewable) {

    public DeployableConnector {
        Objects.requireNonNull(id, "id is null");
        integrationTypes = Lists.orEmpty(integrationTypes);
        configurations = Lists.orEmpty(configurations);
        privateProjects = Lists.orEmpty(privateProjects);
        supportedRegions = Lists.orEmpty(supportedRegions);
    }

    /**
     * A ConnectorStaged of project {@code creatorProject}, deployable as {@code preview} when its
     * {@code isPreviewable} is {@code true}, into its creator's project and its {@code privateProjects}.
     */
    public static DeployableConnector staged(ConnectorStaged c, String creatorProject) {
        return new DeployableConnector(true, c.id(), c.key(), c.version(), c.name(), c.description(),
                c.integrationTypes(), c.creator(), c.repository(), c.configurations(), c.globalConfiguration(),
                c.apiClient(), c.isPrivate(), c.privateProjects(), creatorProject, c.supportedRegions(),
                Boolean.TRUE.equals(c.certified()), c.documentationUrl(), c.isPreviewable());
    }

    /**
     * A published Connector, deployable as {@code sandbox} or {@code production}; when it is
     * private, only into the projects {@code access} allows.
     */
    public static DeployableConnector published(Connector c, ConnectorAccess access) {
        return new DeployableConnector(false, c.id(), c.key(), c.version(), c.name(), c.description(),
                c.integrationTypes(), c.creator(), c.repository(), c.configurations(), c.globalConfiguration(),
                c.apiClient(), c.isPrivate(), access.privateProjects(), access.creatorProject(), c.supportedRegions(),
                c.certified(), c.documentationUrl(), null);
    }

    /** Who may use it while it is private. */
    public ConnectorAccess access() {
        return new ConnectorAccess(creatorProject, privateProjects);
    }

    /** The configuration of the application with this name, or {@code null}. */
    public ConnectorConfigurationApplication application(String applicationName) {
        for (ConnectorConfigurationApplication app : configurations) {
            if (Objects.equals(app.applicationName(), applicationName)) {
                return app;
            }
        }
        return null;
    }

    /** How error messages name it: {@code id=… or key=…}. */
    String describe() {
        return key == null ? "id=" + id : "id=" + id + " or key=" + key;
    }
}
