package io.connectstage.connector;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Shared wording for enum values that the wire does not know. */
final class WireEnums {
    private WireEnums() {
    }

    static String unknownValue(String value, Enum<?>[] accepted) {
        String list = Arrays.stream(accepted).map(Object::toString).collect(Collectors.joining("', '", "'", "'"));
        return "unknown value '" + value + "', expected one of " + list;
    }
}
