package io.connectstage.store;

import io.connectstage.error.ConnectError;

/**
 * Why a store refused a write: a small closed set of facts, no API text. The core turns each into
 * its Connect error with {@link #toError()}; a store never builds one.
 *
 * <pre>{@code
 * Either<StoreRefusal, ConnectorStaged> stored = store.replace(next, 3);
 * stored.mapLeft(StoreRefusal::toError);   // ConcurrentModification with currentVersion, ...
 * }</pre>
 */
public sealed interface StoreRefusal permits StoreRefusal.NotFound, StoreRefusal.VersionMismatch,
        StoreRefusal.KeyTaken, StoreRefusal.IdTaken, StoreRefusal.KeyChanged, StoreRefusal.WorkGone {

    /** The Connect error this refusal answers at the API. */
    ConnectError toError();

    /** No connector has this id. */
    record NotFound(String id) implements StoreRefusal {
        @Override
        public ConnectError toError() {
            return ConnectError.resourceNotFound("id '" + id + "'");
        }
    }

    /** The stored connector (with this key, if any) has {@code currentVersion}, not {@code expectedVersion}. */
    record VersionMismatch(String id, String key, long expectedVersion, long currentVersion) implements StoreRefusal {
        @Override
        public ConnectError toError() {
            String what = key == null ? "id=" + id : "id=" + id + " or key=" + key;
            return ConnectError.concurrentModification(what, expectedVersion, currentVersion);
        }
    }

    /** Another connector has this key. */
    record KeyTaken(String key) implements StoreRefusal {
        @Override
        public ConnectError toError() {
            return ConnectError.duplicateField("key", key);
        }
    }

    /** Another connector has this id. */
    record IdTaken(String id) implements StoreRefusal {
        @Override
        public ConnectError toError() {
            return ConnectError.duplicateField("id", id);
        }
    }

    /** A replace tried to change the key of a connector, which never changes. */
    record KeyChanged(String id) implements StoreRefusal {
        @Override
        public ConnectError toError() {
            return ConnectError.invalidField("key", "cannot be changed");
        }
    }

    /**
     * The work a write was to complete is no longer held by that claim: another processor
     * claimed it after the lease expired, or completed it. Nothing was written.
     */
    record WorkGone(String workId) implements StoreRefusal {
        @Override
        public ConnectError toError() {
            return ConnectError.general("the work " + workId + " is no longer held by this claim");
        }
    }
}
