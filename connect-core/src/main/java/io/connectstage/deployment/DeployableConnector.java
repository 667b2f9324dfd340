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
 * {@link Connector} ({@link #published}). The published Connector has no {@code privateProjects}
 * of its own: a private one may be used by the projects of its ConnectorStaged, which the caller
 * passes along. The service resolves the {@code connector} reference of a draft to one of these;
 * the core then checks type, project, region and configuration against it.
 *
 * <pre>{@code
 * DeployableConnector view = DeployableConnector.published(connector, staged.privateProjects());
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

    /** A ConnectorStaged, deployable as {@code preview} when its {@code isPreviewable} is {@code true}. */
    public static DeployableConnector staged(ConnectorStaged c) {
        return new DeployableConnector(true, c.id(), c.key(), c.version(), c.name(), c.description(),
                c.integrationTypes(), c.creator(), c.repository(), c.configurations(), c.globalConfiguration(),
                c.apiClient(), c.isPrivate(), c.privateProjects(), c.supportedRegions(),
                Boolean.TRUE.equals(c.certified()), c.documentationUrl(), c.isPreviewable());
    }

    /**
     * A published Connector, deployable as {@code sandbox} or {@code production}; when it is
     * private, only into {@code privateProjects} (those of its ConnectorStaged).
     */
    public static DeployableConnector published(Connector c, List<String> privateProjects) {
        return new DeployableConnector(false, c.id(), c.key(), c.version(), c.name(), c.description(),
                c.integrationTypes(), c.creator(), c.repository(), c.configurations(), c.globalConfiguration(),
                c.apiClient(), c.isPrivate(), privateProjects, c.supportedRegions(), c.certified(),
                c.documentationUrl(), null);
    }

    /** A published Connector and the ConnectorStaged it was published from (for its private projects). */
    public static DeployableConnector published(Connector c, ConnectorStaged stagedOfIt) {
        return published(c, stagedOfIt.privateProjects());
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
