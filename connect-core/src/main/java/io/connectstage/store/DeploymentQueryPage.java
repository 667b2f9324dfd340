package io.connectstage.store;

import io.connectstage.deployment.Deployment;
import java.util.List;

/** What a {@link DeploymentStore} answers to a query: the page, and the number of all matches. */
public record DeploymentQueryPage(List<Deployment> results, long total) {

    public DeploymentQueryPage {
        results = List.copyOf(results);
    }
}
