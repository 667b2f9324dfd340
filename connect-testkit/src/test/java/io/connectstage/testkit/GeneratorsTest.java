package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.json.ConnectJson;
import io.connectstage.rule.FieldRules;
import io.connectstage.staging.ConnectorStaging;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The generators")
class GeneratorsTest {
    private static final UpdateContext CONTEXT = new UpdateContext(Instant.parse("2024-02-15T10:12:12.069Z"), "tests");

    @Nested
    @DisplayName("of update actions")
    class Actions {

        @Test
        @DisplayName("have a valid generator for every permitted subclass of ConnectorUpdateAction")
        void coverEveryActionType() {
            Set<Class<?>> permitted = Set.of(ConnectorUpdateAction.class.getPermittedSubclasses());
            assertEquals(19, permitted.size(), "the reference has 18 actions and the RAML one more");
            assertEquals(permitted, Generators.validActionsByType().keySet());
        }

        @Test
        @DisplayName("make actions of all 19 types when asked for any action")
        void makeEveryActionType() {
            Set<Class<?>> seen = ConcurrentHashMap.newKeySet();
            Seeds.check("actions of every type", 3_000, Generators.actions(), action -> seen.add(action.getClass()));
            Set<Class<?>> missing = new HashSet<>(Arrays.asList(ConnectorUpdateAction.class.getPermittedSubclasses()));
            missing.removeAll(seen);
            assertTrue(missing.isEmpty(), "no action generated of " + missing);
        }

        @Test
        @DisplayName("make valid actions that break no field rule, whatever state they meet")
        void validActionsBreakNoFieldRule() {
            Seeds.check("valid actions break no field rule", 2_000, Generators.validActions(), Generators.stagedConnectors(),
                    (action, staged) -> {
                        Either<Seq<ConnectError>, ConnectorStaged> result = action.applyTo(staged, CONTEXT);
                        if (result.isLeft()) {
                            assertTrue(result.getLeft().forAll(e -> e.code() != ErrorCode.INVALID_JSON_INPUT),
                                    () -> action + " was refused for a field: " + result.getLeft());
                        }
                    });
        }

        @Test
        @DisplayName("make invalid actions that every state refuses for a field")
        void invalidActionsBreakAFieldRule() {
            Seeds.check("invalid actions break a field rule", 2_000, Generators.invalidActions(),
                    Generators.stagedConnectors(), (action, staged) -> {
                        Either<Seq<ConnectError>, ConnectorStaged> result = action.applyTo(staged, CONTEXT);
                        assertTrue(result.isLeft(), () -> action + " was accepted");
                        assertTrue(result.getLeft().exists(e -> e.code() == ErrorCode.INVALID_JSON_INPUT),
                                () -> action + " was refused, but not for a field: " + result.getLeft());
                    });
        }
    }

    @Nested
    @DisplayName("of drafts and requests")
    class DraftsAndRequests {

        @Test
        @DisplayName("make drafts that the core accepts")
        void draftsAreValid() {
            Seeds.check("drafts are valid", 2_000, Generators.drafts(), draft -> {
                assertTrue(ConnectorStaging.draftErrors(draft).isEmpty(),
                        () -> draft + " breaks " + ConnectorStaging.draftErrors(draft));
                if (draft.key() != null) {
                    assertTrue(draft.key().length() >= 2 && draft.key().length() <= 256, draft.key());
                    assertTrue(FieldRules.KEY_PATTERN.matcher(draft.key()).matches(), draft.key());
                }
                assertNotNull(draft.creator().email());
                assertTrue(draft.creator().noOfContributors() == null || draft.creator().noOfContributors() >= 1);
                if (draft.privateProjects() != null) {
                    draft.privateProjects().forEach(p ->
                            assertTrue(FieldRules.PROJECT_IDENTIFIER_PATTERN.matcher(p).matches(), p));
                }
            });
        }

        @Test
        @DisplayName("make project identifiers that match the pattern, and bad ones that do not")
        void projectIdentifiers() {
            Seeds.check("project identifiers", 2_000, Generators.projectIdentifiers(), Generators.invalidProjectIdentifiers(),
                    (good, bad) -> {
                        assertTrue(FieldRules.PROJECT_IDENTIFIER_PATTERN.matcher(good).matches(), good);
                        assertTrue(bad == null || !FieldRules.PROJECT_IDENTIFIER_PATTERN.matcher(bad).matches(), bad);
                    });
        }

        @Test
        @DisplayName("make requests of 1 to 5 actions whose version is usually right and sometimes not")
        void requestsAreUsuallyCurrent() {
            AtomicInteger current = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            Seeds.check("request shapes", 1_000, Generators.updateRequests(), request -> {
                assertTrue(request.actions().size() >= 1 && request.actions().size() <= 5, request.toString());
                (request.current() ? current : other).incrementAndGet();
            });
            assertTrue(current.get() > other.get(), current + " right versions, " + other + " others");
            assertTrue(other.get() > 0, "no request with a stale version");
        }
    }

    @Nested
    @DisplayName("of whole connectors")
    class WholeConnectors {

        @Test
        @DisplayName("make connectors that survive the wire JSON unchanged")
        void connectorsSurviveTheWire() {
            Seeds.check("connectors survive the wire", 1_000, Generators.stagedConnectors(), staged ->
                    assertEquals(Either.right(staged), ConnectJson.readStaged(ConnectJson.write(staged)).mapLeft(Object::toString)));
        }
    }
}
