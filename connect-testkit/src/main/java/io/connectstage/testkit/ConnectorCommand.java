package io.connectstage.testkit;

import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.testkit.Generators.UpdateRequest;
import java.util.List;
import java.util.Objects;

/**
 * One step of a scenario run against a connector and against {@link ConnectorModel}: an update
 * request (its version relative to the state it meets), or an outcome of processing.
 *
 * <pre>{@code
 * List<ConnectorCommand> commands = List.of(
 *         ConnectorCommand.request(new ConnectorUpdatePreviewableAction()),
 *         ConnectorCommand.move(ProcessingOutcome.PREVIEW_GRANTED, report),
 *         ConnectorCommand.request(new ConnectorPublishAction(false)));
 * }</pre>
 */
public sealed interface ConnectorCommand permits ConnectorCommand.Request, ConnectorCommand.Move {

    /** An update request of {@code actions} with the right version. */
    static ConnectorCommand request(ConnectorUpdateAction... actions) {
        return new Request(new UpdateRequest(0, List.of(actions)));
    }

    /** An update request, its version relative to the state it meets. */
    static ConnectorCommand request(UpdateRequest request) {
        return new Request(request);
    }

    /** An outcome of processing, applied whether the state allows it or not. */
    static ConnectorCommand move(ProcessingOutcome outcome, ConnectorReport report) {
        return new Move(outcome, report);
    }

    /** An update request, its version relative to the state it meets. */
    record Request(UpdateRequest request) implements ConnectorCommand {
        public Request {
            Objects.requireNonNull(request, "request is null");
        }

        @Override
        public String toString() {
            return "request(version " + (request.versionOffset() == 0 ? "current" : "current" + plus(request.versionOffset()))
                    + ", " + request.actions() + ")";
        }

        private static String plus(long offset) {
            return offset > 0 ? "+" + offset : String.valueOf(offset);
        }
    }

    /** An outcome of processing with the report it carries, applied whether the state allows it or not. */
    record Move(ProcessingOutcome outcome, ConnectorReport report) implements ConnectorCommand {
        public Move {
            Objects.requireNonNull(outcome, "outcome is null");
        }

        @Override
        public String toString() {
            return outcome.name() + "(" + (report == null ? 0 : report.entries().size()) + " report entries)";
        }
    }
}
