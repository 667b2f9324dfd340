package io.connectstage.spec;

import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A configuration block as read: a list is {@code null} when the block leaves it out;
 * {@code readable} is false when the block or one of its lists has the wrong shape, so that the
 * rules which look into it do not add noise to that problem.
 */
record ConfigurationBlock(String path, boolean present, boolean readable,
                          List<ConfigurationBlock.Item<StandardConfigurationKey>> standard,
                          List<ConfigurationBlock.Item<SecuredConfigurationKey>> secured) {
    static final String STANDARD = "standardConfiguration";
    static final String SECURED = "securedConfiguration";

    /** A configuration item with the path of its item, its key (null when not a string) and value. */
    record Item<T>(String path, String key, Boolean required, String defaultValue, T value) {
        String keyPath() {
            return Paths.child(path, "key");
        }
    }

    static ConfigurationBlock absent(String path) {
        return new ConfigurationBlock(path, false, true, null, null);
    }

    Stream<Item<?>> all() {
        return Stream.concat(standard == null ? Stream.empty() : standard.stream(),
                secured == null ? Stream.empty() : secured.stream());
    }

    Optional<Item<StandardConfigurationKey>> standardKey(String key) {
        if (standard != null) {
            for (Item<StandardConfigurationKey> item : standard) {
                if (key.equals(item.key())) {
                    return Optional.of(item);
                }
            }
        }
        return Optional.empty();
    }

    String standardPath() {
        return Paths.child(path, STANDARD);
    }

    List<StandardConfigurationKey> standardValues() {
        return values(standard);
    }

    List<SecuredConfigurationKey> securedValues() {
        return values(secured);
    }

    private static <T> List<T> values(List<Item<T>> items) {
        if (items == null) {
            return null;
        }
        List<T> values = new ArrayList<>(items.size());
        for (Item<T> item : items) {
            values.add(item.value());
        }
        return Collections.unmodifiableList(values);
    }
}
