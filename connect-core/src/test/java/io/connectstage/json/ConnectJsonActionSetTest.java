package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Examples.assertWrittenAsExample;
import static io.connectstage.json.Examples.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.action.ConnectorUpdateAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The closed set of update actions, walked from the sealed interface so that a new action cannot slip by. */
@DisplayName("The closed set of update actions")
class ConnectJsonActionSetTest {
    private static final Set<String> EXPECTED = Set.of(
            "setName", "setDescription", "setRepository", "setSupportedRegions", "setDocumentationUrl",
            "setIntegrationTypes", "setCreatorName", "setCreatorTitle", "setCreatorEmail", "setCreatorCompany",
            "setCreatorNoOfContributors", "setCreatorSupportUrl", "setCreatorLogo", "addPrivateProject",
            "removePrivateProject", "updatePreviewable", "publish", "unlist", "addCertificationComment");

    private static Map<String, Class<?>> permittedByName() {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : ConnectorUpdateAction.class.getPermittedSubclasses()) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            assertNotNull(name, () -> type.getSimpleName() + " has no @JsonTypeName");
            assertFalse(byName.containsKey(name.value()), () -> "two actions are named " + name.value());
            byName.put(name.value(), type);
        }
        return byName;
    }

    /** The example files of each action name, by their discriminator. */
    private static Map<String, List<String>> examplesByName() {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (String path : Fixtures.actions()) {
            String name = Examples.tree(path).get("action").asText();
            byName.merge(name, List.of(path), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
        }
        return byName;
    }

    @Test
    @DisplayName("has a @JsonTypeName on every action, and exactly the 19 expected names")
    void everyPermittedActionHasExactlyTheExpectedName() {
        assertEquals(new TreeSet<>(EXPECTED), new TreeSet<>(permittedByName().keySet()));
    }

    @Test
    @DisplayName("is the set that the JSON reader knows, in the same order")
    void readerKnowsExactlyThePermittedActions() {
        assertEquals(List.copyOf(permittedByName().keySet()), UpdateActionTypes.names());
    }

    @Test
    @DisplayName("has, for every action, an example among the fixtures that round-trips into that very record")
    void everyActionHasARoundTripExample() {
        Map<String, List<String>> examples = examplesByName();
        permittedByName().forEach((name, type) -> {
            List<String> paths = examples.getOrDefault(name, List.of());
            assertFalse(paths.isEmpty(), () -> name + " has no example in the fixtures");
            for (String path : paths) {
                ConnectorUpdateAction action = accepted(ConnectJson.readAction(text(path)));
                assertSame(type, action.getClass(), path);
                assertWrittenAsExample(path, ConnectJson.write(action));
            }
        });
    }

    @Test
    @DisplayName("has no typed example for a name outside the set")
    void everyActionExampleNamesAPermittedAction() {
        assertEquals(new TreeSet<>(EXPECTED), new TreeSet<>(examplesByName().keySet()));
    }
}
