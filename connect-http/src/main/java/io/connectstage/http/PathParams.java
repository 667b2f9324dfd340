package io.connectstage.http;

import io.connectstage.resource.ResourceRef;
import java.util.Map;

/**
 * The named segments of a matched path, such as {@code projectKey} and {@code ref} of
 * {@code /{projectKey}/deployments/{ref}}, and, for a template ending with {@code **}, the rest of
 * the path after them ({@code ""} when there is none).
 */
record PathParams(Map<String, String> values, String tail) {

    PathParams {
        values = Map.copyOf(values);
        tail = tail == null ? "" : tail;
    }

    PathParams(Map<String, String> values) {
        this(values, "");
    }

    PathParams withTail(String value) {
        return new PathParams(values, value);
    }

    /** The text of a named segment; {@code IllegalArgumentException} for a name the template has not (a bug). */
    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route's template has no segment {" + name + "}");
        }
        return value;
    }

    /** A named segment that is an id or {@code key=…}. */
    ResourceRef ref(String name) {
        return ResourceRef.ofPathSegment(text(name));
    }
}
