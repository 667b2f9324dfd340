package io.connectstage.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ResourceRef")
class ResourceRefTest {

    @Nested
    @DisplayName("of a path segment")
    class OfPathSegment {

        @Test
        @DisplayName("is a key after key=, with everything after the first key= as the key")
        void keyAfterPrefix() {
            assertEquals(ResourceRef.key("my-connector"), ResourceRef.ofPathSegment("key=my-connector"));
            assertEquals(ResourceRef.key("a=key=b"), ResourceRef.ofPathSegment("key=a=key=b"));
            assertEquals(ResourceRef.key(""), ResourceRef.ofPathSegment("key="));
        }

        @Test
        @DisplayName("is an id otherwise, also when key= is not at the start or differs in case")
        void idOtherwise() {
            assertEquals(ResourceRef.id("8b1c1e0e-0000-4000-8000-000000000001"),
                    ResourceRef.ofPathSegment("8b1c1e0e-0000-4000-8000-000000000001"));
            assertEquals(ResourceRef.id("id=key=x"), ResourceRef.ofPathSegment("id=key=x"));
            assertEquals(ResourceRef.id("KEY=x"), ResourceRef.ofPathSegment("KEY=x"));
            assertEquals(ResourceRef.id("key"), ResourceRef.ofPathSegment("key"));
        }
    }

    @Test
    @DisplayName("an id and a key with the same text are different references")
    void idIsNotKey() {
        assertNotEquals(ResourceRef.id("x"), ResourceRef.key("x"));
        assertEquals(ResourceRef.id("x"), new ResourceRef.Id("x"));
    }

    @Test
    @DisplayName("fold takes the branch of its kind, with the value")
    void foldChoosesTheBranch() {
        assertEquals("by id x", ResourceRef.id("x").fold(v -> "by id " + v, v -> "by key " + v));
        assertEquals("by key x", ResourceRef.key("x").fold(v -> "by id " + v, v -> "by key " + v));
    }

    @Test
    @DisplayName("describes itself as the API's not-found messages name a resource")
    void describe() {
        assertEquals("id 'abc'", ResourceRef.id("abc").describe());
        assertEquals("key 'my-key'", ResourceRef.key("my-key").describe());
    }

    @Test
    @DisplayName("rejects a null value or segment as a programming error")
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> ResourceRef.id(null));
        assertThrows(NullPointerException.class, () -> ResourceRef.key(null));
        assertThrows(NullPointerException.class, () -> ResourceRef.ofPathSegment(null));
    }
}
