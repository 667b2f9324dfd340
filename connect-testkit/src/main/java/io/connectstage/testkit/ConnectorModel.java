package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.fail;

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
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.connector.ConnectorReport;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.json.UpdateActionTypes;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the API reference says, in a few fields and simple rules, written without the core:
 * a request is all or nothing and bumps the version once; a stale version or a publish being
 * processed refuses it; each action checks its own fields and the state; processing outcomes
 * move {@code status} and {@code isPreviewable} along the documented moves and bump the
 * version. {@code hasChanges} says whether the staged data differs from a production Connector,
 * which exists once a publish has succeeded.
 *
 * <p>The reference model of the status and previewable state machines of a ConnectorStaged, for
 * checking a tool that drives them: given a draft and a sequence of {@link ConnectorCommand}s, it
 * says which commands are refused and the expected version, {@code status}, {@code isPreviewable}
 * and fields after each one. It knows nothing of ids, keys and times.
 *
 * <pre>{@code
 * ConnectorModel.Run expected = ConnectorModel.run(draft, List.of(
 *         ConnectorCommand.request(new ConnectorUpdatePreviewableAction()),
 *         ConnectorCommand.request(new ConnectorPublishAction(false)),
 *         ConnectorCommand.request(new ConnectorSetNameAction("renamed"))));
 * expected.steps().get(2).accepted();  // false: a publish is being processed
 * expected.last().status();            // ConnectorStatus.PROCESSING
 * expected.last().previewable();       // IsPreviewable.PENDING
 * expected.last().version();           // 3
 * }</pre>
 */
public final class ConnectorModel {
    private static final Pattern PROJECT_IDENTIFIER = Pattern.compile("^[a-zA-Z0-9-_.]+:[a-zA-Z0-9-_]{2,36}$");
    /** The documented status moves: publish, the analysis, the certification desk. */
    public static final Map<ConnectorStatus, Set<ConnectorStatus>> STATUS_MOVES = statusMoves();
    /** The documented previewable moves: request, then granted or rejected. */
    public static final Map<IsPreviewable, Set<IsPreviewable>> PREVIEWABLE_MOVES = Map.of(
            IsPreviewable.NONE, Set.of(IsPreviewable.PENDING),
            IsPreviewable.TRUE, Set.of(IsPreviewable.PENDING),
            IsPreviewable.FALSE, Set.of(IsPreviewable.PENDING),
            IsPreviewable.PENDING, Set.of(IsPreviewable.TRUE, IsPreviewable.FALSE));

    private long version;
    private ConnectorStatus status;
    private IsPreviewable previewable;
    private boolean isPrivate;
    private List<String> privateProjects;
    private String name;
    private String description;
    private String documentationUrl;
    private List<Region> regions;
    private List<IntegrationType> integrationTypes;
    private Creator creator;
    private Repository repository;
    private boolean listed;
    private boolean certified;
    private boolean hasChanges;
    private boolean productionExists;
    private ConnectorReport publishingReport;
    private ConnectorReport previewableReport;
    private List<String> comments;

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
    public static ConnectorModel of(ConnectorStagedDraft draft) {
        ConnectorModel m = new ConnectorModel();
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

    /** One step of a {@link Run}: the command, whether the model accepts it, and the state after it. */
    public record Step(int index, ConnectorCommand command, boolean accepted, ConnectorModel state) {
    }

    /** The steps of a scenario run against the model, from the state after create. */
    public record Run(ConnectorModel created, List<Step> steps) {
        public Run {
            Objects.requireNonNull(created, "created is null");
            steps = List.copyOf(steps);
        }

        /** The state after the last command (the created state when there is none). */
        public ConnectorModel last() {
            return steps.isEmpty() ? created : steps.get(steps.size() - 1).state();
        }

        /** The commands the model refuses, in order. */
        public List<ConnectorCommand> refused() {
            return steps.stream().filter(s -> !s.accepted()).map(Step::command).toList();
        }

        /** How many commands the model accepts. */
        public int accepted() {
            return (int) steps.stream().filter(Step::accepted).count();
        }
    }

    /** {@code commands} run one after the other from the connector that {@code draft} creates. */
    public static Run run(ConnectorStagedDraft draft, List<ConnectorCommand> commands) {
        ConnectorModel created = of(draft);
        ConnectorModel model = created;
        List<Step> steps = new ArrayList<>();
        for (ConnectorCommand command : commands) {
            Option<ConnectorModel> next = model.apply(command);
            steps.add(new Step(steps.size(), command, next.isDefined(), next.getOrElse(model)));
            model = next.getOrElse(model);
        }
        return new Run(created, steps);
    }

    /**
     * The model after {@code command}, or none when it is refused. A request's version is this
     * model's version plus its offset.
     */
    public Option<ConnectorModel> apply(ConnectorCommand command) {
        if (command instanceof ConnectorCommand.Request) {
            ConnectorCommand.Request request = (ConnectorCommand.Request) command;
            return request(version + request.request().versionOffset(), request.request().actions());
        }
        ConnectorCommand.Move move = (ConnectorCommand.Move) command;
        return move(move.outcome(), move.report());
    }

    /** The model after an update request sent with {@code sentVersion}, or none when the request is refused. */
    public Option<ConnectorModel> request(long sentVersion, List<ConnectorUpdateAction> actions) {
        return Option.of(requestOrNull(sentVersion, actions));
    }

    /** The model after an outcome of processing, or none when the state does not allow it. */
    public Option<ConnectorModel> move(ProcessingOutcome outcome, ConnectorReport report) {
        return Option.of(moveOrNull(outcome, report));
    }

    public long version() {
        return version;
    }

    public ConnectorStatus status() {
        return status;
    }

    public IsPreviewable previewable() {
        return previewable;
    }

    public boolean isPrivate() {
        return isPrivate;
    }

    public List<String> privateProjects() {
        return privateProjects;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String documentationUrl() {
        return documentationUrl;
    }

    public List<Region> supportedRegions() {
        return regions;
    }

    public List<IntegrationType> integrationTypes() {
        return integrationTypes;
    }

    public Creator creator() {
        return creator;
    }

    public Repository repository() {
        return repository;
    }

    /** Whether the connector is in the public listings. */
    public boolean alreadyListed() {
        return listed;
    }

    public boolean certified() {
        return certified;
    }

    /** Whether the staged data differs from the production Connector (false while there is none). */
    public boolean hasChanges() {
        return hasChanges;
    }

    public ConnectorReport publishingReport() {
        return publishingReport;
    }

    public ConnectorReport previewableReport() {
        return previewableReport;
    }

    /** The texts of the certification comments, oldest first. */
    public List<String> comments() {
        return comments;
    }

    @Override
    public String toString() {
        return "ConnectorModel[version " + version + ", " + status + ", isPreviewable " + previewable + "]";
    }

    private ConnectorModel copy() {
        ConnectorModel m = new ConnectorModel();
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
    private ConnectorModel requestOrNull(long sentVersion, List<ConnectorUpdateAction> actions) {
        if (sentVersion != version || status == ConnectorStatus.PROCESSING || actions.isEmpty()) {
            return null;
        }
        ConnectorModel next = copy();
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
    private ConnectorModel moveOrNull(ProcessingOutcome outcome, ConnectorReport report) {
        ConnectorModel next = copy();
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
                next.previewable = outcome == ProcessingOutcome.PREVIEW_GRANTED ? IsPreviewable.TRUE : IsPreviewable.FALSE;
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
