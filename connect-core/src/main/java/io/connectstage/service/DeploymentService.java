package io.connectstage.service;

import static io.connectstage.service.Answers.checked;
import static io.connectstage.service.Answers.errors;
import static io.connectstage.service.Answers.found;
import static io.connectstage.service.Answers.stored;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorReference;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.deployment.ConnectorAccess;
import io.connectstage.deployment.DeployableConnector;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentErrors;
import io.connectstage.deployment.DeploymentLifecycle;
import io.connectstage.deployment.DeploymentLogPage;
import io.connectstage.deployment.DeploymentLogPaging;
import io.connectstage.deployment.DeploymentLogQuery;
import io.connectstage.deployment.DeploymentRedeployAction;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.deployment.DeploymentUpdate;
import io.connectstage.deployment.DeploymentUpdateContext;
import io.connectstage.deployment.Deployments;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.resource.ResourceRef;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentQuery;
import io.connectstage.store.DeploymentQueryPage;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The Deployment endpoints of the Connect API ({@code /{projectKey}/deployments…}) as a Java
 * service of one project (its {@link Builder#projectKey}): create, get and redeploy by id or key
 * ({@link ResourceRef}), query, delete (undeploy), and read logs. The
 * imperative shell around {@link Deployments} and {@link DeploymentLifecycle}: it reads the clock,
 * makes ids, finds the staged or published connector a draft names, and stores each change with
 * the work of its next step in one write; a {@link ConnectorProcessor} built with
 * {@code .deployments(store)} does the steps. Every failure is an {@link ErrorResponse}; nothing
 * throws for bad input ({@code null} included).
 *
 * <pre>{@code
 * DeploymentService deployments = DeploymentService.builder(deploymentStore, connectorStore, publishedStore)
 *     .projectKey("my-project").processing(processor).build();
 * Either<ErrorResponse, Deployment> created = deployments.create(draft);     // Queued
 * deployments.get(ResourceRef.id(created.get().id()));                      // later: Deployed
 * deployments.delete(ResourceRef.key("my-deployment"), null);              // Undeploying, then gone
 * }</pre>
 */
public final class DeploymentService {
    private final DeploymentStore store;
    private final ConnectorStore staged;
    private final PublishedConnectorStore published;
    private final Clock clock;
    private final Supplier<String> ids;
    private final ConnectorProcessor processor;
    private final Predicate<String> productionDeactivated;
    private final Function<String, Option<ConnectorAccess>> publishedAccess;
    private final String projectKey;

    private DeploymentService(Builder b) {
        this.store = b.store;
        this.staged = b.staged;
        this.published = b.published;
        this.clock = b.clock;
        this.ids = b.ids;
        this.processor = b.processor;
        this.productionDeactivated = b.productionDeactivated;
        this.publishedAccess = b.publishedAccess;
        this.projectKey = b.projectKey;
    }

    /**
     * A builder over these stores, with the system UTC clock and random UUIDs, without processing.
     * {@code staged} holds the ConnectorStaged of the deploying project, as its
     * {@code /connectors/drafts} do: a connector found there was created by the calling project,
     * which may therefore always deploy it (see {@link ConnectorAccess}).
     */
    public static Builder builder(DeploymentStore store, ConnectorStore staged, PublishedConnectorStore published) {
        return new Builder(store, staged, published);
    }

    /** The store this service writes to. */
    public DeploymentStore store() {
        return store;
    }

    /** The project whose Deployments this service manages. */
    public String projectKey() {
        return projectKey;
    }

    /**
     * Creates a Deployment of the connector the draft names into this service's project: the staged
     * connector for a {@code preview} (or a reference with {@code staged: true}), the published
     * Connector otherwise (the staged one when there is none and no type was asked for). Answers it
     * {@code Queued}; its deploy step is stored with it. A {@code production} Deployment into a
     * project whose production deployments are disabled ({@link Builder#productionDeactivated})
     * answers {@code DeploymentProductionDeactivated}, with every other error of the request.
     */
    public Either<ErrorResponse, Deployment> create(DeploymentDraft draft) {
        if (draft == null) {
            return Either.left(ErrorResponse.of(ConnectError.invalidJson("the request body must be a DeploymentDraft")));
        }
        ConnectorReference ref = draft.connector();
        if (ref == null) {
            return Either.left(ErrorResponse.of(ConnectError.requiredField("connector")));
        }
        if (ref.id() == null && ref.key() == null) {
            return Either.left(ErrorResponse.of(ConnectError.invalidField("connector", "needs an id or a key")));
        }
        List<ConnectError> refused = new ArrayList<>(1);
        if (draft.type() == DeploymentType.PRODUCTION && productionDeactivated.test(projectKey)) {
            refused.add(DeploymentErrors.productionDeactivated());
        }
        DeployableConnector connector = deployable(draft);
        if (connector == null) {
            String identifier = ref.key() != null ? ref.key() : ref.id();
            refused.add(stillProcessing(ref) ? DeploymentErrors.connectorStillProcessing(identifier, ref.version())
                    : DeploymentErrors.connectorReferenceNotFound(identifier, ref.version()));
            return Either.left(ErrorResponse.of(refused));
        }
        Either<Seq<ConnectError>, Deployment> created = Deployments.create(draft, connector, projectKey, ids.get(), now());
        if (!refused.isEmpty()) {
            created.swap().forEach(errors -> refused.addAll(errors.asJava()));
            return Either.left(ErrorResponse.of(refused));
        }
        Either<ErrorResponse, Deployment> stored = errors(created)
                .flatMap(d -> stored(store.insert(projectKey, d,
                        DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.DEPLOY, projectKey, d)))));
        stored.forEach(x -> wake());
        return stored;
    }

    private DeployableConnector deployable(DeploymentDraft draft) {
        ConnectorReference ref = draft.connector();
        boolean wantsStaged = Boolean.TRUE.equals(ref.staged()) || draft.type() == DeploymentType.PREVIEW;
        Option<ConnectorStaged> s = ref.id() != null ? staged.findById(ref.id()) : staged.findByKey(ref.key());
        if (!wantsStaged) {
            Option<Connector> p = ref.id() != null ? published.findById(ref.id()) : published.findByKey(ref.key());
            if (p.isDefined()) {
                return DeployableConnector.published(p.get(), accessOf(p.get().id()));
            }
            if (draft.type() != null || Boolean.FALSE.equals(ref.staged())) {
                return null;
            }
        }
        return s.map(c -> DeployableConnector.staged(c, projectKey)).getOrNull();
    }

    /** Whether the reference names a ConnectorStaged of this project whose publish is still being processed. */
    private boolean stillProcessing(ConnectorReference ref) {
        Option<ConnectorStaged> s = ref.id() != null ? staged.findById(ref.id()) : staged.findByKey(ref.key());
        return s.exists(c -> c.status() == ConnectorStatus.PROCESSING);
    }

    /** The project's Deployment with this id or key: {@code ResourceNotFound} when there is none. */
    public Either<ErrorResponse, Deployment> get(ResourceRef ref) {
        return found(ref, id -> store.findById(projectKey, id), key -> store.findByKey(projectKey, key));
    }

    /**
     * A page of the project's Deployments, as {@code GET /{projectKey}/deployments} answers it. The
     * query's {@code projectKey} is this service's project ({@code DeploymentQuery.of(service.projectKey())});
     * a query of another project is refused, not answered with another project's Deployments.
     */
    public Either<ErrorResponse, PagedQueryResponse<Deployment>> query(DeploymentQuery query) {
        if (query != null && query.projectKey() != null && !query.projectKey().equals(projectKey)) {
            return Either.left(ErrorResponse.of(ConnectError.invalidPathParam("projectKey", "this service manages the "
                    + "Deployments of project '" + projectKey + "', not of '" + query.projectKey() + "'")));
        }
        return checked(query, DeploymentQuery::errors).map(q -> {
            DeploymentQueryPage page = store.query(q);
            return PagedQueryResponse.of(q.limit(), q.offset(), page.total(), page.results());
        });
    }

    /** Applies an update ({@code redeploy}) to the Deployment with this id or key; a redeploy stores its deploy step with it. */
    public Either<ErrorResponse, Deployment> update(ResourceRef ref, DeploymentUpdate update) {
        return get(ref).flatMap(current -> update(current, update));
    }

    /**
     * Deletes (undeploys): the Deployment becomes {@code Undeploying} (answered, as the API's 202
     * does) and its undeploy step removes it. With a {@code version}, a Deployment of another
     * version answers {@code ConcurrentModification}.
     */
    public Either<ErrorResponse, Deployment> delete(ResourceRef ref, Long version) {
        return get(ref).flatMap(current -> delete(current, version));
    }

    /** A page of the logs of the Deployment with this id or key ({@link DeploymentLogPaging}). */
    public Either<ErrorResponse, DeploymentLogPage> logs(ResourceRef ref, DeploymentLogQuery query) {
        return get(ref).flatMap(d -> logs(d, query));
    }

    private Either<ErrorResponse, DeploymentLogPage> logs(Deployment d, DeploymentLogQuery query) {
        DeploymentLogQuery q = query == null ? DeploymentLogQuery.firstPage() : query;
        return errors(DeploymentLogPaging.page(d, range -> store.logs(d.id(), range), q, now()));
    }

    private Either<ErrorResponse, Deployment> update(Deployment current, DeploymentUpdate update) {
        DeploymentUpdateContext context = new DeploymentUpdateContext(now(), latest(current));
        Either<ErrorResponse, Deployment> next = errors(Deployments.apply(current, update, context));
        if (next.isLeft()) {
            return next;
        }
        Deployment d = next.get();
        boolean queued = d.status() == DeploymentStatus.QUEUED && current.status() != DeploymentStatus.QUEUED;
        DeploymentWrite write = queued ? DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.DEPLOY, projectKey, d)
                .skippingScripts(skipsScripts(update))) : DeploymentWrite.NONE;
        Either<ErrorResponse, Deployment> stored = stored(store.replace(projectKey, d, current.version(), write));
        if (queued) {
            stored.forEach(x -> wake());
        }
        return stored;
    }

    /** Whether the update redeploys with {@code skipScripts}: its build then runs no scripts. */
    private static boolean skipsScripts(DeploymentUpdate update) {
        return update.actions().stream().anyMatch(a -> a instanceof DeploymentRedeployAction r && r.skipsScripts());
    }

    /** The connector of a Deployment as it is now, for a redeploy with {@code updateConnector}. */
    private DeployableConnector latest(Deployment current) {
        String id = current.connector().id();
        if (current.type() == DeploymentType.PREVIEW) {
            return staged.findById(id).map(c -> DeployableConnector.staged(c, projectKey)).getOrNull();
        }
        return published.findById(id).map(p -> DeployableConnector.published(p, accessOf(id))).getOrNull();
    }

    /**
     * Who may use the published Connector with this id: when its ConnectorStaged is in this
     * service's staged store, the calling project created it, and its {@code privateProjects} are
     * read there; otherwise another project created it, and {@link Builder#publishedAccess} tells.
     */
    private ConnectorAccess accessOf(String connectorId) {
        Option<ConnectorStaged> own = staged.findById(connectorId);
        if (own.isDefined()) {
            return new ConnectorAccess(projectKey, own.get().privateProjects());
        }
        return publishedAccess.apply(connectorId).getOrElse(() -> ConnectorAccess.sharedWith(List.of()));
    }

    private Either<ErrorResponse, Deployment> delete(Deployment current, Long version) {
        Instant now = now();
        Either<ConnectError, Deployment> next = version == null ? DeploymentLifecycle.requestUndeploy(current, now)
                : DeploymentLifecycle.requestUndeploy(current, version, now);
        if (next.isLeft()) {
            return Either.left(ErrorResponse.of(next.getLeft()));
        }
        Either<ErrorResponse, Deployment> stored = stored(store.replace(projectKey, next.get(), current.version(),
                DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.UNDEPLOY, projectKey, next.get()))));
        stored.forEach(x -> wake());
        return stored;
    }

    private void wake() {
        if (processor != null) {
            processor.wake();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Wiring of a {@link DeploymentService}; every part has a default but the stores. */
    public static final class Builder {
        private final DeploymentStore store;
        private final ConnectorStore staged;
        private final PublishedConnectorStore published;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private ConnectorProcessor processor;
        private Predicate<String> productionDeactivated = projectKey -> false;
        private Function<String, Option<ConnectorAccess>> publishedAccess = id -> Option.none();
        private String projectKey = "connectstage";

        private Builder(DeploymentStore store, ConnectorStore staged, PublishedConnectorStore published) {
            this.store = Objects.requireNonNull(store, "store is null");
            this.staged = Objects.requireNonNull(staged, "staged is null");
            this.published = Objects.requireNonNull(published, "published is null");
        }

        /** The clock of report and log times (and of the logs' 30-day window). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** Where Deployment ids come from; default random UUIDs. */
        public Builder ids(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "ids is null");
            return this;
        }

        /** The processor to wake when a change leaves a step (it must be built with {@code .deployments(store)}). */
        public Builder processing(ConnectorProcessor value) {
            this.processor = Objects.requireNonNull(value, "processor is null");
            return this;
        }

        /**
         * The projects whose deployments to production are disabled: creating a {@code production}
         * Deployment there answers {@code DeploymentProductionDeactivated} ("Deployments to
         * production are disabled for this Project…"), as the API does for a Project that support
         * has not enabled for production; {@code sandbox} and {@code preview} Deployments are not
         * affected, nor are Deployments made before. The Connect API has no resource for this
         * setting (it belongs to the Project), so this fake takes it as a test of the project key,
         * asked at each create; default: enabled everywhere.
         *
         * <pre>{@code
         * Set<String> deactivated = ConcurrentHashMap.newKeySet();
         * DeploymentService.builder(store, staged, published).productionDeactivated(deactivated::contains).build();
         * deactivated.add("my-project");   // from now on, production deployments into my-project are refused
         * }</pre>
         */
        public Builder productionDeactivated(Predicate<String> projectKeys) {
            this.productionDeactivated = Objects.requireNonNull(projectKeys, "projectKeys is null");
            return this;
        }

        /**
         * Who may use a published Connector that another project created (its ConnectorStaged is
         * not in this service's staged store), by Connector id: that project and its
         * {@code privateProjects}. A server that shares one store of published Connectors between
         * projects records this at each publish. Default: nothing known, so such a Connector can
         * be deployed only when it is public.
         */
        public Builder publishedAccess(Function<String, Option<ConnectorAccess>> value) {
            this.publishedAccess = Objects.requireNonNull(value, "publishedAccess is null");
            return this;
        }

        /**
         * The project whose Deployments the service manages, as {@code /{projectKey}/deployments}
         * names it (default {@code connectstage}, as {@link ConnectorStagedService.Builder#projectKey});
         * a connector of the staged store given to {@link DeploymentService#builder} was created by it.
         */
        public Builder projectKey(String value) {
            this.projectKey = Objects.requireNonNull(value, "projectKey is null");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("projectKey is empty");
            }
            return this;
        }

        public DeploymentService build() {
            return new DeploymentService(this);
        }
    }
}
