package io.connectstage.json;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.json.internal.JsonReader;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON names of the update actions, read from the sealed hierarchy itself, so that a new
 * action record cannot be forgotten here: jackson-databind 2.x does not discover sealed subtypes.
 */
public final class UpdateActionTypes {
    private static final List<String> NAMES = JsonReader.subtypeNames(ConnectorUpdateAction.class);

    private UpdateActionTypes() {
    }

    /** Every action record. */
    public static List<Class<?>> types() {
        return Arrays.asList(ConnectorUpdateAction.class.getPermittedSubclasses());
    }

    /** Every action name, in the order of the sealed interface. */
    public static List<String> names() {
        return NAMES;
    }

    /** The JSON name of an action. */
    public static String nameOf(ConnectorUpdateAction action) {
        return action.getClass().getAnnotation(JsonTypeName.class).value();
    }
}
