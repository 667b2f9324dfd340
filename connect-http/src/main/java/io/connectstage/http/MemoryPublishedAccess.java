package io.connectstage.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PublishedAccess} in a concurrent map ({@link PublishedAccess#memory()}): a record is one
 * step on one entry that never waits on another store, so a memory staged store may make it inside
 * its own write ({@link SharedPublished#stagedOf}).
 */
final class MemoryPublishedAccess implements PublishedAccess {
    private final Map<String, Access> byId = new ConcurrentHashMap<>();

    @Override
    public void record(String connectorId, Access access) {
        byId.put(connectorId, Objects.requireNonNull(access, "access is null"));
    }

    @Override
    public Optional<Access> find(String connectorId) {
        return connectorId == null ? Optional.empty() : Optional.ofNullable(byId.get(connectorId));
    }
}
