package io.connectstage.testkit;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUnlistAction;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.testkit.Generators.UpdateRequest;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of whole scenarios: sequences of {@link ConnectorCommand}s, valid and
 * invalid, with right and stale versions, legal and illegal processing outcomes, mixed so that
 * a sequence of a few dozen commands reaches every status and every previewable state.
 *
 * <pre>{@code
 * qt().forAll(Generators.drafts(), ConnectorCommands.sequences(1, 40)).checkAssert((draft, commands) -> {
 *     ConnectorModel.Run expected = ConnectorModel.run(draft, commands);
 *     ...
 * });
 * }</pre>
 */
public final class ConnectorCommands {
    private ConnectorCommands() {
    }

    /** The actions that move the lifecycle (publish, updatePreviewable, unlist), one to a request. */
    public static Gen<ConnectorUpdateAction> lifecycleActions() {
        return Generate.frequency(
                Pair.of(3, booleans().all().map(ConnectorPublishAction::new)),
                Pair.of(2, Generate.constant(ConnectorUpdatePreviewableAction::new)),
                Pair.of(1, Generate.constant(ConnectorUnlistAction::new)));
    }

    /** Requests of one {@link #lifecycleActions() lifecycle action}, with a version that is usually right. */
    public static Gen<ConnectorCommand> lifecycleRequests() {
        return Generators.versionOffsets()
                .zip(lifecycleActions(), (offset, action) -> ConnectorCommand.request(new UpdateRequest(offset, List.of(action))));
    }

    /** Any {@link ProcessingOutcome} with a generated report, legal in the state it meets or not. */
    public static Gen<ConnectorCommand> moves() {
        return Generate.enumValues(ProcessingOutcome.class).zip(Generators.reports(), ConnectorCommand::move);
    }

    /**
     * One command: a {@linkplain Generators#updateRequests() request of any actions}, a lifecycle
     * request or a processing outcome, in proportions that reach every state.
     */
    public static Gen<ConnectorCommand> commands() {
        Gen<ConnectorCommand> requests = Generators.updateRequests().map(request -> ConnectorCommand.request(request));
        return Generate.frequency(Pair.of(5, requests), Pair.of(2, lifecycleRequests()), Pair.of(4, moves()));
    }

    /** Sequences of {@code min} to {@code max} {@link #commands()}. */
    public static Gen<List<ConnectorCommand>> sequences(int min, int max) {
        return lists().of(commands()).ofSizeBetween(min, max);
    }
}
