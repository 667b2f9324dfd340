package io.connectstage.resource;

import java.util.Objects;
import java.util.function.Function;

/**
 * Which resource an operation is about: by its {@code id}, or by its user-given {@code key}, as
 * the API's paths say it ({@code /connectors/drafts/{id}} and {@code /connectors/drafts/key={key}}).
 * Every get, update, delete and logs operation of the services takes one, instead of a
 * {@code …ById} / {@code …ByKey} pair.
 *
 * <pre>{@code
 * service.get(ResourceRef.key("my-connector"));
 * service.update(ResourceRef.id(created.id()), ConnectorUpdate.of(1, new ConnectorSetNameAction("New name")));
 * ResourceRef.ofPathSegment("key=my-connector");   // Key[value=my-connector]; "abc-123" is Id[value=abc-123]
 * }</pre>
 */
public sealed interface ResourceRef permits ResourceRef.Id, ResourceRef.Key {

    /** The prefix of a path segment that names a resource by key. */
    String KEY_PREFIX = "key=";

    /** The id or the key. */
    String value();

    /**
     * {@code onId} of the id, or {@code onKey} of the key: how a caller chooses between a lookup
     * by id and one by key without testing the type.
     */
    <R> R fold(Function<? super String, ? extends R> onId, Function<? super String, ? extends R> onKey);

    /** How a not-found error names the resource: {@code id 'x'} or {@code key 'x'}. */
    String describe();

    static ResourceRef id(String id) {
        return new Id(id);
    }

    static ResourceRef key(String key) {
        return new Key(key);
    }

    /** The reference a path segment makes: a key after {@code key=}, an id otherwise. */
    static ResourceRef ofPathSegment(String segment) {
        Objects.requireNonNull(segment, "segment is null");
        return segment.startsWith(KEY_PREFIX) ? new Key(segment.substring(KEY_PREFIX.length())) : new Id(segment);
    }

    /** A resource by its id. */
    record Id(String value) implements ResourceRef {
        public Id {
            Objects.requireNonNull(value, "id is null");
        }

        @Override
        public <R> R fold(Function<? super String, ? extends R> onId, Function<? super String, ? extends R> onKey) {
            return onId.apply(value);
        }

        @Override
        public String describe() {
            return "id '" + value + "'";
        }
    }

    /** A resource by its key. */
    record Key(String value) implements ResourceRef {
        public Key {
            Objects.requireNonNull(value, "key is null");
        }

        @Override
        public <R> R fold(Function<? super String, ? extends R> onId, Function<? super String, ? extends R> onKey) {
            return onKey.apply(value);
        }

        @Override
        public String describe() {
            return "key '" + value + "'";
        }
    }
}
