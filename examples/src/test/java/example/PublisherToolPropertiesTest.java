package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.error.ErrorResponse;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.testkit.ConnectorCommand;
import io.connectstage.testkit.ConnectorModel;
import io.connectstage.testkit.Generators;
import io.connectstage.testkit.SimpleConnectorStore;
import io.vavr.control.Either;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The worked example of the docs: a user's own tool, property-tested against the reference state
 * machine. The tool creates a connector, then asks for previews, publishes and renames in any
 * order; the model says which of its calls Connect refuses and what the connector looks like after
 * each one.
 */
@DisplayName("A publisher tool against the reference state machine")
class PublisherToolPropertiesTest {

    /** The user's code under test: a small tool over the Java API. */
    static final class PublisherTool {
        private final ConnectorStagedService service;

        PublisherTool(ConnectorStagedService service) {
            this.service = service;
        }

        ConnectorStaged create(ConnectorStagedDraft draft) {
            return service.create(draft).getOrElseThrow(error -> new AssertionError(error.toString()));
        }

        Either<ErrorResponse, ConnectorStaged> requestPreview(ConnectorStaged c) {
            return update(c, new ConnectorUpdatePreviewableAction());
        }

        Either<ErrorResponse, ConnectorStaged> publish(ConnectorStaged c, boolean certification) {
            return update(c, new ConnectorPublishAction(certification));
        }

        Either<ErrorResponse, ConnectorStaged> rename(ConnectorStaged c, String name) {
            return update(c, new ConnectorSetNameAction(name));
        }

        private Either<ErrorResponse, ConnectorStaged> update(ConnectorStaged c, ConnectorUpdateAction action) {
            return service.update(ResourceRef.id(c.id()), new ConnectorUpdate(c.version(), List.of(action)));
        }
    }

    /** What the test asks the tool to do, and the same as a command of the model. */
    enum Call {
        REQUEST_PREVIEW(new ConnectorUpdatePreviewableAction()),
        PUBLISH(new ConnectorPublishAction(false)),
        PUBLISH_FOR_CERTIFICATION(new ConnectorPublishAction(true)),
        RENAME(new ConnectorSetNameAction("Renamed by the tool"));

        private final ConnectorUpdateAction action;

        Call(ConnectorUpdateAction action) {
            this.action = action;
        }

        ConnectorCommand command() {
            return ConnectorCommand.request(action);
        }

        Either<ErrorResponse, ConnectorStaged> on(PublisherTool tool, ConnectorStaged c) {
            switch (this) {
                case REQUEST_PREVIEW:
                    return tool.requestPreview(c);
                case PUBLISH:
                    return tool.publish(c, false);
                case PUBLISH_FOR_CERTIFICATION:
                    return tool.publish(c, true);
                default:
                    return tool.rename(c, "Renamed by the tool");
            }
        }
    }

    @Test
    @DisplayName("after every call the tool's connector has the status, previewable state and version of the model")
    void toolFollowsTheModel() {
        qt().withExamples(200)
                .forAll(Generators.drafts(), lists().of(Generate.enumValues(Call.class)).ofSizeBetween(1, 8))
                .checkAssert((draft, calls) -> {
                    // no processor: a publish or preview request stays pending, as the model says
                    PublisherTool tool = new PublisherTool(ConnectorStagedService.builder(new SimpleConnectorStore()).build());
                    ConnectorModel.Run expected = ConnectorModel.run(draft, calls.stream().map(Call::command).toList());

                    ConnectorStaged c = tool.create(draft);
                    for (ConnectorModel.Step step : expected.steps()) {
                        Either<ErrorResponse, ConnectorStaged> answer = calls.get(step.index()).on(tool, c);
                        String at = "call " + step.index() + " of " + calls + ": ";
                        assertEquals(step.accepted(), answer.isRight(), at + "accepted");
                        c = answer.getOrElse(c);
                        assertEquals(step.state().status(), c.status(), at + "status");
                        assertEquals(step.state().previewable(), c.isPreviewable(), at + "isPreviewable");
                        assertEquals(step.state().version(), c.version(), at + "version");
                    }
                });
    }
}
