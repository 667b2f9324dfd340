package io.connectstage.service;

import static io.connectstage.service.Answers.checked;
import static io.connectstage.service.Answers.errors;
import static io.connectstage.service.Answers.found;
import static io.connectstage.service.Answers.stored;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorReference;
import io.connectstage.connector.ConnectorStaged;
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
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.deployment.DeploymentUpdate;
import io.connectstage.deployment.DeploymentUpdateContext;
import io.connectstage.deployment.Deployments;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.ConnectorProcessor;
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
 * service: create, get and redeploy by id or key, query, delete (undeploy), and read logs. The
 * imperative shell around {@link Deployments} and {@link DeploymentLifecycle}: it reads the clock,
 * makes ids, finds the staged or published connector a draft names, and stores each change with
 * the work of its next step in one write; a {@link ConnectorProcessor} built with
 * {@code .deployments(store)} does the steps. Every failure is an {@link ErrorResponse}; nothing
 * throws for bad input ({@code null} included).
 *
 * <pre>{@code
 * DeploymentService deployments = DeploymentService.builder(deploymentStore, connectorStore, publishedStore)
 *     .processing(processor).build();
 * Either<ErrorResponse, Deployment> created = deployments.create("my-project", draft);   // Queued
 * deployments.getById("my-project", created.get().id());                                  // later: Deployed
 * deployments.deleteById("my-project", id, null);                                         // Undeploying, then gone
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

    private DeploymentService(Builder b) {
        this.store = b.store;
        this.staged = b.staged;
        this.published = b.published;
        this.clock = b.clock;
        this.ids = b.ids;
        this.processor = b.processor;
        this.productionDeactivated = b.productionDeactivated;
        this.publishedAccess = b.publishedAccess;
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

    /**
     * Creates a Deployment of the connector the draft names into {@code projectKey}: the staged
     * connector for a {@code preview} (or a reference with {@code staged: true}), the published
     * Connector otherwise (the staged one when there is none and no type was asked for). Answers it
     * {@code Queued}; its deploy step is stored with it. A {@code production} Deployment into a
     * project whose production deployments are disabled ({@link Builder#productionDeactivated})
     * answers {@code DeploymentProductionDeactivated}, with every other error of the request.
     */
    public Either<ErrorResponse, Deployment> create(String projectKey, DeploymentDraft draft) {
        Either<ErrorResponse, String> project = project(projectKey);
        if (project.isLeft()) {
            return Either.left(project.getLeft());
        }
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
        DeployableConnector connector = deployable(projectKey, draft);
        if (connector == null) {
            refused.add(DeploymentErrors.connectorReferenceNotFound(ref.key() != null ? ref.key() : ref.id(), ref.version()));
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

    private DeployableConnector deployable(String projectKey, DeploymentDraft draft) {
        ConnectorReference ref = draft.connector();
        boolean wantsStaged = Boolean.TRUE.equals(ref.staged()) || draft.type() == DeploymentType.PREVIEW;
        Option<ConnectorStaged> s = ref.id() != null ? staged.findById(ref.id()) : staged.findByKey(ref.key());
        if (!wantsStaged) {
            Option<Connector> p = ref.id() != null ? published.findById(ref.id()) : published.findByKey(ref.key());
            if (p.isDefined()) {
                return DeployableConnector.published(p.get(), accessOf(projectKey, p.get().id()));
            }
            if (draft.type() != null || Boolean.FALSE.equals(ref.staged())) {
                return null;
            }
        }
        return s.map(c -> DeployableConnector.staged(c, projectKey)).getOrNull();
    }

    public Either<ErrorResponse, Deployment> getById(String projectKey, String id) {
        return project(projectKey).flatMap(p -> found(id == null ? Option.none() : store.findById(p, id), "id '" + id + "'"));
    }

    public Either<ErrorResponse, Deployment> getByKey(String projectKey, String key) {
        return project(projectKey).flatMap(p -> found(key == null ? Option.none() : store.findByKey(p, key), "key '" + key + "'"));
    }

    /** A page of the project's Deployments, as {@code GET /{projectKey}/deployments} answers it. */
    public Either<ErrorResponse, PagedQueryResponse<Deployment>> query(DeploymentQuery query) {
        return checked(query, DeploymentQuery::errors).map(q -> {
            DeploymentQueryPage page = store.query(q);
            return PagedQueryResponse.of(q.limit(), q.offset(), page.total(), page.results());
        });
    }

    /** Applies an update ({@code redeploy}); a redeploy stores its deploy step with it. */
    public Either<ErrorResponse, Deployment> updateById(String projectKey, String id, DeploymentUpdate update) {
        return getById(projectKey, id).flatMap(current -> update(projectKey, current, update));
    }

    public Either<ErrorResponse, Deployment> updateByKey(String projectKey, String key, DeploymentUpdate update) {
        return getByKey(projectKey, key).flatMap(current -> update(projectKey, current, update));
    }

    /**
     * Deletes (undeploys): the Deployment becomes {@code Undeploying} (answered, as the API's 202
     * does) and its undeploy step removes it. With a {@code version}, a Deployment of another
     * version answers {@code ConcurrentModification}.
     */
    public Either<ErrorResponse, Deployment> deleteById(String projectKey, String id, Long version) {
        return getById(projectKey, id).flatMap(current -> delete(projectKey, current, version));
    }

    public Either<ErrorResponse, Deployment> deleteByKey(String projectKey, String key, Long version) {
        return getByKey(projectKey, key).flatMap(current -> delete(projectKey, current, version));
    }

    /** A page of the Deployment's logs ({@link DeploymentLogPaging}). */
    public Either<ErrorResponse, DeploymentLogPage> logsById(String projectKey, String id, DeploymentLogQuery query) {
        return getById(projectKey, id).flatMap(d -> logs(d, query));
    }

    public Either<ErrorResponse, DeploymentLogPage> logsByKey(String projectKey, String key, DeploymentLogQuery query) {
        return getByKey(projectKey, key).flatMap(d -> logs(d, query));
    }

    private Either<ErrorResponse, DeploymentLogPage> logs(Deployment d, DeploymentLogQuery query) {
        DeploymentLogQuery q = query == null ? DeploymentLogQuery.firstPage() : query;
        return errors(DeploymentLogPaging.page(d, range -> store.logs(d.id(), range), q, now()));
    }

    private Either<ErrorResponse, Deployment> update(String projectKey, Deployment current, DeploymentUpdate update) {
        DeploymentUpdateContext context = new DeploymentUpdateContext(now(), latest(projectKey, current));
        Either<ErrorResponse, Deployment> next = errors(Deployments.apply(current, update, context));
        if (next.isLeft()) {
            return next;
        }
        Deployment d = next.get();
        boolean queued = d.status() == DeploymentStatus.QUEUED && current.status() != DeploymentStatus.QUEUED;
        DeploymentWrite write = queued ? DeploymentWrite.enqueueing(Work.deploymentStep(WorkKind.DEPLOY, projectKey, d))
                : DeploymentWrite.NONE;
        Either<ErrorResponse, Deployment> stored = stored(store.replace(projectKey, d, current.version(), write));
        if (queued) {
            stored.forEach(x -> wake());
        }
        return stored;
    }

    /** The connector of a Deployment as it is now, for a redeploy with {@code updateConnector}. */
    private DeployableConnector latest(String projectKey, Deployment current) {
        String id = current.connector().id();
        if (current.type() == DeploymentType.PREVIEW) {
            return staged.findById(id).map(c -> DeployableConnector.staged(c, projectKey)).getOrNull();
        }
        return published.findById(id).map(p -> DeployableConnector.published(p, accessOf(projectKey, id))).getOrNull();
    }

    /**
     * Who may use the published Connector with this id: when its ConnectorStaged is in this
     * service's staged store, the calling project created it, and its {@code privateProjects} are
     * read there; otherwise another project created it, and {@link Builder#publishedAccess} tells.
     */
    private ConnectorAccess accessOf(String projectKey, String connectorId) {
        Option<ConnectorStaged> own = staged.findById(connectorId);
        if (own.isDefined()) {
            return new ConnectorAccess(projectKey, own.get().privateProjects());
        }
        return publishedAccess.apply(connectorId).getOrElse(() -> ConnectorAccess.sharedWith(List.of()));
    }

    private Either<ErrorResponse, Deployment> delete(String projectKey, Deployment current, Long version) {
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

    private static Either<ErrorResponse, String> project(String projectKey) {
        return projectKey == null || projectKey.isEmpty()
                ? Either.left(ErrorResponse.of(ConnectError.resourceNotFound("project '" + projectKey + "'")))
                : Either.right(projectKey);
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

        public DeploymentService build() {
            return new DeploymentService(this);
        }
    }
}
