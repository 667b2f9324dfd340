package io.connectstage.cli.console;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.http.ConnectServer;
import io.connectstage.http.Http;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.processing.ProcessingPool;
import io.connectstage.processing.CertificationDesk;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.memory.InMemoryConnectorStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server the browser tests drive: memory stores with processing, two API clients of project
 * {@code my-project} (one that manages it, one that may only view connectors), an organization
 * client that manages {@code my-project} and {@code other-project}, and an analyzer
 * that accepts every repository except those at tag {@code broken}, which it rejects with one
 * Error entry (so that reports of both kinds can be shown); an accepted connector declares one
 * application, {@code service}, with a required standard key {@code BATCH_SIZE} (default 100)
 * and a required secured key {@code API_SECRET}.
 */
final class ConsoleServer {
    static final String PROJECT = "my-project";
    static final String ID = "console-manager";
    static final String SECRET = "console-manager-secret";
    static final String VIEWER_ID = "console-viewer";
    static final String VIEWER_SECRET = "console-viewer-secret";
    /** The organization: an API client whose scopes name two projects, my-project first. */
    static final String OTHER_PROJECT = "other-project";
    static final String ORG_ID = "console-organization";
    static final String ORG_SECRET = "console-organization-secret";
    static final String BROKEN_TITLE = "Connector specification file not found";

    static final ConnectorAnalyzer ANALYZER = (repository, at) -> repository.tag().equals("broken")
            ? new Analysis(false, List.of(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, BROKEN_TITLE,
                    "connect.yaml is missing at tag broken", at, null)), List.of(), null, null)
            : ConnectorAnalyzer.accepting(List.of(new ConnectorConfigurationApplication("service", ApplicationType.SERVICE,
                    List.of(new StandardConfigurationKey("BATCH_SIZE", "How many items one call sends", true, "100")),
                    List.of(new SecuredConfigurationKey("API_SECRET", "The payment provider's API secret", true)))))
                    .analyze(repository, at);

    private ConsoleServer() {
    }

    /** The staged store each project's space was made with last (a reset makes new ones). */
    private static final Map<String, ConnectorStore> STAGED = new ConcurrentHashMap<>();

    static ConnectServer start() {
        ProcessingPool pool = new ProcessingPool(2);
        return ConnectServer.builder()
                .client(OAuthClient.parse(ID + ":" + SECRET + ":manage_project:" + PROJECT).get())
                .client(OAuthClient.parse(VIEWER_ID + ":" + VIEWER_SECRET + ":view_connectors:" + PROJECT).get())
                .client(OAuthClient.parse(ORG_ID + ":" + ORG_SECRET + ":manage_project:" + PROJECT + ",manage_project:"
                        + OTHER_PROJECT).get())
                .closing(pool)
                .spaces(PerProjectSpaces.builder().analyzer(ANALYZER).pool(pool).faults(new DeploymentFaults())
                        .staged(project -> {
                            ConnectorStore store = new InMemoryConnectorStore();
                            STAGED.put(project, store);
                            return store;
                        })
                        .build())
                .start();
    }

    /** commercetools' certification desk for my-project's connectors, as a harness plays it. */
    static CertificationDesk desk(ConnectServer server) {
        ConnectorProcessor processor = server.spaces().of(PROJECT).processor().orElseThrow();
        return new CertificationDesk(STAGED.get(PROJECT), processor);
    }

    static String token(ConnectServer server) {
        return new Http(server.baseUri()).token(ID, SECRET, null).expect(200).json().get("access_token").asText();
    }
}
