package io.connectstage.http;

import io.connectstage.deployment.DeploymentLog;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.TokenIssuer;
import io.connectstage.processing.DeploymentRunner;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What the routes of running applications share: the server's {@link DeploymentRunner} (none when
 * the server runs no applications), the proxy's limits and clock, and where a proxied request's
 * {@code HTTP_REQUEST} entry goes. The proxy's path names a Deployment by id only (its URL is the
 * application's, which has no project in it), so the project whose store holds the Deployment is
 * looked up among the projects the server has met (or, for other spaces, those of its clients) and
 * remembered: ids are UUIDs, unique across projects.
 */
final class RunningApps {
    private static final System.Logger LOG = System.getLogger(RunningApps.class.getName());
    /** How many Deployment ids to project keys are remembered before the memory starts again. */
    private static final int REMEMBERED = 4096;

    private final Optional<DeploymentRunner> runner;
    private final ProjectSpaces spaces;
    private final TokenIssuer issuer;
    private final AppProxyLimits limits;
    private final Clock clock;
    private final Map<String, String> projectOf = new ConcurrentHashMap<>();
    private final AppProxy proxy;

    RunningApps(Optional<DeploymentRunner> runner, ProjectSpaces spaces, TokenIssuer issuer, AppProxyLimits limits, Clock clock,
            Scheduler scheduler) {
        this.runner = runner;
        this.spaces = spaces;
        this.issuer = issuer;
        this.limits = limits;
        this.clock = clock;
        this.proxy = new AppProxy(this, scheduler);
    }

    /** No runner: the routes of running applications answer that the server runs none. */
    static RunningApps none(ProjectSpaces spaces, TokenIssuer issuer) {
        return new RunningApps(Optional.empty(), spaces, issuer, AppProxyLimits.CLOUD_RUN, Clock.systemUTC(), null);
    }

    AppProxy proxy() {
        return proxy;
    }

    Optional<DeploymentRunner> runner() {
        return runner;
    }

    AppProxyLimits limits() {
        return limits;
    }

    Clock clock() {
        return clock;
    }

    /** The answer of a route of running applications on a server that runs none. */
    static Answer runsNone() {
        return Answer.general(501, "This server runs no applications: start it with ./connect serve --run-apps"
                + " (or give ConnectServer.builder().runner(...))");
    }

    /**
     * Appends {@code entry} to its Deployment's logs, in the store of the project that holds it; a
     * Deployment found in none (deleted meanwhile) or a store that fails only loses the entry, logged.
     */
    void append(DeploymentLog entry) {
        String id = entry.deploymentId();
        try {
            String known = projectOf.get(id);
            if (known != null && spaces.of(known).deployments().store().appendLogs(known, id, List.of(entry))) {
                return;
            }
            for (String project : projects()) {
                if (project.equals(known)) {
                    continue;
                }
                if (spaces.of(project).deployments().store().findById(project, id).isDefined()) {
                    if (projectOf.size() >= REMEMBERED) {
                        projectOf.clear();
                    }
                    projectOf.put(id, project);
                    spaces.of(project).deployments().store().appendLogs(project, id, List.of(entry));
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot append a request log entry to Deployment " + id, e);
        }
    }

    /** The projects a running Deployment can belong to: those met so far, or those of the clients. */
    private Set<String> projects() {
        if (spaces instanceof PerProjectSpaces per) {
            return per.projectKeys();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (OAuthClient c : issuer.clients()) {
            keys.addAll(c.projectKeys());
        }
        return keys;
    }
}
