package io.connectstage.staging;

import static io.connectstage.testkit.SampleConnectors.CONTEXT;
import static io.connectstage.testkit.SampleConnectors.ID;
import static io.connectstage.testkit.SampleConnectors.OTHER_PROJECT;
import static io.connectstage.testkit.SampleConnectors.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUnlistAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.rule.Limits;
import io.connectstage.testkit.Generators;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectorStaging under adversarial use")
class ConnectorStagingAdversarialTest {

    private static Seq<ConnectError> rejected(ConnectorStaged c, ConnectorUpdate update) {
        Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.apply(c, update, CONTEXT);
        assertTrue(result.isLeft(), () -> "expected a refusal, got " + result);
        return result.getLeft();
    }

    @Nested
    @DisplayName("one error response, one HTTP status")
    class OneStatus {

        @Test
        @DisplayName("setName(null) and unlist of an unlisted connector answer only the 400, in either order")
        void badRequestBeforeConflict() {
            ConnectorStaged c = SampleConnectors.created();
            for (List<ConnectorUpdateAction> actions : List.of(
                    List.<ConnectorUpdateAction>of(new ConnectorSetNameAction(null), new ConnectorUnlistAction()),
                    List.<ConnectorUpdateAction>of(new ConnectorUnlistAction(), new ConnectorSetNameAction(null)))) {
                Seq<ConnectError> errors = rejected(c, new ConnectorUpdate(c.version(), actions));
                assertTrue(errors.forAll(e -> e.code() == ErrorCode.INVALID_JSON_INPUT), errors::toString);
                assertEquals(400, ErrorResponse.of(errors.asJava()).statusCode());
            }
        }

        @Test
        @DisplayName("two unlists of an unlisted connector: both 409 errors are kept")
        void sameStatusAllKept() {
            ConnectorStaged c = SampleConnectors.created();
            Seq<ConnectError> errors = rejected(c, ConnectorUpdate.of(c.version(), new ConnectorUnlistAction(),
                    new ConnectorUnlistAction()));
            assertEquals(2, errors.size());
        }
    }

    @Nested
    @DisplayName("drafts")
    class Drafts {

        @Test
        @DisplayName("privateProjects with the same project twice is DuplicateField, as addPrivateProject answers")
        void duplicatePrivateProjects() {
            ConnectorStagedDraft draft = SampleConnectors.minimalDraft()
                    .withPrivateProjects(List.of(PROJECT, OTHER_PROJECT, PROJECT, PROJECT));
            Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.create(draft, ID, CONTEXT.now());
            assertTrue(result.isLeft());
            assertEquals(1, result.getLeft().size(), result.getLeft()::toString);
            ConnectError error = result.getLeft().head();
            assertEquals(ErrorCode.DUPLICATE_FIELD, error.code());
            assertEquals("privateProjects", error.fields().get("field"));
            assertEquals(PROJECT, error.fields().get("duplicateValue"));
        }

        @Test
        @DisplayName("a draft is written naturally: of(...) with the required fields, then with... for the rest")
        void draftWithers() {
            ConnectorStagedDraft draft = ConnectorStagedDraft.of("n", Creator.ofEmail("a@b.c"), new Repository("u", "t"))
                    .withName("Name").withCreator(Creator.ofEmail("x@y.z").withName("X").withNoOfContributors(3))
                    .withRepository(new Repository("git@github.com:a/b.git", "1.0.0")).withKey("my-key");
            assertEquals("Name", draft.name());
            assertEquals("X", draft.creator().name());
            assertEquals(3, draft.creator().noOfContributors());
            assertEquals("1.0.0", draft.repository().tag());
            assertEquals("my-key", draft.key());
        }
    }

    @Nested
    @DisplayName("nothing throws")
    class NothingThrows {

        @Test
        @DisplayName("a null action is an error naming it, not a NullPointerException")
        void nullAction() {
            ConnectorStaged c = SampleConnectors.created();
            ConnectorUpdate update = ConnectorUpdate.of(c.version(), (ConnectorUpdateAction) null);
            assertEquals("actions[0]: is required", rejected(c, update).head().detailedErrorMessage());
            ConnectorUpdate mixed = ConnectorUpdate.of(c.version(), new ConnectorSetNameAction("x"), null);
            assertEquals("actions[1]: is required", rejected(c, mixed).head().detailedErrorMessage());
        }

        @Test
        @DisplayName("a null action list or array is an empty request, refused as such")
        void nullActionList() {
            ConnectorStaged c = SampleConnectors.created();
            assertTrue(rejected(c, new ConnectorUpdate(c.version(), null)).head().detailedErrorMessage()
                    .startsWith("actions: must contain at least one"));
            assertTrue(rejected(c, ConnectorUpdate.of(c.version(), (ConnectorUpdateAction[]) null)).head()
                    .detailedErrorMessage().startsWith("actions: must contain at least one"));
        }

        @Test
        @DisplayName("a null update request is an error")
        void nullUpdate() {
            assertEquals(ErrorCode.INVALID_JSON_INPUT, rejected(SampleConnectors.created(), null).head().code());
        }
    }

    @Nested
    @DisplayName("bounded work")
    class BoundedWork {

        @Test
        @DisplayName("more than 500 actions are refused with one error before any is applied")
        void moreThan500Actions() {
            ConnectorStaged c = SampleConnectors.created();
            List<ConnectorUpdateAction> many = Collections.nCopies(20_000, new ConnectorSetNameAction(null));
            Seq<ConnectError> errors = rejected(c, new ConnectorUpdate(c.version(), many));
            assertEquals(1, errors.size());
            assertTrue(errors.head().detailedErrorMessage().contains("at most " + Limits.MAX_UPDATE_ACTIONS), errors::toString);
        }

        @Test
        @DisplayName("500 invalid actions give 500 errors, one per action, in order")
        void fiveHundredInvalidActions() {
            ConnectorStaged c = SampleConnectors.created();
            List<ConnectorUpdateAction> actions = Collections.nCopies(500, new ConnectorSetNameAction(null));
            Seq<ConnectError> errors = rejected(c, new ConnectorUpdate(c.version(), actions));
            assertEquals(500, errors.size());
            assertEquals("actions[499].name: is required", errors.last().detailedErrorMessage());
        }
    }

    @Nested
    @DisplayName("ConnectorStaged's with... methods")
    class Withers {

        @Test
        @DisplayName("each changes its own field and keeps every other one")
        void eachWitherChangesOnlyItsField() {
            List<UnaryOperator<ConnectorStaged>> withers = List.of(
                    c -> c.withKey("other-key"), c -> c.withVersion(c.version() + 1), c -> c.withName(c.name() + "!"),
                    c -> c.withDescription("d!"), c -> c.withPrivate(!c.isPrivate()),
                    c -> c.withAlreadyListed(!c.alreadyListed()), c -> c.withHasChanges(!c.hasChanges()),
                    c -> c.withDocumentationUrl("https://example.com/x"), c -> c.withCertified(c.certified() == null),
                    c -> c.withCreatedAt(java.time.Instant.EPOCH), c -> c.withLastModifiedAt(java.time.Instant.EPOCH),
                    c -> c.withPrivateProjects(List.of("europe-west1.gcp:zz")), c -> c.withPublishingReport(null));
            qt().withExamples(50).forAll(Generators.stagedConnectors()).checkAssert(c -> {
                for (UnaryOperator<ConnectorStaged> wither : withers) {
                    var before = ConnectJson.toTree(c);
                    var after = ConnectJson.toTree(wither.apply(c));
                    List<String> changed = new ArrayList<>();
                    Iterator<String> names = before.fieldNames();
                    names.forEachRemaining(n -> {
                        if (!before.get(n).equals(after.get(n))) {
                            changed.add(n);
                        }
                    });
                    after.fieldNames().forEachRemaining(n -> {
                        if (!before.has(n)) {
                            changed.add(n);
                        }
                    });
                    assertTrue(changed.size() <= 1, () -> "one with... changed " + changed);
                }
            });
        }
    }
}
