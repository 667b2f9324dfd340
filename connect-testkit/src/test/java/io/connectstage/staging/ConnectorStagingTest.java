package io.connectstage.staging;

import static io.connectstage.testkit.ConnectAssertions.assertInvalidFields;
import static io.connectstage.testkit.ConnectAssertions.fieldOf;
import static io.connectstage.testkit.ConnectAssertions.single;
import static io.connectstage.testkit.ConnectAssertions.singleWithCode;
import static io.connectstage.testkit.SampleConnectors.CONTEXT;
import static io.connectstage.testkit.SampleConnectors.ID;
import static io.connectstage.testkit.SampleConnectors.OTHER_PROJECT;
import static io.connectstage.testkit.SampleConnectors.PROJECT;
import static io.connectstage.testkit.SampleConnectors.applied;
import static io.connectstage.testkit.SampleConnectors.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorAddCertificationCommentAction;
import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorRemovePrivateProjectAction;
import io.connectstage.action.ConnectorSetCreatorCompanyAction;
import io.connectstage.action.ConnectorSetCreatorEmailAction;
import io.connectstage.action.ConnectorSetCreatorLogoAction;
import io.connectstage.action.ConnectorSetCreatorNameAction;
import io.connectstage.action.ConnectorSetCreatorNoOfContributorsAction;
import io.connectstage.action.ConnectorSetCreatorSupportUrlAction;
import io.connectstage.action.ConnectorSetCreatorTitleAction;
import io.connectstage.action.ConnectorSetDescriptionAction;
import io.connectstage.action.ConnectorSetDocumentationUrlAction;
import io.connectstage.action.ConnectorSetIntegrationTypesAction;
import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorSetRepositoryAction;
import io.connectstage.action.ConnectorSetSupportedRegionsAction;
import io.connectstage.action.ConnectorUnlistAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ConnectorStaging")
class ConnectorStagingTest {

    private static Seq<ConnectError> createErrors(ConnectorStagedDraft draft) {
        Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.create(draft, ID, CONTEXT.now());
        assertTrue(result.isLeft(), () -> "expected the draft to be rejected, got " + result);
        return result.getLeft();
    }

    private static ConnectorStaged created(ConnectorStagedDraft draft) {
        Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.create(draft, ID, CONTEXT.now());
        assertTrue(result.isRight(), () -> "expected the draft to be accepted, got " + result);
        return result.get();
    }

    private static ConnectorStagedDraft withCreator(ConnectorStagedDraft d, Creator creator) {
        return d.withCreator(creator);
    }

    private static ConnectorStagedDraft withRepository(ConnectorStagedDraft d, Repository repository) {
        return d.withRepository(repository);
    }

    private static ConnectorStagedDraft withName(ConnectorStagedDraft d, String name) {
        return d.withName(name);
    }

    @Nested
    @DisplayName("create")
    class Create {

        @Test
        @DisplayName("a minimal draft gives a private Draft at version 1 with empty lists and no preview request")
        void createsMinimalDraftWithDefaults() {
            ConnectorStaged c = created(SampleConnectors.minimalDraft());

            assertEquals(ID, c.id());
            assertEquals(1, c.version());
            assertEquals(ConnectorStatus.DRAFT, c.status());
            assertEquals(IsPreviewable.NONE, c.isPreviewable());
            assertTrue(c.isPrivate());
            assertEquals(List.of(), c.privateProjects());
            assertEquals(List.of(), c.configurations());
            assertEquals(List.of(), c.supportedRegions());
            assertEquals(List.of(), c.integrationTypes());
            assertFalse(c.hasChanges());
            assertFalse(c.alreadyListed());
            assertNull(c.key());
            assertNull(c.description());
            assertNull(c.documentationUrl());
            assertNull(c.globalConfiguration());
            assertNull(c.apiClient());
            assertNull(c.certificationInfo());
            assertNull(c.publishingReport());
            assertNull(c.previewableReport());
            assertNull(c.certified());
        }

        @Test
        @DisplayName("a full draft keeps every field it was given")
        void keepsEveryFieldOfFullDraft() {
            ConnectorStagedDraft draft = SampleConnectors.fullDraft();
            ConnectorStaged c = created(draft);

            assertEquals(draft.key(), c.key());
            assertEquals(draft.name(), c.name());
            assertEquals(draft.description(), c.description());
            assertEquals(draft.integrationTypes(), c.integrationTypes());
            assertEquals(draft.creator(), c.creator());
            assertEquals(draft.repository(), c.repository());
            assertEquals(draft.supportedRegions(), c.supportedRegions());
            assertEquals(draft.privateProjects(), c.privateProjects());
            assertEquals(draft.documentationUrl(), c.documentationUrl());
            assertEquals(1, c.version());
            assertTrue(c.isPrivate());
        }

        @ParameterizedTest(name = "length {0}")
        @ValueSource(ints = {2, 3, 255, 256})
        @DisplayName("a key of 2 to 256 characters is accepted")
        void acceptsKeyWithinLengthBounds(int length) {
            String key = "k".repeat(length);
            assertEquals(key, created(SampleConnectors.minimalDraft().withKey(key)).key());
        }

        @ParameterizedTest(name = "length {0}")
        @ValueSource(ints = {0, 1, 257, 1000})
        @DisplayName("a key shorter than 2 or longer than 256 characters names the key")
        void rejectsKeyOutsideLengthBounds(int length) {
            Seq<ConnectError> errors = createErrors(SampleConnectors.minimalDraft().withKey("k".repeat(length)));
            assertInvalidFields(errors, "key");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"with space", "dotted.key", "slash/key", "colon:key", "ümlaut", "emoji-\uD83D\uDE00"})
        @DisplayName("a key with a character outside [A-Za-z0-9_-] names the key")
        void rejectsKeyWithBadCharacter(String key) {
            assertInvalidFields(createErrors(SampleConnectors.minimalDraft().withKey(key)), "key");
        }

        @Test
        @DisplayName("a key of letters, digits, underscores and hyphens is accepted")
        void acceptsKeyOfAllowedCharacters() {
            assertEquals("Az_09-x", created(SampleConnectors.minimalDraft().withKey("Az_09-x")).key());
        }

        @Test
        @DisplayName("a draft without a name names the name")
        void rejectsMissingName() {
            assertInvalidFields(createErrors(withName(SampleConnectors.minimalDraft(), null)), "name");
        }

        @Test
        @DisplayName("a draft without a creator names the creator")
        void rejectsMissingCreator() {
            assertInvalidFields(createErrors(withCreator(SampleConnectors.minimalDraft(), null)), "creator");
        }

        @Test
        @DisplayName("a creator without an email names creator.email")
        void rejectsCreatorWithoutEmail() {
            Creator noEmail = SampleConnectors.fullCreator().withEmail(null);
            assertInvalidFields(createErrors(withCreator(SampleConnectors.minimalDraft(), noEmail)), "creator.email");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        @DisplayName("a creator with fewer than 1 contributor names creator.noOfContributors")
        void rejectsCreatorWithoutContributors(int contributors) {
            Creator creator = SampleConnectors.fullCreator().withNoOfContributors(contributors);
            assertInvalidFields(createErrors(withCreator(SampleConnectors.minimalDraft(), creator)),
                    "creator.noOfContributors");
        }

        @Test
        @DisplayName("a creator with 1 contributor, or none given, is accepted")
        void acceptsOneOrAbsentContributors() {
            Creator one = Creator.ofEmail("a@example.com").withNoOfContributors(1);
            assertEquals(1, created(withCreator(SampleConnectors.minimalDraft(), one)).creator().noOfContributors());
            Creator absent = Creator.ofEmail("a@example.com");
            assertNull(created(withCreator(SampleConnectors.minimalDraft(), absent)).creator().noOfContributors());
        }

        @Test
        @DisplayName("a draft without a repository names the repository")
        void rejectsMissingRepository() {
            assertInvalidFields(createErrors(withRepository(SampleConnectors.minimalDraft(), null)), "repository");
        }

        @Test
        @DisplayName("a repository without url or tag names each missing part")
        void rejectsRepositoryWithoutUrlOrTag() {
            ConnectorStagedDraft draft = SampleConnectors.minimalDraft();
            assertInvalidFields(createErrors(withRepository(draft, new Repository(null, "0.0.0"))), "repository.url");
            assertInvalidFields(createErrors(withRepository(draft, new Repository("git@github.com:a/b.git", null))),
                    "repository.tag");
            assertInvalidFields(createErrors(withRepository(draft, new Repository(null, null))),
                    "repository.url", "repository.tag");
        }

        @Test
        @DisplayName("a bad privateProjects entry is named with its index")
        void rejectsBadPrivateProjectWithItsIndex() {
            ConnectorStagedDraft draft = SampleConnectors.minimalDraft()
                    .withPrivateProjects(List.of(PROJECT, "no-region-here", OTHER_PROJECT, "eu:k"));
            assertInvalidFields(createErrors(draft), "privateProjects[1]", "privateProjects[3]");
        }

        @Test
        @DisplayName("valid privateProjects are kept in order")
        void keepsValidPrivateProjects() {
            ConnectorStagedDraft draft = SampleConnectors.minimalDraft().withPrivateProjects(List.of(OTHER_PROJECT, PROJECT));
            assertEquals(List.of(OTHER_PROJECT, PROJECT), created(draft).privateProjects());
        }

        @Test
        @DisplayName("a draft breaking several rules reports all of them at once")
        void reportsEveryBrokenRuleAtOnce() {
            ConnectorStagedDraft draft = new ConnectorStagedDraft("x", null, null, null,
                    new Creator(null, null, null, null, 0, null, null), new Repository(null, null), null,
                    List.of("bad"), null);

            assertInvalidFields(createErrors(draft), "key", "name", "creator.email", "creator.noOfContributors",
                    "repository.url", "repository.tag", "privateProjects[0]");
        }

        @Test
        @DisplayName("no draft at all is one InvalidJsonInput")
        void rejectsNullDraft() {
            assertEquals(ErrorCode.INVALID_JSON_INPUT, single(createErrors(null)).code());
        }
    }

    @Nested
    @DisplayName("apply")
    class Apply {

        @ParameterizedTest(name = "expected version {0}")
        @ValueSource(longs = {0, 6, 8, 100})
        @DisplayName("a version other than the current one answers only ConcurrentModification with both versions")
        void rejectsWrongVersionWithConcurrentModificationOnly(long expected) {
            ConnectorStaged c = SampleConnectors.fullyPopulated();
            ConnectorUpdate update = ConnectorUpdate.of(expected, new ConnectorSetNameAction(null),
                    new ConnectorSetSupportedRegionsAction(List.of()));

            ConnectError error = singleWithCode(ConnectorStaging.apply(c, update, CONTEXT).getLeft(),
                    ErrorCode.CONCURRENT_MODIFICATION);

            assertEquals(409, error.httpStatus());
            assertEquals(expected, error.fields().get("expectedVersion"));
            assertEquals(7L, error.fields().get("currentVersion"));
            assertTrue(error.message().contains("Expected: " + expected + " - Actual: 7"), error.message());
        }

        @Test
        @DisplayName("an empty list of actions is an error")
        void rejectsEmptyActions() {
            ConnectorStaged c = SampleConnectors.fullyPopulated();
            Seq<ConnectError> errors = ConnectorStaging.apply(c, ConnectorUpdate.of(c.version()), CONTEXT).getLeft();
            assertInvalidFields(errors, "actions");
        }

        @Test
        @DisplayName("a rejected request reports every bad action, by index, and leaves the input unchanged")
        void reportsEveryBadActionAndChangesNothing() {
            ConnectorStaged c = SampleConnectors.fullyPopulated();

            Seq<ConnectError> errors = rejected(c,
                    new ConnectorSetNameAction(null),
                    new ConnectorSetDescriptionAction("fine"),
                    new ConnectorSetRepositoryAction(null, null),
                    new ConnectorSetSupportedRegionsAction(List.of()),
                    new ConnectorAddPrivateProjectAction("not a project"),
                    new ConnectorSetCreatorNoOfContributorsAction(0));

            assertInvalidFields(errors, "actions[0].name", "actions[3].regions",
                    "actions[4].privateProject", "actions[5].creatorNoOfContributors");
            assertEquals(SampleConnectors.fullyPopulated(), c);
        }

        @Test
        @DisplayName("errors of different codes in one request are all reported")
        void reportsErrorsOfDifferentCodes() {
            ConnectorStaged c = SampleConnectors.fullyPopulated();

            Seq<ConnectError> errors = rejected(c,
                    new ConnectorAddPrivateProjectAction(PROJECT),
                    new ConnectorRemovePrivateProjectAction(OTHER_PROJECT),
                    new ConnectorSetNameAction(null));

            assertEquals(List.of(ErrorCode.DUPLICATE_FIELD, ErrorCode.FIELD_VALUE_NOT_FOUND, ErrorCode.INVALID_JSON_INPUT),
                    errors.map(ConnectError::code).toJavaList());
        }

        @Test
        @DisplayName("a successful request returns a new value and leaves the input unchanged")
        void leavesInputUnchangedOnSuccess() {
            ConnectorStaged c = SampleConnectors.fullyPopulated();
            ConnectorStaged next = applied(c, new ConnectorSetNameAction("Other"));
            assertEquals("Other", next.name());
            assertEquals(SampleConnectors.fullyPopulated(), c);
        }

        @Test
        @DisplayName("actions apply in order: setName twice leaves the last name, at version + 1")
        void appliesActionsInOrder() {
            ConnectorStaged c = SampleConnectors.fullyPopulated();
            ConnectorStaged next = applied(c, new ConnectorSetNameAction("first"), new ConnectorSetNameAction("second"));
            assertEquals("second", next.name());
            assertEquals(c.version() + 1, next.version());
        }

        @Test
        @DisplayName("each action sees the result of the ones before it")
        void eachActionSeesEarlierOnes() {
            ConnectorStaged c = SampleConnectors.fullyPopulated();

            ConnectorStaged next = applied(c, new ConnectorAddPrivateProjectAction(OTHER_PROJECT),
                    new ConnectorRemovePrivateProjectAction(OTHER_PROJECT));
            assertEquals(c.privateProjects(), next.privateProjects());

            Seq<ConnectError> errors = rejected(c, new ConnectorRemovePrivateProjectAction(OTHER_PROJECT),
                    new ConnectorAddPrivateProjectAction(OTHER_PROJECT));
            assertEquals(ErrorCode.FIELD_VALUE_NOT_FOUND, single(errors).code());
        }

        @Test
        @DisplayName("a request bumps the version once, whatever the number of actions")
        void bumpsVersionOncePerRequest() {
            ConnectorStaged c = SampleConnectors.created();
            ConnectorStaged next = applied(c, SampleConnectors.oneOfEachAction().stream()
                    .filter(a -> !(a instanceof ConnectorPublishAction)
                            && !(a instanceof ConnectorUnlistAction)
                            && !(a instanceof ConnectorRemovePrivateProjectAction))
                    .toArray(ConnectorUpdateAction[]::new));
            assertEquals(2, next.version());
        }
    }

    @Nested
    @DisplayName("hasChanges")
    class HasChanges {

        static Stream<ConnectorUpdateAction> publishedDataChanges() {
            return Stream.of(
                    new ConnectorSetNameAction("New Connector name"),
                    new ConnectorSetDescriptionAction("New description"),
                    new ConnectorSetRepositoryAction("git@github.com:commercetools/other.git", "1.0.0"),
                    new ConnectorSetSupportedRegionsAction(List.of(Region.EU_CENTRAL_1_AWS)),
                    new ConnectorSetDocumentationUrlAction("https://www.example.com/docs"),
                    new ConnectorSetIntegrationTypesAction(List.of(IntegrationType.TAX)),
                    new ConnectorSetCreatorNameAction("Jane Doe"),
                    new ConnectorSetCreatorTitleAction("Ms"),
                    new ConnectorSetCreatorEmailAction("new@example.com"),
                    new ConnectorSetCreatorCompanyAction("New company"),
                    new ConnectorSetCreatorNoOfContributorsAction(3),
                    new ConnectorSetCreatorSupportUrlAction("https://www.example.com/support"),
                    new ConnectorSetCreatorLogoAction("https://www.example.com/logo.png"));
        }

        static Stream<ConnectorUpdateAction> stagedOnlyChanges() {
            return Stream.of(
                    new ConnectorAddPrivateProjectAction(OTHER_PROJECT),
                    new ConnectorAddCertificationCommentAction("A comment."),
                    new ConnectorUpdatePreviewableAction());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("publishedDataChanges")
        @DisplayName("a change of published data makes a Published connector differ from its production version")
        void becomesTrueOnPublishedConnector(ConnectorUpdateAction action) {
            ConnectorStaged published = SampleConnectors.inStatus(ConnectorStatus.PUBLISHED);
            assertFalse(published.hasChanges());
            assertTrue(applied(published, action).hasChanges());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("publishedDataChanges")
        @DisplayName("a change of published data leaves a never-published Draft without changes")
        void staysFalseOnDraft(ConnectorUpdateAction action) {
            assertFalse(applied(SampleConnectors.created(), action).hasChanges());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("stagedOnlyChanges")
        @DisplayName("addPrivateProject, addCertificationComment and updatePreviewable do not count as changes")
        void staysFalseOnStagedOnlyChange(ConnectorUpdateAction action) {
            ConnectorStaged published = SampleConnectors.inStatus(ConnectorStatus.PUBLISHED);
            assertFalse(applied(published, action).hasChanges());
        }

        @Test
        @DisplayName("a listed connector whose republish failed still has a production version")
        void becomesTrueOnListedConnectorWhoseRepublishFailed() {
            ConnectorStaged listed = SampleConnectors.certifiedAndListed();
            ConnectorStaged failed = SampleConnectors.inStatus(listed, ConnectorStatus.FAILED);
            assertTrue(failed.alreadyListed());
            assertTrue(applied(failed, new ConnectorSetNameAction("Renamed")).hasChanges());
        }

        @Test
        @DisplayName("once true it stays true until a publish succeeds")
        void staysTrueUntilPublished() {
            ConnectorStaged changed = applied(SampleConnectors.inStatus(ConnectorStatus.PUBLISHED),
                    new ConnectorSetNameAction("Renamed"));
            ConnectorStaged commented = applied(changed, new ConnectorAddCertificationCommentAction("A comment."));
            assertTrue(commented.hasChanges());

            ConnectorStaged processing = SampleConnectors.publishRequested(commented, false);
            assertTrue(processing.hasChanges());
            ConnectorStaged republished = ConnectorLifecycle.publishAnalysisSucceeded(processing, false,
                    SampleConnectors.successReport(), CONTEXT.now()).get();
            assertFalse(republished.hasChanges());
        }

        @Test
        @DisplayName("a rejected request does not set it")
        void staysFalseOnRejectedRequest() {
            ConnectorStaged published = SampleConnectors.inStatus(ConnectorStatus.PUBLISHED);
            rejected(published, new ConnectorSetNameAction("Renamed"), new ConnectorSetNameAction(null));
            assertFalse(published.hasChanges());
        }
    }

    @Test
    @DisplayName("draftErrors names the same fields create reports")
    void draftErrorsAgreesWithCreate() {
        ConnectorStagedDraft draft = withName(SampleConnectors.minimalDraft().withKey("?"), null);
        assertEquals(ConnectorStaging.draftErrors(draft).map(e -> fieldOf(e)).toJavaList(),
                createErrors(draft).map(e -> fieldOf(e)).toJavaList());
    }
}
