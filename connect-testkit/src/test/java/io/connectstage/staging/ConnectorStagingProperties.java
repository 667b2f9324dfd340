package io.connectstage.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.json.ConnectJson;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.testkit.ConnectorCommand;
import io.connectstage.testkit.ConnectorCommands;
import io.connectstage.testkit.ConnectorModel;
import io.connectstage.testkit.Generators;
import io.connectstage.testkit.Generators.UpdateRequest;
import io.connectstage.testkit.Seeds;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model-based test of the functional core: random valid drafts and random sequences of
 * update requests (valid and invalid, with right and stale versions) and lifecycle outcome moves
 * (legal or not), run against {@link ConnectorStaging#apply} / {@link ConnectorLifecycle} and
 * against {@link ConnectorModel}, a small reference model written from the API reference alone.
 */
@DisplayName("ConnectorStaging against a reference model")
class ConnectorStagingProperties {
    private static final int EXAMPLES = Seeds.examples(1_000);
    private static final String ID = "5ab3edcd-9d23-4934-8f48-256805253119";
    private static final UpdateContext CONTEXT =
            new UpdateContext(Instant.parse("2024-02-15T10:12:12.069Z"), "property-project");
    private static final Pattern PROJECT_IDENTIFIER = Pattern.compile("^[a-zA-Z0-9-_.]+:[a-zA-Z0-9-_]{2,36}$");

    // ---- the properties ----

    private static final Set<ConnectorStatus> STATUSES_REACHED = EnumSet.noneOf(ConnectorStatus.class);
    private static final Set<IsPreviewable> PREVIEWABLES_REACHED = EnumSet.noneOf(IsPreviewable.class);

    @Test
    @DisplayName("the core and the model agree after every step of every scenario, and the core keeps its invariants")
    void coreAgreesWithTheModel() {
        AtomicLong steps = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        Seeds.check("the core agrees with the reference model", EXAMPLES, Generators.drafts(),
                ConnectorCommands.sequences(1, 40), (draft, commands) -> {
                    Scenario scenario = new Scenario(draft, commands);
                    scenario.run();
                    steps.addAndGet(commands.size());
                    accepted.addAndGet(scenario.accepted);
                });
        assertTrue(accepted.get() > steps.get() / 5, accepted + " of " + steps + " steps accepted");
        System.out.printf("%d scenarios, %d steps, %d accepted; statuses reached %s, previewable %s%n",
                EXAMPLES, steps.get(), accepted.get(), STATUSES_REACHED, PREVIEWABLES_REACHED);
        if (EXAMPLES >= 500) {
            assertEquals(EnumSet.allOf(ConnectorStatus.class), STATUSES_REACHED, "statuses reached");
            assertEquals(EnumSet.allOf(IsPreviewable.class), PREVIEWABLES_REACHED, "previewable states reached");
        }
    }

    @Test
    @DisplayName("the lifecycle tables of the core are the moves of the reference")
    void lifecycleTablesAreTheReference() {
        assertEquals(ConnectorModel.STATUS_MOVES, ConnectorLifecycle.STATUS_EDGES);
        assertEquals(ConnectorModel.PREVIEWABLE_MOVES, ConnectorLifecycle.PREVIEWABLE_EDGES);
    }

    /** One scenario: a draft and its commands, run step by step against the core and the model. */
    private static final class Scenario {
        private final ConnectorStagedDraft draft;
        private final List<ConnectorCommand> commands;
        private int accepted;

        Scenario(ConnectorStagedDraft draft, List<ConnectorCommand> commands) {
            this.draft = draft;
            this.commands = commands;
        }

        void run() {
            ConnectorStaged real = ConnectorStaging.create(draft, ID, CONTEXT.now())
                    .getOrElseThrow(errors -> new AssertionError("a valid draft was refused: " + errors));
            ConnectorModel model = ConnectorModel.of(draft);
            check(real, model, -1, null);
            for (int step = 0; step < commands.size(); step++) {
                ConnectorCommand command = commands.get(step);
                ConnectorStaged next;
                ConnectorModel nextModel;
                if (command instanceof ConnectorCommand.Request) {
                    UpdateRequest request = ((ConnectorCommand.Request) command).request();
                    ConnectorUpdate update = request.against(real.version());
                    Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.apply(real, update, CONTEXT);
                    nextModel = model.request(update.version(), update.actions()).getOrNull();
                    boolean modelAccepts = nextModel != null;
                    assertEquals(modelAccepts, result.isRight(), at(step, command, () -> "accepted (model / core): "
                            + modelAccepts + " / " + result.map(x -> "accepted").getOrElseGet(Object::toString)));
                    if (result.isRight()) {
                        next = result.get();
                        assertEquals(real.version() + 1, next.version(), at(step, command, "version + 1 when accepted"));
                    } else {
                        next = real;
                        assertFalse(result.getLeft().isEmpty(), at(step, command, "a refusal has errors"));
                        if (!request.current()) {
                            assertEquals(1, result.getLeft().size(), at(step, command, "a stale version is the only error"));
                            ConnectError error = result.getLeft().head();
                            assertEquals(ErrorCode.CONCURRENT_MODIFICATION, error.code(), at(step, command, "stale version code"));
                            assertEquals(real.version(), ((Number) error.fields().get("currentVersion")).longValue(),
                                    at(step, command, "currentVersion of the refusal"));
                        }
                    }
                } else {
                    ConnectorCommand.Move move = (ConnectorCommand.Move) command;
                    Either<ConnectError, ConnectorStaged> result = move.outcome().applyTo(real, move.report(), CONTEXT.now());
                    nextModel = model.move(move.outcome(), move.report()).getOrNull();
                    boolean modelAllows = nextModel != null;
                    assertEquals(modelAllows, result.isRight(), at(step, command, () -> "legal (model / core): "
                            + modelAllows + " / " + result.map(x -> "legal").getOrElseGet(Object::toString)));
                    if (result.isRight()) {
                        next = result.get();
                        assertEquals(real.version() + 1, next.version(), at(step, command, "version + 1 when moved"));
                    } else {
                        next = real;
                        assertEquals(ErrorCode.CONCURRENT_MODIFICATION, result.getLeft().code(),
                                at(step, command, "an illegal move is a state conflict"));
                    }
                }
                if (nextModel == null) {
                    nextModel = model;
                    assertEquals(real, next, at(step, command, "a refusal changes nothing"));
                } else {
                    accepted++;
                }
                checkMove(real, next, step, command);
                check(next, nextModel, step, command);
                real = next;
                model = nextModel;
            }
        }

        /** The moves between two consecutive states follow the tables. */
        private void checkMove(ConnectorStaged before, ConnectorStaged after, int step, ConnectorCommand command) {
            assertTrue(before.status() == after.status() || ConnectorLifecycle.allows(before.status(), after.status()),
                    at(step, command, () -> "status " + before.status() + " -> " + after.status() + " is not an edge"));
            assertTrue(before.isPreviewable() == after.isPreviewable()
                            || ConnectorLifecycle.allows(before.isPreviewable(), after.isPreviewable()),
                    at(step, command, () -> "isPreviewable " + before.isPreviewable() + " -> " + after.isPreviewable()
                            + " is not an edge"));
            if (!before.privateProjects().equals(after.privateProjects())) {
                assertTrue(before.isPrivate() && after.isPrivate(),
                        at(step, command, "privateProjects changed on a connector that is not private"));
            }
        }

        /** The core's state equals the model's, is well formed, and survives the wire. */
        private void check(ConnectorStaged real, ConnectorModel model, int step, ConnectorCommand command) {
            STATUSES_REACHED.add(real.status());
            PREVIEWABLES_REACHED.add(real.isPreviewable());
            assertEquals(ID, real.id(), at(step, command, "id"));
            assertEquals(draft.key(), real.key(), at(step, command, "key"));
            assertEquals(model.version(), real.version(), at(step, command, "version"));
            assertEquals(model.status(), real.status(), at(step, command, "status"));
            assertEquals(model.previewable(), real.isPreviewable(), at(step, command, "isPreviewable"));
            assertEquals(model.isPrivate(), real.isPrivate(), at(step, command, "private"));
            assertEquals(model.privateProjects(), real.privateProjects(), at(step, command, "privateProjects"));
            assertEquals(model.name(), real.name(), at(step, command, "name"));
            assertEquals(model.description(), real.description(), at(step, command, "description"));
            assertEquals(model.documentationUrl(), real.documentationUrl(), at(step, command, "documentationUrl"));
            assertEquals(model.supportedRegions(), real.supportedRegions(), at(step, command, "supportedRegions"));
            assertEquals(model.integrationTypes(), real.integrationTypes(), at(step, command, "integrationTypes"));
            assertEquals(model.creator(), real.creator(), at(step, command, "creator"));
            assertEquals(model.repository(), real.repository(), at(step, command, "repository"));
            assertEquals(model.alreadyListed(), real.alreadyListed(), at(step, command, "alreadyListed"));
            assertEquals(model.certified(), Boolean.TRUE.equals(real.certified()), at(step, command, "certified"));
            assertEquals(model.hasChanges(), real.hasChanges(), at(step, command, "hasChanges"));
            assertEquals(model.publishingReport(), real.publishingReport(), at(step, command, "publishingReport"));
            assertEquals(model.previewableReport(), real.previewableReport(), at(step, command, "previewableReport"));
            List<String> comments = real.certificationInfo() == null ? List.of()
                    : real.certificationInfo().comments().stream().map(CertificationInfoComment::comment).toList();
            assertEquals(model.comments(), comments, at(step, command, "certification comments"));
            if (real.certificationInfo() != null) {
                for (CertificationInfoComment comment : real.certificationInfo().comments()) {
                    assertEquals(CONTEXT.userId(), comment.userId(), at(step, command, "comment userId"));
                    assertEquals(CONTEXT.now(), comment.datetime(), at(step, command, "comment datetime"));
                }
            }
            assertEquals(List.of(), real.configurations(), at(step, command, "configurations"));
            assertEquals(real.privateProjects().stream().distinct().count(), real.privateProjects().size(),
                    at(step, command, "privateProjects are distinct"));
            real.privateProjects().forEach(p ->
                    assertTrue(PROJECT_IDENTIFIER.matcher(p).matches(), at(step, command, () -> "project identifier " + p)));
            Either<?, ConnectorStaged> wire = ConnectJson.readStaged(ConnectJson.write(real));
            assertEquals(Either.right(real), wire.mapLeft(Object::toString), at(step, command, "JSON round trip"));
        }

        private static Supplier<String> at(int step, ConnectorCommand command, String what) {
            return at(step, command, () -> what);
        }

        private static Supplier<String> at(int step, ConnectorCommand command, Supplier<String> what) {
            return () -> step < 0 ? "after create: " + what.get() : "step " + step + " " + command + ": " + what.get();
        }
    }
}
