package io.connectstage.http;

import static io.connectstage.oauth.Scope.Permission.MANAGE_CONNECTORS;
import static io.connectstage.oauth.Scope.Permission.MANAGE_CONNECTORS_DEPLOYMENTS;
import static io.connectstage.oauth.Scope.Permission.MANAGE_PROJECT;
import static io.connectstage.oauth.Scope.Permission.VIEW_CONNECTORS;
import static io.connectstage.oauth.Scope.Permission.VIEW_CONNECTORS_DEPLOYMENTS;

import io.connectstage.oauth.TokenIssuer;

/**
 * Every route of the server in one table: its method, its path template and who may call it. A
 * route that is not here is not served; read this class to learn what the server answers.
 */
final class ConnectRoutes {
    private static final RouteScope OPEN = RouteScope.open();
    private static final RouteScope VIEW = RouteScope.anyOf(MANAGE_PROJECT, MANAGE_CONNECTORS, VIEW_CONNECTORS);
    private static final RouteScope MANAGE = RouteScope.anyOf(MANAGE_PROJECT, MANAGE_CONNECTORS);
    private static final RouteScope VIEW_DEPLOYMENTS = RouteScope.pathProject("projectKey", MANAGE_PROJECT,
            MANAGE_CONNECTORS_DEPLOYMENTS, VIEW_CONNECTORS_DEPLOYMENTS);
    private static final RouteScope MANAGE_DEPLOYMENTS = RouteScope.pathProject("projectKey", MANAGE_PROJECT,
            MANAGE_CONNECTORS_DEPLOYMENTS);
    private static final RouteScope MANAGE_FAULTS = RouteScope.servedPathProject("projectKey", MANAGE_PROJECT);
    private static final RouteScope CERTIFY = RouteScope.servedPathProject("projectKey", MANAGE_PROJECT);
    private static final RouteScope RUN_APPS = RouteScope.servedPathProject("projectKey", MANAGE_PROJECT);

    private ConnectRoutes() {
    }

    static RouteTable table(ProjectSpaces spaces, TokenIssuer issuer, Bodies bodies, RunningApps apps) {
        OAuthRoutes oauth = new OAuthRoutes(issuer, bodies);
        ConnectorRoutes connectors = new ConnectorRoutes(bodies);
        DeploymentRoutes deployments = new DeploymentRoutes(bodies);
        FaultRoutes faults = new FaultRoutes(spaces, bodies);
        CertificationRoutes certification = new CertificationRoutes(bodies);
        AppProxy proxy = apps.proxy();
        RunRoutes run = new RunRoutes(apps, bodies);
        return RouteTable.builder()
                // the auth service
                .route("POST", "/oauth/token", OPEN, oauth::token)
                .route("POST", "/oauth/introspect", OPEN, oauth::introspect)
                // staged connectors
                .route("GET", "/connectors/drafts", VIEW, connectors::queryDrafts)
                .route("POST", "/connectors/drafts", MANAGE, connectors::createDraft)
                .route("GET", "/connectors/drafts/{ref}", VIEW, connectors::getDraft)
                .route("POST", "/connectors/drafts/{ref}", MANAGE, connectors::updateDraft)
                .route("DELETE", "/connectors/drafts/{ref}", MANAGE, connectors::deleteDraft)
                // published Connectors
                .route("GET", "/connectors/search", VIEW, connectors::search)
                .route("GET", "/connectors/{ref}", VIEW, connectors::getPublished)
                // Deployments of the project the path names
                .route("GET", "/{projectKey}/deployments", VIEW_DEPLOYMENTS, deployments::query)
                .route("POST", "/{projectKey}/deployments", MANAGE_DEPLOYMENTS, deployments::create)
                .route("GET", "/{projectKey}/deployments/{ref}", VIEW_DEPLOYMENTS, deployments::get)
                .route("POST", "/{projectKey}/deployments/{ref}", MANAGE_DEPLOYMENTS, deployments::update)
                .route("DELETE", "/{projectKey}/deployments/{ref}", MANAGE_DEPLOYMENTS, deployments::delete)
                .route("GET", "/{projectKey}/deployments/{ref}/logs", VIEW_DEPLOYMENTS, deployments::logs)
                // the emulator's own: fault injection for harnesses
                .route("POST", "/.connectstage/projects/{projectKey}/faults", MANAGE_FAULTS, faults::set)
                .route("DELETE", "/.connectstage/projects/{projectKey}/faults", MANAGE_FAULTS, faults::clearProject)
                // the emulator's own: the stand-in for commercetools' certification review
                .route("POST", "/.connectstage/projects/{projectKey}/certification/{ref}", CERTIFY,
                        certification::decide)
                // the emulator's own: applications run by a DeploymentRunner (serve --run-apps)
                .route("POST", "/.connectstage/projects/{projectKey}/deployments/{ref}/events/{application}", RUN_APPS,
                        run::event)
                .route("POST", "/.connectstage/projects/{projectKey}/deployments/{ref}/jobs/{application}/run", RUN_APPS,
                        run::job)
                // an application's URL: public, as a Cloud Run service URL is
                .route("*", "/.connectstage/apps/{deploymentId}/{applicationName}/**", OPEN, proxy::forward)
                .build();
    }
}
