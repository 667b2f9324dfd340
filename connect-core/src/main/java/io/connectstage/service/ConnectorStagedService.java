package io.connectstage.service;

import static io.connectstage.service.Answers.checked;
import static io.connectstage.service.Answers.errors;
import static io.connectstage.service.Answers.found;
import static io.connectstage.service.Answers.stored;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.resource.ResourceRef;
import io.connectstage.staging.ConnectorStaging;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.QueryPage;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ConnectorStaged endpoints of the Connect API as a Java service: create, get, query, update
 * and delete, by id or key ({@link ResourceRef}). It is the imperative shell around the pure core: it reads the clock,
 * makes ids, loads from and writes to the store, and answers every failure with an
 * {@link ErrorResponse}; nothing throws for bad input ({@code null} included).
 *
 * <p>A preview or publish request is stored with its {@link Work} in one write; the processor
 * ({@link Builder#processing}) claims and settles it. Without a processor the work waits in the
 * store for one: {@link ConnectorProcessor#inline} is the simplest.
 *
 * <pre>{@code
 * ConnectorStagedService service = ConnectorStagedService.builder(new InMemoryConnectorStore()).build();
 * Either<ErrorResponse, ConnectorStaged> created = service.create(draft);
 * service.update(ResourceRef.id(created.get().id()), ConnectorUpdate.of(1, new ConnectorSetNameAction("New name")));
service.get(ResourceRef.key("my-connector"));
 * }</pre>
 */
public final class ConnectorStagedService {
    private final ConnectorStore store;
    private final Clock clock;
    private final Supplier<String> ids;
    private final String projectKey;
    private final ConnectorProcessor processor;

    private ConnectorStagedService(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.ids = builder.ids;
        this.projectKey = builder.projectKey;
        this.processor = builder.processor;
    }

    /** A builder over this store, with the system UTC clock, random UUIDs and project key {@code connectstage}. */
    public static Builder builder(ConnectorStore store) {
        return new Builder(store);
    }

    /** The store this service writes to. */
    public ConnectorStore store() {
        return store;
    }

    /** Creates a ConnectorStaged from a draft: {@code DuplicateField} when its key is taken. */
    public Either<ErrorResponse, ConnectorStaged> create(ConnectorStagedDraft draft) {
        return errors(ConnectorStaging.create(draft, ids.get(), now()))
                .map(this::withSpecification)
                .flatMap(created -> stored(store.insert(created)));
    }

    /** The ConnectorStaged with this id or key: {@code ResourceNotFound} ("The Resource with key 'x' was not found.") when there is none. */
    public Either<ErrorResponse, ConnectorStaged> get(ResourceRef ref) {
        return found(ref, store::findById, store::findByKey);
    }

    /** A page of ConnectorStaged, as the query endpoint answers it. */
    public Either<ErrorResponse, PagedQueryResponse<ConnectorStaged>> query(ConnectorQuery query) {
        return checked(query, ConnectorQuery::errors).map(q -> {
            QueryPage page = store.query(q);
            return PagedQueryResponse.of(q.limit(), q.offset(), page.total(), page.results());
        });
    }

    /** Applies an update request to the ConnectorStaged with this id or key, all actions or none. */
    public Either<ErrorResponse, ConnectorStaged> update(ResourceRef ref, ConnectorUpdate update) {
        return get(ref).flatMap(current -> update(current, update));
    }

    /**
     * Deletes by id or key, answering the deleted connector. With a {@code version} the delete is
     * refused when the connector has another one; without, the current version is taken.
     */
    public Either<ErrorResponse, ConnectorStaged> delete(ResourceRef ref, Long version) {
        return get(ref).flatMap(current -> delete(current, version));
    }

    private Either<ErrorResponse, ConnectorStaged> update(ConnectorStaged current, ConnectorUpdate update) {
        if (update == null) {
            return Either.left(ErrorResponse.of(ConnectError.invalidJson(
                    "the request body must be an update with a version and actions")));
        }
        Option<Connector> production = processor == null ? Option.none() : processor.published().findById(current.id());
        Either<ErrorResponse, ConnectorStaged> stored = errors(
                ConnectorStaging.apply(current, update, new UpdateContext(now(), projectKey, production.getOrNull())))
                .map(next -> next.repository().equals(current.repository()) ? next : withSpecification(next))
                .flatMap(next -> stored(store.replace(next, current.version(), new ConnectorWrite(workOf(current, next, update),
                        null, processor == null ? null : processor.listing(current, next)))));
        if (processor != null) {
            stored.forEach(next -> processor.updated(current, next));
        }
        return stored;
    }

    /**
     * The work an accepted update leaves, stored with it: a preview when it made the preview
     * pending, a publish (with the certification it asked for) when it started processing.
     */
    private static List<Work> workOf(ConnectorStaged before, ConnectorStaged after, ConnectorUpdate update) {
        List<Work> work = new ArrayList<>(2);
        if (after.isPreviewable() == IsPreviewable.PENDING && before.isPreviewable() != IsPreviewable.PENDING) {
            work.add(Work.preview(after));
        }
        if (after.status() == ConnectorStatus.PROCESSING && before.status() != ConnectorStatus.PROCESSING) {
            boolean certification = false;
            for (ConnectorUpdateAction action : update.actions()) {
                if (action instanceof ConnectorPublishAction publish) { // one per request: a second is refused
                    certification = Boolean.TRUE.equals(publish.certification());
                }
            }
            work.add(Work.publish(after, certification));
        }
        return work;
    }

    /**
     * The connector with the configurations its repository declares, read now (on create and on
     * a change of repository); without processing, or when the repository cannot be read, they
     * stay as they are.
     */
    private ConnectorStaged withSpecification(ConnectorStaged c) {
        if (processor == null) {
            return c;
        }
        Analysis analysis = processor.analyze(c);
        return c.withConfigurations(analysis.configurations())
                .withGlobalConfiguration(analysis.globalConfiguration())
                .withApiClient(analysis.apiClient());
    }

    private Either<ErrorResponse, ConnectorStaged> delete(ConnectorStaged current, Long version) {
        if (version != null && version != current.version()) {
            return Either.left(ErrorResponse.of(new StoreRefusal.VersionMismatch(current.id(), current.key(), version,
                    current.version()).toError()));
        }
        return stored(store.delete(current.id(), current.version()));
    }

    /** Now, to the millisecond: the API writes date-times with millisecond precision. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Wiring of a {@link ConnectorStagedService}; every part has a default but the store. */
    public static final class Builder {
        private final ConnectorStore store;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private String projectKey = "connectstage";
        private ConnectorProcessor processor;

        private Builder(ConnectorStore store) {
            this.store = Objects.requireNonNull(store, "store is null");
        }

        /** The clock of report and comment times. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** Where the ids of new connectors come from. */
        public Builder ids(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "ids is null");
            return this;
        }

        /**
         * Processing of preview and publish requests (woken after each request), the reading of
         * configurations from the repository on create and on {@code setRepository}, and the
         * production Connectors that {@code hasChanges} compares with. Without it, requests wait in
         * the store until a processor over the same store claims them
         * ({@link ConnectorProcessor#resume()}); {@link ConnectorProcessor#inline} settles them
         * at once, accepting every repository.
         */
        public Builder processing(ConnectorProcessor value) {
            this.processor = Objects.requireNonNull(value, "processor is null");
            return this;
        }

        /** The project key of the caller, the {@code userId} of certification comments. */
        public Builder projectKey(String value) {
            this.projectKey = Objects.requireNonNull(value, "projectKey is null");
            return this;
        }

        public ConnectorStagedService build() {
            return new ConnectorStagedService(this);
        }
    }
}
