package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.Lists;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import java.util.List;
import java.util.Objects;

/**
 * The Connector a Deployment runs, as it was when the Deployment was made (or last redeployed
 * with {@code updateConnector}): a snapshot, so that later changes of the Connector do not change
 * a running Deployment. {@code configurations}, {@code globalConfiguration},
 * {@code supportedRegions}, {@code description}, {@code key} and {@code documentationUrl} are
 * optional on the wire and {@code null} when absent. The RAML's {@code DeploymentCreator} has the
 * fields of {@link Creator}, which is reused.
 *
 * <p>Made with {@link #of(DeployableConnector)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "key", "version", "name", "description", "integrationTypes", "creator", "repository",
        "configurations", "globalConfiguration", "certified", "supportedRegions", "documentationUrl"})
public record DeploymentConnector(
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
        boolean certified,
        List<Region> supportedRegions,
        String documentationUrl) {

    public DeploymentConnector {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(creator, "creator is null");
        Objects.requireNonNull(repository, "repository is null");
        integrationTypes = Lists.orEmpty(integrationTypes);
        configurations = Lists.copyOrNull(configurations);
        supportedRegions = Lists.copyOrNull(supportedRegions);
    }

    /** The snapshot of a connector that is being deployed. */
    public static DeploymentConnector of(DeployableConnector c) {
        return new DeploymentConnector(c.id(), c.key(), c.version(), c.name(), c.description(), c.integrationTypes(),
                c.creator(), c.repository(), c.configurations(), c.globalConfiguration(), c.certified(),
                c.supportedRegions(), c.documentationUrl());
    }
}
