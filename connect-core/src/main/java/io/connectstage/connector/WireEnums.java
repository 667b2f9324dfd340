package io.connectstage.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The wire spellings of the enums, read once from the {@code @JsonProperty} of each constant, so
 * that Jackson and the code share one source of truth.
 */
public final class WireEnums {
    private static final ClassValue<Map<String, Enum<?>>> BY_WIRE = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> byWire = new LinkedHashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                byWire.put(spelling(e), e);
            }
            return byWire;
        }
    };
    private static final ClassValue<Map<Enum<?>, String>> WIRE = new ClassValue<>() {
        @Override
        protected Map<Enum<?>, String> computeValue(Class<?> type) {
            Map<Enum<?>, String> wire = new LinkedHashMap<>();
            BY_WIRE.get(type).forEach((spelling, e) -> wire.put(e, spelling));
            return wire;
        }
    };

    private WireEnums() {
    }

    private static String spelling(Enum<?> e) {
        try {
            JsonProperty property = e.getDeclaringClass().getField(e.name()).getAnnotation(JsonProperty.class);
            return property == null ? e.name() : property.value();
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The wire spelling of a constant. */
    public static String wireValue(Enum<?> constant) {
        return WIRE.get(constant.getDeclaringClass()).get(constant);
    }

    /** Every wire spelling of an enum, in declaration order. */
    public static java.util.List<String> wireValues(Class<? extends Enum<?>> type) {
        return java.util.List.copyOf(BY_WIRE.get(type).keySet());
    }

    /**
     * The constant of {@code type} with this wire spelling.
     *
     * @throws IllegalArgumentException naming the accepted spellings when there is none
     */
    public static <E extends Enum<E>> E fromWire(Class<E> type, String value) {
        Enum<?> constant = BY_WIRE.get(type).get(value);
        if (constant == null) {
            throw new IllegalArgumentException(unknownValue(value, type));
        }
        return type.cast(constant);
    }

    /** How an unknown spelling is reported: the value and every accepted one. */
    public static String unknownValue(Object value, Class<?> type) {
        String list = BY_WIRE.get(type).keySet().stream().collect(Collectors.joining("', '", "'", "'"));
        return "unknown value '" + value + "', expected one of " + list;
    }
}
