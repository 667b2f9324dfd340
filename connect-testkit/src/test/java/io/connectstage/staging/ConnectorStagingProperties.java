package io.connectstage.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

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
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.CertificationInfoComment;
import io.connectstage.connector.ConnectorReport;
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
import io.connectstage.json.ConnectJson;
import io.connectstage.json.UpdateActionTypes;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.testkit.Generators;
import io.connectstage.testkit.Generators.UpdateRequest;
import io.connectstage.testkit.Seeds;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The model-based test of the functional core: random valid drafts and random sequences of
 * update requests (valid and invalid, with right and stale versions) and lifecycle outcome moves
 * (legal or not), run against {@link ConnectorStaging#apply} / {@link ConnectorLifecycle} and
 * against {@link Model}, a small reference model written from the API reference alone.
 */
@DisplayName("ConnectorStaging against a reference model")
class ConnectorStagingProperties {
    private static final int EXAMPLES = Seeds.examples(1_000);
    private static final String ID = "5ab3edcd-9d23-4934-8f48-256805253119";
    private static final UpdateContext CONTEXT =
            new UpdateContext(Instant.parse("2024-02-15T10:12:12.069Z"), "property-project");
    private static final Pattern PROJECT_IDENTIFIER = Pattern.compile("^[a-zA-Z0-9-_.]+:[a-zA-Z0-9-_]{2,36}$");

    // ---- commands ----

    /** One step of a scenario: an update request, or an outcome of processing. */
    interface Command {
    }

    /** An update request, its version relative to the state it meets. */
    record Request(UpdateRequest request) implements Command {
        @Override
        public String toString() {
            return "request(version " + (request.versionOffset() == 0 ? "current" : "current" + plus(request.versionOffset()))
                    + ", " + request.actions() + ")";
        }

        private static String plus(long offset) {
            return offset > 0 ? "+" + offset : String.valueOf(offset);
        }
    }

    /** An outcome of processing, applied whether the state allows it or not. */
    record Move(Outcome outcome, ConnectorReport report) implements Command {
        @Override
        public String toString() {
            return outcome.name() + "(" + report.entries().size() + " report entries)";
        }
    }

    /** The outcome moves of {@link ConnectorLifecycle}. */
    enum Outcome {
        PUBLISH_ANALYSIS_SUCCEEDED_WITH_CERTIFICATION,
        PUBLISH_ANALYSIS_SUCCEEDED_WITHOUT_CERTIFICATION,
        PUBLISH_FAILED,
        START_CERTIFICATION,
        APPROVE_CERTIFICATION,
        REJECT_CERTIFICATION,
        PREVIEW_GRANTED,
        PREVIEW_REJECTED;

        Either<ConnectError, ConnectorStaged> applyTo(ConnectorStaged c, ConnectorReport report) {
            switch (this) {
                case PUBLISH_ANALYSIS_SUCCEEDED_WITH_CERTIFICATION:
                    return ConnectorLifecycle.publishAnalysisSucceeded(c, true, report, CONTEXT.now());
                case PUBLISH_ANALYSIS_SUCCEEDED_WITHOUT_CERTIFICATION:
                    return ConnectorLifecycle.publishAnalysisSucceeded(c, false, report, CONTEXT.now());
                case PUBLISH_FAILED:
                    return ConnectorLifecycle.publishFailed(c, report, CONTEXT.now());
                case START_CERTIFICATION:
                    return ConnectorLifecycle.startCertification(c, CONTEXT.now());
                case APPROVE_CERTIFICATION:
                    return ConnectorLifecycle.approveCertification(c, CONTEXT.now());
                case REJECT_CERTIFICATION:
                    return ConnectorLifecycle.rejectCertification(c, report, CONTEXT.now());
                case PREVIEW_GRANTED:
                    return ConnectorLifecycle.previewGranted(c, report, CONTEXT.now());
                case PREVIEW_REJECTED:
                    return ConnectorLifecycle.previewRejected(c, report, CONTEXT.now());
                default:
                    throw new IllegalStateException("unknown outcome " + this);
            }
        }
    }

    /** The actions that move the lifecycle, sent alone so that scenarios reach every status. */
    private static Gen<ConnectorUpdateAction> lifecycleActions() {
        return Generate.frequency(
                Pair.of(3, booleans().all().map(ConnectorPublishAction::new)),
                Pair.of(2, Generate.constant(ConnectorUpdatePreviewableAction::new)),
                Pair.of(1, Generate.constant(ConnectorUnlistAction::new)));
    }

    static Gen<Command> commands() {
        Gen<Command> requests = Generators.updateRequests().map(Request::new);
        Gen<Command> lifecycleRequests = Generators.versionOffsets()
                .zip(lifecycleActions(), (offset, action) -> (Command) new Request(new UpdateRequest(offset, List.of(action))));
        Gen<Command> moves = Generate.enumValues(Outcome.class).zip(Generators.reports(), Move::new);
        return Generate.frequency(Pair.of(5, requests), Pair.of(2, lifecycleRequests), Pair.of(4, moves));
    }

    // ---- the properties ----

    private static final Set<ConnectorStatus> STATUSES_REACHED = EnumSet.noneOf(ConnectorStatus.class);
    private static final Set<IsPreviewable> PREVIEWABLES_REACHED = EnumSet.noneOf(IsPreviewable.class);

    @Test
    @DisplayName("the core and the model agree after every step of every scenario, and the core keeps its invariants")
    void coreAgreesWithTheModel() {
        AtomicLong steps = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        Seeds.check("the core agrees with the reference model", EXAMPLES, Generators.drafts(),
                lists().of(commands()).ofSizeBetween(1, 40), (draft, commands) -> {
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
        assertEquals(Model.STATUS_MOVES, ConnectorLifecycle.STATUS_EDGES);
        assertEquals(Model.PREVIEWABLE_MOVES, ConnectorLifecycle.PREVIEWABLE_EDGES);
    }

    /** One scenario: a draft and its commands, run step by step against the core and the model. */
    private static final class Scenario {
        private final ConnectorStagedDraft draft;
        private final List<Command> commands;
        private int accepted;

        Scenario(ConnectorStagedDraft draft, List<Command> commands) {
            this.draft = draft;
            this.commands = commands;
        }

        void run() {
            ConnectorStaged real = ConnectorStaging.create(draft, ID, CONTEXT.now())
                    .getOrElseThrow(errors -> new AssertionError("a valid draft was refused: " + errors));
            Model model = Model.of(draft);
            check(real, model, -1, null);
            for (int step = 0; step < commands.size(); step++) {
                Command command = commands.get(step);
                ConnectorStaged next;
                Model nextModel;
                if (command instanceof Request) {
                    UpdateRequest request = ((Request) command).request();
                    ConnectorUpdate update = request.against(real.version());
                    Either<Seq<ConnectError>, ConnectorStaged> result = ConnectorStaging.apply(real, update, CONTEXT);
                    nextModel = model.request(update.version(), update.actions());
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
                    Move move = (Move) command;
                    Either<ConnectError, ConnectorStaged> result = move.outcome().applyTo(real, move.report());
                    nextModel = model.move(move.outcome(), move.report());
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
        private void checkMove(ConnectorStaged before, ConnectorStaged after, int step, Command command) {
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
        private void check(ConnectorStaged real, Model model, int step, Command command) {
            STATUSES_REACHED.add(real.status());
            PREVIEWABLES_REACHED.add(real.isPreviewable());
            assertEquals(ID, real.id(), at(step, command, "id"));
            assertEquals(draft.key(), real.key(), at(step, command, "key"));
            assertEquals(model.version, real.version(), at(step, command, "version"));
            assertEquals(model.status, real.status(), at(step, command, "status"));
            assertEquals(model.previewable, real.isPreviewable(), at(step, command, "isPreviewable"));
            assertEquals(model.isPrivate, real.isPrivate(), at(step, command, "private"));
            assertEquals(model.privateProjects, real.privateProjects(), at(step, command, "privateProjects"));
            assertEquals(model.name, real.name(), at(step, command, "name"));
            assertEquals(model.description, real.description(), at(step, command, "description"));
            assertEquals(model.documentationUrl, real.documentationUrl(), at(step, command, "documentationUrl"));
            assertEquals(model.regions, real.supportedRegions(), at(step, command, "supportedRegions"));
            assertEquals(model.integrationTypes, real.integrationTypes(), at(step, command, "integrationTypes"));
            assertEquals(model.creator, real.creator(), at(step, command, "creator"));
            assertEquals(model.repository, real.repository(), at(step, command, "repository"));
            assertEquals(model.listed, real.alreadyListed(), at(step, command, "alreadyListed"));
            assertEquals(model.certified, Boolean.TRUE.equals(real.certified()), at(step, command, "certified"));
            assertEquals(model.hasChanges, real.hasChanges(), at(step, command, "hasChanges"));
            assertEquals(model.publishingReport, real.publishingReport(), at(step, command, "publishingReport"));
            assertEquals(model.previewableReport, real.previewableReport(), at(step, command, "previewableReport"));
            List<String> comments = real.certificationInfo() == null ? List.of()
                    : real.certificationInfo().comments().stream().map(CertificationInfoComment::comment).toList();
            assertEquals(model.comments, comments, at(step, command, "certification comments"));
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

        private static Supplier<String> at(int step, Command command, String what) {
            return at(step, command, () -> what);
        }

        private static Supplier<String> at(int step, Command command, Supplier<String> what) {
            return () -> step < 0 ? "after create: " + what.get() : "step " + step + " " + command + ": " + what.get();
        }
    }

    // ---- the reference model ----

    /**
     * What the API reference says, in a few fields and simple rules, written without the core:
     * a request is all or nothing and bumps the version once; a stale version or a publish being
     * processed refuses it; each action checks its own fields and the state; processing outcomes
     * move {@code status} and {@code isPreviewable} along the documented moves and bump the
     * version. {@code hasChanges} says whether the staged data differs from a production Connector,
     * which exists once a publish has succeeded.
     */
    static final class Model {
        /** The documented status moves: publish, the analysis, the certification desk. */
        static final Map<ConnectorStatus, Set<ConnectorStatus>> STATUS_MOVES = statusMoves();
        /** The documented previewable moves: request, then granted or rejected. */
        static final Map<IsPreviewable, Set<IsPreviewable>> PREVIEWABLE_MOVES = Map.of(
                IsPreviewable.NONE, Set.of(IsPreviewable.PENDING),
                IsPreviewable.TRUE, Set.of(IsPreviewable.PENDING),
                IsPreviewable.FALSE, Set.of(IsPreviewable.PENDING),
                IsPreviewable.PENDING, Set.of(IsPreviewable.TRUE, IsPreviewable.FALSE));

        long version;
        ConnectorStatus status;
        IsPreviewable previewable;
        boolean isPrivate;
        List<String> privateProjects;
        String name;
        String description;
        String documentationUrl;
        List<Region> regions;
        List<IntegrationType> integrationTypes;
        Creator creator;
        Repository repository;
        boolean listed;
        boolean certified;
        boolean hasChanges;
        boolean productionExists;
        ConnectorReport publishingReport;
        ConnectorReport previewableReport;
        List<String> comments;

        private static Map<ConnectorStatus, Set<ConnectorStatus>> statusMoves() {
            Map<ConnectorStatus, Set<ConnectorStatus>> moves = new EnumMap<>(ConnectorStatus.class);
            // publish
            moves.put(ConnectorStatus.DRAFT, Set.of(ConnectorStatus.PROCESSING));
            moves.put(ConnectorStatus.PUBLISHED, Set.of(ConnectorStatus.PROCESSING));
            moves.put(ConnectorStatus.FAILED, Set.of(ConnectorStatus.PROCESSING));
            // the analysis of the publish request
            moves.put(ConnectorStatus.PROCESSING, Set.of(ConnectorStatus.PUBLISHED, ConnectorStatus.READY_FOR_CERTIFICATION,
                    ConnectorStatus.FAILED));
            // the certification desk
            moves.put(ConnectorStatus.READY_FOR_CERTIFICATION, Set.of(ConnectorStatus.IN_CERTIFICATION));
            moves.put(ConnectorStatus.IN_CERTIFICATION, Set.of(ConnectorStatus.PUBLISHED, ConnectorStatus.FAILED));
            return Map.copyOf(moves);
        }

        /** A new connector: version 1, Draft, no preview requested, private (the create example answers so). */
        static Model of(ConnectorStagedDraft draft) {
            Model m = new Model();
            m.version = 1;
            m.status = ConnectorStatus.DRAFT;
            m.previewable = IsPreviewable.NONE;
            m.isPrivate = true;
            m.privateProjects = orEmpty(draft.privateProjects());
            m.name = draft.name();
            m.description = draft.description();
            m.documentationUrl = draft.documentationUrl();
            m.regions = orEmpty(draft.supportedRegions());
            m.integrationTypes = orEmpty(draft.integrationTypes());
            m.creator = draft.creator();
            m.repository = draft.repository();
            m.comments = List.of();
            return m;
        }

        Model copy() {
            Model m = new Model();
            m.version = version;
            m.status = status;
            m.previewable = previewable;
            m.isPrivate = isPrivate;
            m.privateProjects = privateProjects;
            m.name = name;
            m.description = description;
            m.documentationUrl = documentationUrl;
            m.regions = regions;
            m.integrationTypes = integrationTypes;
            m.creator = creator;
            m.repository = repository;
            m.listed = listed;
            m.certified = certified;
            m.hasChanges = hasChanges;
            m.productionExists = productionExists;
            m.publishingReport = publishingReport;
            m.previewableReport = previewableReport;
            m.comments = comments;
            return m;
        }

        /** The model after an update request, or {@code null} when the request is refused. */
        Model request(long sentVersion, List<ConnectorUpdateAction> actions) {
            if (sentVersion != version || status == ConnectorStatus.PROCESSING || actions.isEmpty()) {
                return null;
            }
            Model next = copy();
            boolean dataChanged = false;
            for (ConnectorUpdateAction action : actions) {
                if (next.status == ConnectorStatus.PROCESSING) {
                    return null; // a publish earlier in the request: no update until it completes
                }
                Boolean changedData = next.accept(action);
                if (changedData == null) {
                    return null;
                }
                dataChanged |= changedData;
            }
            next.version = version + 1;
            next.hasChanges = hasChanges || dataChanged && productionExists;
            return next;
        }

        /**
         * Applies one action to this model: {@code null} when the action is refused, else whether it
         * changed data that a publish copies to the production Connector.
         */
        private Boolean accept(ConnectorUpdateAction action) {
            switch (UpdateActionTypes.nameOf(action)) {
                case "setName": {
                    String value = ((ConnectorSetNameAction) action).name();
                    if (value == null) {
                        return null;
                    }
                    name = value;
                    return true;
                }
                case "setDescription":
                    description = ((ConnectorSetDescriptionAction) action).description();
                    return true;
                case "setRepository": {
                    ConnectorSetRepositoryAction a = (ConnectorSetRepositoryAction) action;
                    Repository next = new Repository(a.url() == null ? repository.url() : a.url(),
                            a.tag() == null ? repository.tag() : a.tag());
                    boolean changed = !next.equals(repository);
                    repository = next;
                    return changed;
                }
                case "setSupportedRegions": {
                    List<Region> value = ((ConnectorSetSupportedRegionsAction) action).regions();
                    if (value == null || value.isEmpty()) {
                        return null; // MinItems: 1
                    }
                    regions = value;
                    return true;
                }
                case "setDocumentationUrl":
                    documentationUrl = ((ConnectorSetDocumentationUrlAction) action).documentationUrl();
                    return true;
                case "setIntegrationTypes": {
                    List<IntegrationType> value = ((ConnectorSetIntegrationTypesAction) action).integrationTypes();
                    if (value == null) {
                        return null;
                    }
                    integrationTypes = value;
                    return true;
                }
                case "setCreatorName":
                    creator = creator.withName(((ConnectorSetCreatorNameAction) action).creatorName());
                    return true;
                case "setCreatorTitle":
                    creator = creator.withTitle(((ConnectorSetCreatorTitleAction) action).creatorTitle());
                    return true;
                case "setCreatorEmail": {
                    String value = ((ConnectorSetCreatorEmailAction) action).creatorEmail();
                    if (value == null) {
                        return null; // a creator has an email
                    }
                    creator = creator.withEmail(value);
                    return true;
                }
                case "setCreatorCompany":
                    creator = creator.withCompany(((ConnectorSetCreatorCompanyAction) action).creatorCompany());
                    return true;
                case "setCreatorNoOfContributors": {
                    Integer value = ((ConnectorSetCreatorNoOfContributorsAction) action).creatorNoOfContributors();
                    if (value == null || value < 1) {
                        return null; // Minimum: 1
                    }
                    creator = creator.withNoOfContributors(value);
                    return true;
                }
                case "setCreatorSupportUrl":
                    creator = creator.withSupportUrl(((ConnectorSetCreatorSupportUrlAction) action).creatorSupportUrl());
                    return true;
                case "setCreatorLogo":
                    creator = creator.withLogoUrl(((ConnectorSetCreatorLogoAction) action).logoUrl());
                    return true;
                case "addPrivateProject": {
                    String project = ((ConnectorAddPrivateProjectAction) action).privateProject();
                    if (!isProject(project) || !isPrivate || privateProjects.contains(project)) {
                        return null;
                    }
                    List<String> more = new ArrayList<>(privateProjects);
                    more.add(project);
                    privateProjects = List.copyOf(more);
                    return false;
                }
                case "removePrivateProject": {
                    String project = ((ConnectorRemovePrivateProjectAction) action).privateProject();
                    if (!isProject(project) || !isPrivate || !privateProjects.contains(project)) {
                        return null;
                    }
                    List<String> fewer = new ArrayList<>(privateProjects);
                    fewer.remove(project);
                    privateProjects = List.copyOf(fewer);
                    return false;
                }
                case "updatePreviewable":
                    if (previewable == IsPreviewable.PENDING) {
                        return null; // ConnectorStagedPreviewRequestUnderProcess
                    }
                    previewable = IsPreviewable.PENDING;
                    previewableReport = null;
                    return false;
                case "publish": {
                    Boolean certification = ((ConnectorPublishAction) action).certification();
                    if (certification == null) {
                        return null;
                    }
                    if (status == ConnectorStatus.READY_FOR_CERTIFICATION || status == ConnectorStatus.IN_CERTIFICATION) {
                        return null; // in the certification process
                    }
                    if (certification && certified && listed && !hasChanges) {
                        return null; // ConnectorAlreadyCertified: nothing new to certify
                    }
                    status = ConnectorStatus.PROCESSING;
                    publishingReport = null;
                    return false;
                }
                case "unlist":
                    if (!listed) {
                        return null;
                    }
                    listed = false;
                    return false;
                case "addCertificationComment": {
                    String comment = ((ConnectorAddCertificationCommentAction) action).comment();
                    if (comment == null) {
                        return null;
                    }
                    List<String> more = new ArrayList<>(comments);
                    more.add(comment);
                    comments = List.copyOf(more);
                    return false;
                }
                default:
                    return fail("the model does not know " + action);
            }
        }

        /** The model after an outcome of processing, or {@code null} when the state does not allow it. */
        Model move(Outcome outcome, ConnectorReport report) {
            Model next = copy();
            next.version = version + 1;
            switch (outcome) {
                case PUBLISH_ANALYSIS_SUCCEEDED_WITH_CERTIFICATION:
                    if (status != ConnectorStatus.PROCESSING) {
                        return null;
                    }
                    next.status = ConnectorStatus.READY_FOR_CERTIFICATION;
                    next.publishingReport = report;
                    return next;
                case PUBLISH_ANALYSIS_SUCCEEDED_WITHOUT_CERTIFICATION:
                    if (status != ConnectorStatus.PROCESSING) {
                        return null;
                    }
                    // "Set to false to make the Connector private and skip the certification process."
                    // A private Connector is not in the public listings.
                    next.status = ConnectorStatus.PUBLISHED;
                    next.isPrivate = true;
                    next.listed = false;
                    next.publishingReport = report;
                    next.productionExists = true;
                    next.hasChanges = false;
                    return next;
                case PUBLISH_FAILED:
                    if (status != ConnectorStatus.PROCESSING) {
                        return null;
                    }
                    next.status = ConnectorStatus.FAILED;
                    next.publishingReport = report;
                    return next;
                case START_CERTIFICATION:
                    if (status != ConnectorStatus.READY_FOR_CERTIFICATION) {
                        return null;
                    }
                    next.status = ConnectorStatus.IN_CERTIFICATION;
                    return next;
                case APPROVE_CERTIFICATION:
                    if (status != ConnectorStatus.IN_CERTIFICATION) {
                        return null;
                    }
                    // "After completing the certification process, the Connector will become publicly available."
                    next.status = ConnectorStatus.PUBLISHED;
                    next.listed = true;
                    next.certified = true;
                    next.isPrivate = false;
                    next.productionExists = true;
                    next.hasChanges = false;
                    return next;
                case REJECT_CERTIFICATION:
                    if (status != ConnectorStatus.IN_CERTIFICATION) {
                        return null;
                    }
                    next.status = ConnectorStatus.FAILED;
                    next.publishingReport = report;
                    return next;
                case PREVIEW_GRANTED:
                case PREVIEW_REJECTED:
                    if (previewable != IsPreviewable.PENDING) {
                        return null;
                    }
                    next.previewable = outcome == Outcome.PREVIEW_GRANTED ? IsPreviewable.TRUE : IsPreviewable.FALSE;
                    next.previewableReport = report;
                    return next;
                default:
                    return fail("the model does not know " + outcome);
            }
        }

        private static boolean isProject(String project) {
            return project != null && PROJECT_IDENTIFIER.matcher(project).matches();
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : List.copyOf(Objects.requireNonNull(list));
        }
    }
}
