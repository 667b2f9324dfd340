package io.connectstage.http;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.QueryPage;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A project's staged store paired with the shared published Connectors ({@link SharedPublished#stagedOf}):
 * every call goes to {@code paired}, whose writes publish into the shared store and record who may
 * read, in the write of the staged change; it answers {@code publishesTo} for the project's views
 * of that store, which the processor is given, rather than for the shared store itself.
 */
final class PairedStaged implements ConnectorStore {
    private final ConnectorStore paired;
    private final Predicate<PublishedConnectorStore> views;

    PairedStaged(ConnectorStore paired, Predicate<PublishedConnectorStore> views) {
        this.paired = Objects.requireNonNull(paired, "paired is null");
        this.views = Objects.requireNonNull(views, "views is null");
    }

    @Override
    public boolean publishesTo(PublishedConnectorStore published) {
        return views.test(published);
    }

    @Override
    public Option<ConnectorStaged> findById(String id) {
        return paired.findById(id);
    }

    @Override
    public Option<ConnectorStaged> findByKey(String key) {
        return paired.findByKey(key);
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> insert(ConnectorStaged connector) {
        return paired.insert(connector);
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, ConnectorWrite write) {
        return paired.replace(next, expectedVersion, write);
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> delete(String id, long expectedVersion) {
        return paired.delete(id, expectedVersion);
    }

    @Override
    public QueryPage query(ConnectorQuery query) {
        return paired.query(query);
    }

    @Override
    public Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds) {
        return paired.claim(owner, now, until, kinds);
    }

    @Override
    public boolean renew(Work claimed, Instant until) {
        return paired.renew(claimed, until);
    }

    @Override
    public boolean complete(Work claimed) {
        return paired.complete(claimed);
    }

    @Override
    public List<Work> work() {
        return paired.work();
    }
}
