package io.connectstage.action;

import static io.connectstage.testkit.ConnectAssertions.assertInvalidFields;
import static io.connectstage.testkit.ConnectAssertions.singleWithCode;
import static io.connectstage.testkit.SampleConnectors.NOW;
import static io.connectstage.testkit.SampleConnectors.OTHER_PROJECT;
import static io.connectstage.testkit.SampleConnectors.PROJECT;
import static io.connectstage.testkit.SampleConnectors.USER_ID;
import static io.connectstage.testkit.SampleConnectors.applied;
import static io.connectstage.testkit.SampleConnectors.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.CertificationInfo;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.staging.ConnectorStaging;
import io.connectstage.testkit.SampleConnectors;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each of the update actions applied through {@link io.connectstage.staging.ConnectorStaging#apply}:
 * what it changes, and each error it answers with.
 */
@DisplayName("Update actions")
class ConnectorUpdateActionTest {

    /** A private Draft with every optional field set, at version 7. */
    private static ConnectorStaged full() {
        return SampleConnectors.fullyPopulated();
    }

    /** What {@code before} becomes after one successful request: {@code changed} at version + 1, modified now. */
    private static ConnectorStaged bumped(ConnectorStaged before, ConnectorStaged changed) {
        return changed.withVersion(before.version() + 1).withLastModifiedAt(NOW);
    }

    @Test
    @DisplayName("every action of the sealed interface has a nested group here and a sample in the fixture")
    void coversEveryAction() {
        Set<String> groups = Arrays.stream(ConnectorUpdateActionTest.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class))
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());
        List<Class<?>> permitted = List.of(ConnectorUpdateAction.class.getPermittedSubclasses());
        assertEquals(19, permitted.size());
        for (Class<?> action : permitted) {
            String group = action.getSimpleName().replaceFirst("^Connector", "").replaceFirst("Action$", "");
            assertTrue(groups.contains(group), () -> "no @Nested class " + group + " for " + action.getSimpleName());
        }
        assertEquals(permitted, SampleConnectors.oneOfEachAction().stream().map(Object::getClass).toList());
    }

    @Nested
    @DisplayName("setName")
    class SetName {
        @Test
        @DisplayName("sets the name at version + 1")
        void setsName() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withName("The new name of the Connector")),
                    applied(c, new ConnectorSetNameAction("The new name of the Connector")));
        }

        @Test
        @DisplayName("without a name names the field")
        void rejectsMissingName() {
            assertInvalidFields(rejected(full(), new ConnectorSetNameAction(null)), "actions[0].name");
        }
    }

    @Nested
    @DisplayName("setDescription")
    class SetDescription {
        @Test
        @DisplayName("sets the description at version + 1")
        void setsDescription() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withDescription("New description of the Connector.")),
                    applied(c, new ConnectorSetDescriptionAction("New description of the Connector.")));
        }

        @Test
        @DisplayName("with null removes the description")
        void removesDescriptionWithNull() {
            assertNull(applied(full(), new ConnectorSetDescriptionAction(null)).description());
        }
    }

    @Nested
    @DisplayName("setRepository")
    class SetRepository {
        @Test
        @DisplayName("sets url and tag at version + 1")
        void setsRepository() {
            ConnectorStaged c = full();
            Repository next = new Repository("https://github.com/commercetools/other.git", "1.2.3");
            assertEquals(bumped(c, c.withRepository(next)),
                    applied(c, new ConnectorSetRepositoryAction(next.url(), next.tag())));
        }

        @Test
        @DisplayName("without a url keeps the current url and sets the tag (what the official CLI sends)")
        void keepsUrlWithoutUrl() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withRepository(new Repository(c.repository().url(), "9.9.9"))),
                    applied(c, new ConnectorSetRepositoryAction(null, "9.9.9")));
        }

        @Test
        @DisplayName("without a tag keeps the current tag and sets the url")
        void keepsTagWithoutTag() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withRepository(new Repository("git@github.com:a/b.git", c.repository().tag()))),
                    applied(c, new ConnectorSetRepositoryAction("git@github.com:a/b.git", null)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unchangedRepositories")
        @DisplayName("that ends at the current repository changes nothing but the version")
        void changesNothingAtTheCurrentRepository(String label, ConnectorSetRepositoryAction action) {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c), applied(c, action));
        }

        static Stream<Arguments> unchangedRepositories() {
            Repository r = full().repository();
            return Stream.of(
                    Arguments.of("neither url nor tag", new ConnectorSetRepositoryAction(null, null)),
                    Arguments.of("the current tag alone", new ConnectorSetRepositoryAction(null, r.tag())),
                    Arguments.of("the current url and tag", new ConnectorSetRepositoryAction(r.url(), r.tag())));
        }

        @Test
        @DisplayName("that ends at the current repository leaves a Published connector without changes, status and preview as they were")
        void isNoChangeOfPublishedData() {
            ConnectorStaged published = SampleConnectors.withPreviewable(
                    SampleConnectors.inStatus(ConnectorStatus.PUBLISHED), IsPreviewable.TRUE);
            ConnectorStaged after = applied(published,
                    new ConnectorSetRepositoryAction(null, published.repository().tag()));
            assertFalse(after.hasChanges());
            assertEquals(ConnectorStatus.PUBLISHED, after.status());
            assertEquals(IsPreviewable.TRUE, after.isPreviewable());
            assertEquals(bumped(published, published), after);
        }

        @Test
        @DisplayName("with a new tag alone makes a Published connector differ from its production version")
        void newTagIsChangeOfPublishedData() {
            ConnectorStaged published = SampleConnectors.inStatus(ConnectorStatus.PUBLISHED);
            assertTrue(applied(published, new ConnectorSetRepositoryAction(null, "9.9.9")).hasChanges());
        }
    }

    @Nested
    @DisplayName("setSupportedRegions")
    class SetSupportedRegions {
        @Test
        @DisplayName("sets the regions at version + 1")
        void setsRegions() {
            ConnectorStaged c = full();
            List<Region> regions = List.of(Region.EUROPE_WEST1_GCP, Region.US_CENTRAL1_GCP, Region.AUSTRALIA_SOUTHEAST1_GCP);
            assertEquals(bumped(c, c.withSupportedRegions(regions)),
                    applied(c, new ConnectorSetSupportedRegionsAction(regions)));
        }

        @Test
        @DisplayName("with an empty list breaks minItems 1")
        void rejectsEmptyRegions() {
            Seq<ConnectError> errors = rejected(full(), new ConnectorSetSupportedRegionsAction(List.of()));
            assertInvalidFields(errors, "actions[0].regions");
            assertTrue(errors.head().detailedErrorMessage().contains("at least 1"), errors.head().detailedErrorMessage());
        }

        @Test
        @DisplayName("with null names the regions")
        void rejectsNullRegions() {
            assertInvalidFields(rejected(full(), new ConnectorSetSupportedRegionsAction(null)), "actions[0].regions");
        }
    }

    @Nested
    @DisplayName("setDocumentationUrl")
    class SetDocumentationUrl {
        @Test
        @DisplayName("sets the documentation URL at version + 1")
        void setsDocumentationUrl() {
            ConnectorStaged c = full();
            String url = "https://www.example.com/my-connector/v2/documentation";
            assertEquals(bumped(c, c.withDocumentationUrl(url)), applied(c, new ConnectorSetDocumentationUrlAction(url)));
        }

        @Test
        @DisplayName("with null removes the documentation URL")
        void removesDocumentationUrlWithNull() {
            assertNull(applied(full(), new ConnectorSetDocumentationUrlAction(null)).documentationUrl());
        }
    }

    @Nested
    @DisplayName("setIntegrationTypes")
    class SetIntegrationTypes {
        @Test
        @DisplayName("sets the integration types at version + 1")
        void setsIntegrationTypes() {
            ConnectorStaged c = full();
            List<IntegrationType> types = List.of(IntegrationType.PROMOTION, IntegrationType.OTHER);
            assertEquals(bumped(c, c.withIntegrationTypes(types)), applied(c, new ConnectorSetIntegrationTypesAction(types)));
        }

        @Test
        @DisplayName("with an empty list clears them")
        void clearsWithEmptyList() {
            assertEquals(List.of(), applied(full(), new ConnectorSetIntegrationTypesAction(List.of())).integrationTypes());
        }

        @Test
        @DisplayName("with null names the integration types")
        void rejectsNull() {
            assertInvalidFields(rejected(full(), new ConnectorSetIntegrationTypesAction(null)),
                    "actions[0].integrationTypes");
        }
    }

    @Nested
    @DisplayName("setCreatorName")
    class SetCreatorName {
        @Test
        @DisplayName("sets the creator's name, keeping the rest of the creator")
        void setsCreatorName() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withCreator(c.creator().withName("Jane Doe"))),
                    applied(c, new ConnectorSetCreatorNameAction("Jane Doe")));
        }

        @Test
        @DisplayName("with null removes the creator's name")
        void removesWithNull() {
            ConnectorStaged c = full();
            assertEquals(c.creator().withName(null), applied(c, new ConnectorSetCreatorNameAction(null)).creator());
        }
    }

    @Nested
    @DisplayName("setCreatorTitle")
    class SetCreatorTitle {
        @Test
        @DisplayName("sets the creator's title, keeping the rest of the creator")
        void setsCreatorTitle() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withCreator(c.creator().withTitle("Ms"))),
                    applied(c, new ConnectorSetCreatorTitleAction("Ms")));
        }

        @Test
        @DisplayName("with null removes the creator's title")
        void removesWithNull() {
            ConnectorStaged c = full();
            assertEquals(c.creator().withTitle(null), applied(c, new ConnectorSetCreatorTitleAction(null)).creator());
        }
    }

    @Nested
    @DisplayName("setCreatorEmail")
    class SetCreatorEmail {
        @Test
        @DisplayName("sets the creator's email, keeping the rest of the creator")
        void setsCreatorEmail() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withCreator(c.creator().withEmail("new-email-address@example.com"))),
                    applied(c, new ConnectorSetCreatorEmailAction("new-email-address@example.com")));
        }

        @Test
        @DisplayName("with null names the email, which a creator must have")
        void rejectsNull() {
            assertInvalidFields(rejected(full(), new ConnectorSetCreatorEmailAction(null)), "actions[0].creatorEmail");
        }
    }

    @Nested
    @DisplayName("setCreatorCompany")
    class SetCreatorCompany {
        @Test
        @DisplayName("sets the creator's company, keeping the rest of the creator")
        void setsCreatorCompany() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withCreator(c.creator().withCompany("New name of company"))),
                    applied(c, new ConnectorSetCreatorCompanyAction("New name of company")));
        }

        @Test
        @DisplayName("with null removes the creator's company")
        void removesWithNull() {
            ConnectorStaged c = full();
            assertEquals(c.creator().withCompany(null), applied(c, new ConnectorSetCreatorCompanyAction(null)).creator());
        }
    }

    @Nested
    @DisplayName("setCreatorNoOfContributors")
    class SetCreatorNoOfContributors {
        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {1, 123, Integer.MAX_VALUE})
        @DisplayName("sets a number of at least 1, keeping the rest of the creator")
        void setsNoOfContributors(int contributors) {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withCreator(c.creator().withNoOfContributors(contributors))),
                    applied(c, new ConnectorSetCreatorNoOfContributorsAction(contributors)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        @DisplayName("with less than 1 breaks the minimum")
        void rejectsLessThanOne(int contributors) {
            assertInvalidFields(rejected(full(), new ConnectorSetCreatorNoOfContributorsAction(contributors)),
                    "actions[0].creatorNoOfContributors");
        }

        @ParameterizedTest
        @NullSource
        @DisplayName("with null names the number")
        void rejectsNull(Integer contributors) {
            assertInvalidFields(rejected(full(), new ConnectorSetCreatorNoOfContributorsAction(contributors)),
                    "actions[0].creatorNoOfContributors");
        }
    }

    @Nested
    @DisplayName("setCreatorSupportUrl")
    class SetCreatorSupportUrl {
        @Test
        @DisplayName("sets the creator's support URL, keeping the rest of the creator")
        void setsSupportUrl() {
            ConnectorStaged c = full();
            String url = "https://www.example.com/support/v2";
            assertEquals(bumped(c, c.withCreator(c.creator().withSupportUrl(url))),
                    applied(c, new ConnectorSetCreatorSupportUrlAction(url)));
        }

        @Test
        @DisplayName("with null removes the creator's support URL")
        void removesWithNull() {
            ConnectorStaged c = full();
            assertEquals(c.creator().withSupportUrl(null),
                    applied(c, new ConnectorSetCreatorSupportUrlAction(null)).creator());
        }
    }

    @Nested
    @DisplayName("setCreatorLogo")
    class SetCreatorLogo {
        @Test
        @DisplayName("sets the creator's logo URL, keeping the rest of the creator")
        void setsLogoUrl() {
            ConnectorStaged c = full();
            String url = "https://www.example.com/logo-v2.png";
            assertEquals(bumped(c, c.withCreator(c.creator().withLogoUrl(url))),
                    applied(c, new ConnectorSetCreatorLogoAction(url)));
        }

        @Test
        @DisplayName("with null removes the creator's logo URL")
        void removesWithNull() {
            ConnectorStaged c = full();
            assertEquals(c.creator().withLogoUrl(null), applied(c, new ConnectorSetCreatorLogoAction(null)).creator());
        }
    }

    @Nested
    @DisplayName("addPrivateProject")
    class AddPrivateProject {
        @Test
        @DisplayName("appends the project to a private connector at version + 1")
        void appendsProject() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withPrivateProjects(List.of(PROJECT, OTHER_PROJECT))),
                    applied(c, new ConnectorAddPrivateProjectAction(OTHER_PROJECT)));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"example-project-key", "europe-west1.gcp:", "europe-west1.gcp:a",
                "europe-west1.gcp:has space", ":project", "europe-west1.gcp:project:extra",
                "europe-west1.gcp:0123456789012345678901234567890123456"})
        @DisplayName("with a project that breaks the ProjectIdentifier pattern names the field")
        void rejectsBadPattern(String project) {
            assertInvalidFields(rejected(full(), new ConnectorAddPrivateProjectAction(project)),
                    "actions[0].privateProject");
        }

        @Test
        @DisplayName("accepts project keys of 2 and 36 characters")
        void acceptsProjectKeyLengthBounds() {
            String shortest = "eu-central-1.aws:ab";
            String longest = "eu-central-1.aws:" + "k".repeat(36);
            ConnectorStaged c = applied(full(), new ConnectorAddPrivateProjectAction(shortest),
                    new ConnectorAddPrivateProjectAction(longest));
            assertEquals(List.of(PROJECT, shortest, longest), c.privateProjects());
        }

        @Test
        @DisplayName("without a project names the field")
        void rejectsMissingProject() {
            assertInvalidFields(rejected(full(), new ConnectorAddPrivateProjectAction(null)), "actions[0].privateProject");
        }

        @Test
        @DisplayName("on a connector that is not private answers ConnectorStagedNotPrivate")
        void rejectsPrivateProjectOnPublicConnector() {
            ConnectorStaged listed = SampleConnectors.certifiedAndListed();
            assertFalse(listed.isPrivate());
            ConnectError error = singleWithCode(rejected(listed, new ConnectorAddPrivateProjectAction(PROJECT)),
                    ErrorCode.CONNECTOR_STAGED_NOT_PRIVATE);
            assertEquals(400, error.httpStatus());
            assertEquals("The operation is not valid because ConnectorStaged with id=" + listed.id()
                    + " is not private", error.message());
        }

        @Test
        @DisplayName("with a project listed already answers DuplicateField")
        void rejectsDuplicateProject() {
            ConnectError error = singleWithCode(rejected(full(), new ConnectorAddPrivateProjectAction(PROJECT)),
                    ErrorCode.DUPLICATE_FIELD);
            assertEquals("privateProjects", error.fields().get("field"));
            assertEquals(PROJECT, error.fields().get("duplicateValue"));
        }
    }

    @Nested
    @DisplayName("removePrivateProject")
    class RemovePrivateProject {
        @Test
        @DisplayName("removes the project at version + 1")
        void removesProject() {
            ConnectorStaged c = full();
            assertEquals(bumped(c, c.withPrivateProjects(List.of())),
                    applied(c, new ConnectorRemovePrivateProjectAction(PROJECT)));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"example-project-key", "europe-west1.gcp:a", "europe-west1.gcp:bad!"})
        @DisplayName("with a project that breaks the ProjectIdentifier pattern names the field")
        void rejectsBadPattern(String project) {
            assertInvalidFields(rejected(full(), new ConnectorRemovePrivateProjectAction(project)),
                    "actions[0].privateProject");
        }

        @Test
        @DisplayName("on a connector that is not private answers ConnectorStagedNotPrivate")
        void rejectsRemovalOnPublicConnector() {
            singleWithCode(rejected(SampleConnectors.certifiedAndListed(), new ConnectorRemovePrivateProjectAction(PROJECT)),
                    ErrorCode.CONNECTOR_STAGED_NOT_PRIVATE);
        }

        @Test
        @DisplayName("with a project that is not listed answers FieldValueNotFound")
        void rejectsProjectNotListed() {
            ConnectError error = singleWithCode(rejected(full(), new ConnectorRemovePrivateProjectAction(OTHER_PROJECT)),
                    ErrorCode.FIELD_VALUE_NOT_FOUND);
            assertEquals("privateProjects", error.fields().get("field"));
            assertEquals(OTHER_PROJECT, error.fields().get("value"));
        }
    }

    @Nested
    @DisplayName("updatePreviewable")
    class UpdatePreviewable {
        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = IsPreviewable.class, names = {"NONE", "TRUE", "FALSE"})
        @DisplayName("asks for a preview: isPreviewable becomes pending and the last report is cleared")
        void movesToPending(IsPreviewable from) {
            ConnectorStaged c = SampleConnectors.withPreviewable(SampleConnectors.created(), from);
            assertEquals(bumped(c, c.withPreviewable(IsPreviewable.PENDING).withPreviewableReport(null)),
                    applied(c, new ConnectorUpdatePreviewableAction()));
        }

        @Test
        @DisplayName("while a preview request is pending answers ConnectorStagedPreviewRequestUnderProcess")
        void rejectsWhilePending() {
            ConnectorStaged pending = SampleConnectors.withPreviewable(SampleConnectors.created(), IsPreviewable.PENDING);
            ConnectError error = singleWithCode(rejected(pending, new ConnectorUpdatePreviewableAction()),
                    ErrorCode.CONNECTOR_STAGED_PREVIEW_REQUEST_UNDER_PROCESS);
            assertEquals("The ConnectorStaged preview request is already in progress", error.message());
        }
    }

    @Nested
    @DisplayName("publish")
    class Publish {
        @ParameterizedTest(name = "from {0}, certification {1}")
        @MethodSource("io.connectstage.action.ConnectorUpdateActionTest#publishableStatuses")
        @DisplayName("starts publishing: status Processing and the last publishing report cleared")
        void movesToProcessing(ConnectorStatus from, boolean certification) {
            ConnectorStaged c = SampleConnectors.inStatus(from);
            assertEquals(bumped(c, c.withStatus(ConnectorStatus.PROCESSING).withPublishingReport(null)),
                    applied(c, new ConnectorPublishAction(certification)));
        }

        @Test
        @DisplayName("without certification names the field")
        void rejectsMissingCertification() {
            assertInvalidFields(rejected(full(), new ConnectorPublishAction(null)), "actions[0].certification");
        }

        @ParameterizedTest(name = "{0}, certification {1}")
        @MethodSource("io.connectstage.action.ConnectorUpdateActionTest#inCertification")
        @DisplayName("while ReadyForCertification or InCertification answers ConnectorStagedInCertification")
        void rejectsWhileInCertification(ConnectorStatus status, boolean certification) {
            ConnectError error = singleWithCode(
                    rejected(SampleConnectors.inStatus(status), new ConnectorPublishAction(certification)),
                    ErrorCode.CONNECTOR_STAGED_IN_CERTIFICATION);
            assertEquals("The ConnectorStaged is already in certification", error.message());
        }

        @Test
        @DisplayName("with certification on a certified, listed, unchanged connector answers ConnectorAlreadyCertified")
        void rejectsCertificationOfCertifiedConnector() {
            ConnectorStaged listed = SampleConnectors.certifiedAndListed();
            ConnectError error = singleWithCode(rejected(listed, new ConnectorPublishAction(true)),
                    ErrorCode.CONNECTOR_ALREADY_CERTIFIED);
            assertEquals("The ConnectorStaged is already certified", error.message());
        }

        @Test
        @DisplayName("with certification on a certified, listed connector that has changes starts publishing")
        void certifiesChangedConnectorAgain() {
            ConnectorStaged changed = applied(SampleConnectors.certifiedAndListed(), new ConnectorSetNameAction("v2"));
            assertTrue(changed.hasChanges());
            assertEquals(ConnectorStatus.PROCESSING, applied(changed, new ConnectorPublishAction(true)).status());
        }

        @Test
        @DisplayName("without certification on a certified, listed, unchanged connector starts publishing")
        void publishesCertifiedConnectorWithoutCertification() {
            ConnectorStaged listed = SampleConnectors.certifiedAndListed();
            assertEquals(ConnectorStatus.PROCESSING, applied(listed, new ConnectorPublishAction(false)).status());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.testkit.SampleConnectors#oneOfEachAction")
        @DisplayName("while Processing every action is refused with ConcurrentModification saying it is being published")
        void refusesEveryActionWhileProcessing(ConnectorUpdateAction action) {
            ConnectorStaged processing = SampleConnectors.publishRequested(SampleConnectors.createdFromFullDraft(), true);
            assertEquals(ConnectorStatus.PROCESSING, processing.status());

            ConnectError error = singleWithCode(rejected(processing, action), ErrorCode.CONCURRENT_MODIFICATION);

            assertEquals(409, error.httpStatus());
            assertTrue(error.message().contains("is being published"), error.message());
            assertEquals(processing.version(), error.fields().get("currentVersion"));
        }

        @Test
        @DisplayName("refuses the actions after it in the same request")
        void refusesLaterActionsOfSameRequest() {
            ConnectError error = singleWithCode(rejected(full(), new ConnectorPublishAction(false),
                    new ConnectorSetNameAction("too late")), ErrorCode.CONCURRENT_MODIFICATION);
            assertTrue(error.message().contains("is being published"), error.message());
        }

        @Test
        @DisplayName("lets actions apply again once the processing settles")
        void acceptsActionsAfterProcessingSettles() {
            ConnectorStaged processing = SampleConnectors.publishRequested(full(), false);
            ConnectorStaged published = ConnectorLifecycle.publishAnalysisSucceeded(processing, false,
                    SampleConnectors.successReport(), NOW).get();
            assertEquals("after", applied(published, new ConnectorSetNameAction("after")).name());
        }
    }

    static Stream<Arguments> publishableStatuses() {
        return Stream.of(ConnectorStatus.DRAFT, ConnectorStatus.PUBLISHED, ConnectorStatus.FAILED)
                .flatMap(s -> Stream.of(Arguments.of(s, false),
                        Arguments.of(s, true)));
    }

    static Stream<Arguments> inCertification() {
        return Stream.of(ConnectorStatus.READY_FOR_CERTIFICATION, ConnectorStatus.IN_CERTIFICATION)
                .flatMap(s -> Stream.of(Arguments.of(s, false),
                        Arguments.of(s, true)));
    }

    @Nested
    @DisplayName("unlist")
    class Unlist {
        @Test
        @DisplayName("on a listed connector removes it from listings at version + 1")
        void unlistsListedConnector() {
            ConnectorStaged listed = SampleConnectors.certifiedAndListed();
            assertTrue(listed.alreadyListed());
            assertEquals(bumped(listed, listed.withAlreadyListed(false)), applied(listed, new ConnectorUnlistAction()));
        }

        @Test
        @DisplayName("on a connector that is not listed is an error")
        void rejectsConnectorNotListed() {
            ConnectorStaged published = SampleConnectors.inStatus(ConnectorStatus.PUBLISHED);
            assertFalse(published.alreadyListed());
            ConnectError error = singleWithCode(rejected(published, new ConnectorUnlistAction()),
                    ErrorCode.CONCURRENT_MODIFICATION);
            assertTrue(error.message().contains("not listed"), error.message());
        }
    }

    @Nested
    @DisplayName("addCertificationComment")
    class AddCertificationComment {
        @Test
        @DisplayName("adds the first comment, signed with the context's userId and time")
        void addsFirstComment() {
            ConnectorStaged c = SampleConnectors.created();
            ConnectorStaged next = applied(c, new ConnectorAddCertificationCommentAction("The comment to add."));
            assertEquals(bumped(c, c.withCertificationInfo(new CertificationInfo(List.of(
                    new CertificationInfoComment(USER_ID, NOW, "The comment to add."))))), next);
        }

        @Test
        @DisplayName("appends to the comments made before")
        void appendsComment() {
            ConnectorStaged c = full();
            ConnectorStaged next = applied(c, new ConnectorAddCertificationCommentAction("Second."));
            List<CertificationInfoComment> comments = next.certificationInfo().comments();
            assertEquals(2, comments.size());
            assertEquals(c.certificationInfo().comments().get(0), comments.get(0));
            assertEquals(new CertificationInfoComment(USER_ID, NOW, "Second."), comments.get(1));
        }

        @Test
        @DisplayName("takes the userId and time from the UpdateContext")
        void signsWithContext() {
            ConnectorStaged c = SampleConnectors.created();
            UpdateContext context = new UpdateContext(Instant.parse("2023-03-17T14:00:00Z"), "desk-project");
            ConnectorStaged next = ConnectorStaging.apply(c,
                    ConnectorUpdate.of(c.version(), new ConnectorAddCertificationCommentAction("hi")), context).get();
            assertEquals(new CertificationInfoComment("desk-project", Instant.parse("2023-03-17T14:00:00Z"), "hi"),
                    next.certificationInfo().comments().get(0));
        }

        @Test
        @DisplayName("without a comment names the field")
        void rejectsMissingComment() {
            assertInvalidFields(rejected(full(), new ConnectorAddCertificationCommentAction(null)), "actions[0].comment");
        }
    }
}
