package io.connectstage.service;

import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.Resources;
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.staging.ConnectorStaging;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.QueryPage;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ConnectorStaged endpoints of the Connect API as a Java service: create, get, query, update
 * and delete, by id or key. It is the imperative shell around the pure core: it reads the clock,
 * makes ids, loads from and writes to the store, and answers every failure with an
 * {@link ErrorResponse}; nothing throws for bad input.
 *
 * <pre>{@code
 * ConnectorStagedService service = ConnectorStagedService.builder(new InMemoryConnectorStore()).build();
 * Either<ErrorResponse, ConnectorStaged> created = service.create(draft);
 * service.updateById(created.get().id(), ConnectorUpdate.of(1, new ConnectorSetNameAction("New name")));
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
                .flatMap(created -> error(store.insert(created)));
    }

    public Either<ErrorResponse, ConnectorStaged> getById(String id) {
        return found(store.findById(id), "id '" + id + "'");
    }

    public Either<ErrorResponse, ConnectorStaged> getByKey(String key) {
        return found(store.findByKey(key), "key '" + key + "'");
    }

    /** A page of ConnectorStaged, as the query endpoint answers it. */
    public Either<ErrorResponse, PagedQueryResponse<ConnectorStaged>> query(ConnectorQuery query) {
        Seq<ConnectError> invalid = query.errors();
        if (!invalid.isEmpty()) {
            return Either.left(ErrorResponse.of(invalid.toJavaList()));
        }
        QueryPage page = store.query(query);
        return Either.right(PagedQueryResponse.of(query.limit(), query.offset(), page.total(), page.results()));
    }

    public Either<ErrorResponse, ConnectorStaged> updateById(String id, ConnectorUpdate update) {
        return getById(id).flatMap(current -> update(current, update));
    }

    public Either<ErrorResponse, ConnectorStaged> updateByKey(String key, ConnectorUpdate update) {
        return getByKey(key).flatMap(current -> update(current, update));
    }

    /**
     * Deletes by id, answering the deleted connector. With a {@code version} the delete is
     * refused when the connector has another one; without, the current version is taken.
     */
    public Either<ErrorResponse, ConnectorStaged> deleteById(String id, Long version) {
        return getById(id).flatMap(current -> delete(current, version));
    }

    public Either<ErrorResponse, ConnectorStaged> deleteByKey(String key, Long version) {
        return getByKey(key).flatMap(current -> delete(current, version));
    }

    private Either<ErrorResponse, ConnectorStaged> update(ConnectorStaged current, ConnectorUpdate update) {
        Either<ErrorResponse, ConnectorStaged> stored = errors(
                ConnectorStaging.apply(current, update, new UpdateContext(now(), projectKey)))
                .map(next -> next.repository().equals(current.repository()) ? next : withSpecification(next))
                .map(this::withExactHasChanges)
                .flatMap(next -> error(store.replace(next, current.version())));
        if (processor != null) {
            stored.forEach(next -> processor.updated(current, next, update));
        }
        return stored;
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

    /**
     * {@code hasChanges} exactly as the API defines it when the production Connectors are known:
     * whether the staged data differs from the published Connector.
     */
    private ConnectorStaged withExactHasChanges(ConnectorStaged c) {
        if (processor == null) {
            return c;
        }
        boolean differs = processor.published().findById(c.id()).map(p -> !p.sameDataAs(c)).getOrElse(false);
        return differs == c.hasChanges() ? c : c.withHasChanges(differs);
    }

    private Either<ErrorResponse, ConnectorStaged> delete(ConnectorStaged current, Long version) {
        if (version != null && version != current.version()) {
            return error(Either.left(ConnectError.concurrentModification(
                    Resources.describe(current), version, current.version())));
        }
        return error(store.delete(current.id(), current.version()));
    }

    /** Now, to the millisecond: the API writes date-times with millisecond precision. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Either<ErrorResponse, ConnectorStaged> found(Option<ConnectorStaged> connector, String what) {
        return connector.toEither(() -> ErrorResponse.of(ConnectError.resourceNotFound(what)));
    }

    private static <T> Either<ErrorResponse, T> errors(Either<Seq<ConnectError>, T> result) {
        return result.mapLeft(errors -> ErrorResponse.of(errors.toJavaList()));
    }

    private static <T> Either<ErrorResponse, T> error(Either<ConnectError, T> result) {
        return result.mapLeft(ErrorResponse::of);
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
         * Processing of preview and publish requests, and the reading of configurations from
         * the repository on create and on {@code setRepository}. Without it, requests stay
         * pending until someone settles them through {@link io.connectstage.lifecycle.ConnectorLifecycle}.
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
