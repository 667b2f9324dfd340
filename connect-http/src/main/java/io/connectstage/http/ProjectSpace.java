package io.connectstage.http;

import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.DeploymentService;
import io.connectstage.service.PublishedConnectorService;
import java.util.Objects;
import java.util.Optional;

/**
 * What one project sees: its staged connectors, the published Connectors, its Deployments, and the
 * processor that settles its previews, publishes and deployment steps when processing is wired.
 */
public record ProjectSpace(String projectKey, ConnectorStagedService connectors, PublishedConnectorService published,
        DeploymentService deployments, Optional<ConnectorProcessor> processor) {

    public ProjectSpace {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(connectors, "connectors is null");
        Objects.requireNonNull(published, "published is null");
        Objects.requireNonNull(deployments, "deployments is null");
        Objects.requireNonNull(processor, "processor is null");
    }
}
