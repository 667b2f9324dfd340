package io.connectstage.cli;

import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorSetCreatorNoOfContributorsAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorSetSupportedRegionsAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./connect demo}: a short tour of the library. Creates a connector in the in-memory store,
 * applies a few update requests, one of which is rejected with every error it has, and prints
 * the JSON a Connect client would see.
 */
final class DemoCommand {
    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) {
        if (args.length > 0) {
            out.println("demo takes no arguments");
            return 2;
        }
        ConnectorStagedService service = ConnectorStagedService.builder(new InMemoryConnectorStore())
                .projectKey("demo-project").build();

        ConnectorStagedDraft draft = ConnectorStagedDraft.of("Connector's name",
                        new Creator("Mr", "John Doe", "john.doe@example.com", "commercetools", 200, null, null),
                        new Repository("git@github.com:commercetools/connect-application-kit.git", "0.0.0"))
                .withKey("connector-key")
                .withDescription("Connector's description")
                .withIntegrationTypes(List.of(IntegrationType.OTHER));
        ConnectorStaged created = show("POST /connectors/drafts", service.create(draft));
        if (created == null) {
            return 1;
        }

        ConnectorStaged renamed = show("POST /connectors/drafts/key=connector-key  (setName, setSupportedRegions, addPrivateProject)",
                service.update(ResourceRef.key("connector-key"), ConnectorUpdate.of(created.version(),
                        new ConnectorSetNameAction("New Connector name"),
                        new ConnectorSetSupportedRegionsAction(List.of(Region.US_CENTRAL1_GCP, Region.EUROPE_WEST1_GCP)),
                        new ConnectorAddPrivateProjectAction("europe-west1.gcp:example-project-key"))));
        if (renamed == null) {
            return 1;
        }

        ConnectorStaged rejected = show("POST /connectors/drafts/key=connector-key  (rejected: empty regions, 0 contributors, bad project)",
                service.update(ResourceRef.key("connector-key"), ConnectorUpdate.of(renamed.version(),
                        new ConnectorSetSupportedRegionsAction(List.of()),
                        new ConnectorSetCreatorNoOfContributorsAction(0),
                        new ConnectorAddPrivateProjectAction("not a project"))));
        if (rejected != null) {
            return 1;
        }

        show("POST /connectors/drafts/key=connector-key  (stale version 1)",
                service.update(ResourceRef.key("connector-key"), ConnectorUpdate.of(1, new ConnectorSetNameAction("Too late"))));

        ConnectorStaged previewing = show("POST /connectors/drafts/key=connector-key  (updatePreviewable)",
                service.update(ResourceRef.key("connector-key"), ConnectorUpdate.of(renamed.version(),
                        new ConnectorUpdatePreviewableAction())));
        return previewing == null ? 1 : 0;
    }

    private ConnectorStaged show(String request, Either<ErrorResponse, ConnectorStaged> answer) {
        out.println("### " + request);
        if (answer.isRight()) {
            out.println(pretty(answer.get()));
        } else {
            out.println("HTTP " + answer.getLeft().statusCode());
            out.println(pretty(answer.getLeft()));
        }
        out.println();
        return answer.getOrNull();
    }

    private static String pretty(Object value) {
        return ConnectJson.toTree(value).toPrettyString();
    }
}
