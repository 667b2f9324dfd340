package io.connectstage.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fixture catalogue")
class ConnectJsonFixtureCatalogueTest {

    @Test
    @DisplayName("lists every example file exactly once, so none escapes the round trip")
    void listsEveryExampleExactlyOnce() {
        List<String> catalogued = Fixtures.catalogued();
        assertEquals(catalogued.size(), new TreeSet<>(catalogued).size(), "an example is catalogued twice");
        assertEquals(Examples.all(), List.copyOf(new TreeSet<>(catalogued)));
    }

    @Test
    @DisplayName("holds the 20 update examples of the RAML and the 18 of the seed")
    void holdsEveryUpdateActionExample() {
        assertEquals(20, Examples.in("connector/updates").size());
        assertEquals(18, Examples.in("seed/actions").size());
    }
}
