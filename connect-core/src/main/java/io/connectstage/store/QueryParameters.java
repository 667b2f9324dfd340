package io.connectstage.store;

import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.WireEnums;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.error.ConnectError;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Raw query parameters read into typed values, each problem gathered as an
 * {@code InvalidQueryParam} error: one reader for the HTTP layer and for Java callers.
 */
final class QueryParameters {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private final Map<String, List<String>> parameters;
    private final List<ConnectError> errors = new ArrayList<>();

    QueryParameters(Map<String, List<String>> parameters) {
        this.parameters = parameters == null ? Map.of() : parameters;
    }

    List<ConnectError> errors() {
        return errors;
    }

    private List<String> values(String name) {
        List<String> values = parameters.get(name);
        return values == null ? List.of() : values;
    }

    /** The one value of a parameter that may be given once, or {@code null} when it is absent. */
    private String single(String name) {
        List<String> values = values(name);
        if (values.size() > 1) {
            errors.add(ConnectError.invalidQueryParam(name, "is given " + values.size() + " times, at most once is allowed"));
            return null;
        }
        if (values.isEmpty()) {
            return null;
        }
        if (values.get(0) == null) {
            errors.add(ConnectError.invalidQueryParam(name, "has no value"));
        }
        return values.get(0);
    }

    Integer integer(String name, int absent) {
        String value = single(name);
        if (value == null) {
            return absent;
        }
        if (!INTEGER.matcher(value).matches()) {
            errors.add(ConnectError.invalidQueryParam(name, "'" + shortened(value) + "' is not an integer"));
            return absent;
        }
        long number = Long.parseLong(value);
        // out of int range: report it as the range check does, with the value as given
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
    }

    Boolean bool(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        errors.add(ConnectError.invalidQueryParam(name, "'" + shortened(value) + "' is neither true nor false"));
        return null;
    }

    List<Sort> sorts(String name) {
        List<Sort> sorts = new ArrayList<>();
        Set<SortField> seen = EnumSet.noneOf(SortField.class);
        for (String value : values(name)) {
            Either<ConnectError, Sort> sort = Sort.parse(value == null ? null : shortened(value));
            if (sort.isLeft()) {
                errors.add(sort.getLeft());
            } else if (!seen.add(sort.get().field())) {
                errors.add(ConnectError.invalidQueryParam(name, "sorts by " + sort.get().field().wireValue()
                        + " twice"));
            } else {
                sorts.add(sort.get());
            }
        }
        return sorts;
    }

    Set<IntegrationType> integrationTypes(String name) {
        Set<IntegrationType> types = new LinkedHashSet<>();
        for (String value : values(name)) {
            try {
                types.add(WireEnums.fromWire(IntegrationType.class, value));
            } catch (IllegalArgumentException unknown) {
                errors.add(ConnectError.invalidQueryParam(name, WireEnums.unknownValue(
                        value == null ? null : shortened(value), IntegrationType.class)));
            }
        }
        return types;
    }

    DeploymentType deploymentType(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            return DeploymentType.fromWire(value);
        } catch (IllegalArgumentException unknown) {
            errors.add(ConnectError.invalidQueryParam(name, WireEnums.unknownValue(shortened(value), DeploymentType.class)));
            return null;
        }
    }

    private static String shortened(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
