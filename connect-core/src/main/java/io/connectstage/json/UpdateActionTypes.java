package io.connectstage.json;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.action.ConnectorUpdateAction;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON names of the update actions, read from the sealed hierarchy itself, so that a new
 * action record cannot be forgotten here: jackson-databind 2.x does not discover sealed subtypes.
 */
public final class UpdateActionTypes {
    private static final Map<String, Class<?>> BY_NAME = byName();

    private UpdateActionTypes() {
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : ConnectorUpdateAction.class.getPermittedSubclasses()) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null) {
                throw new IllegalStateException(type.getName() + " has no @JsonTypeName");
            }
            byName.put(name.value(), type);
        }
        return Map.copyOf(byName);
    }

    /** Every action record. */
    public static List<Class<?>> types() {
        return Arrays.asList(ConnectorUpdateAction.class.getPermittedSubclasses());
    }

    /** Every action name, in the order of the sealed interface. */
    public static List<String> names() {
        return types().stream().map(t -> t.getAnnotation(JsonTypeName.class).value()).toList();
    }

    /** The JSON name of an action. */
    public static String nameOf(ConnectorUpdateAction action) {
        return action.getClass().getAnnotation(JsonTypeName.class).value();
    }

    static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }
}
