package io.connectstage.http;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.json.ConnectJson;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JSON of a value, written once per value: a connector read again and again (the most common
 * request) is the same immutable object while its version stands in a memory store, so its bytes
 * are kept beside it and answered again instead of being written anew each time. Only immutable
 * value types are kept ({@link ConnectorStaged}, {@link Connector}: records of immutable fields and
 * unmodifiable lists), matched by identity, so a kept answer is always the one writing would give;
 * a new version is a new object and is written. A fixed number of slots, each holding the last
 * value that fell in it: bounded, and nothing to evict.
 */
final class WrittenJson {
    private static final int SLOTS = 256;
    private static final AtomicReferenceArray<Written> CACHE = new AtomicReferenceArray<>(SLOTS);

    private record Written(Object value, byte[] bytes) {
    }

    private WrittenJson() {
    }

    /** The value's JSON; the same array for the same connector object (callers never change it). */
    static byte[] bytes(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
        if (!(value instanceof ConnectorStaged) && !(value instanceof Connector)) {
            return ConnectJson.mapper().writeValueAsBytes(value);
        }
        int slot = System.identityHashCode(value) & (SLOTS - 1);
        Written kept = CACHE.get(slot);
        if (kept != null && kept.value == value) {
            return kept.bytes;
        }
        byte[] bytes = ConnectJson.mapper().writeValueAsBytes(value);
        CACHE.set(slot, new Written(value, bytes));
        return bytes;
    }
}
