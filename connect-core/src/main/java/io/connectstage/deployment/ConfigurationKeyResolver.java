package io.connectstage.deployment;

import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.util.function.Predicate;

/**
 * The value a Deployment keeps for one declared configuration key, standard or secured, of an
 * application or of the global configuration alike: the value given now, else the previous one (a
 * redeploy keeps what it does not change), else the key's default. A required key left without a
 * value, or with a blank one, is refused the same way everywhere; only the error naming it differs
 * by place, which the caller chooses.
 *
 * @param <V> the value: a {@code String} for a standard key, a {@link Secret} for a secured one
 */
record ConfigurationKeyResolver<V>(String key, boolean secured, boolean required, V defaultValue, Predicate<V> blank) {
    /** Why a required key is refused. */
    enum Refusal {
        /** No value given, none before, no default. */
        MISSING,
        /** A value, but blank. */
        EMPTY
    }

    /** The value to keep ({@code null}: none), and why it is refused, if it is. */
    record Resolution<V>(V value, Refusal refusal) {
    }

    static ConfigurationKeyResolver<String> of(StandardConfigurationKey key) {
        return new ConfigurationKeyResolver<>(key.key(), false, Boolean.TRUE.equals(key.required()), key.defaultValue(),
                String::isBlank);
    }

    /** A secured key has no default: its value is never stored in the Connector. */
    static ConfigurationKeyResolver<Secret> of(SecuredConfigurationKey key) {
        return new ConfigurationKeyResolver<>(key.key(), true, Boolean.TRUE.equals(key.required()), null, Secret::isBlank);
    }

    /**
     * @param given    the value of the request, or {@code null}
     * @param previous the value the Deployment had, or {@code null} (always for a create)
     */
    Resolution<V> resolve(V given, V previous) {
        V value = given != null ? given : previous != null ? previous : defaultValue;
        Refusal refusal = !required ? null : value == null ? Refusal.MISSING : blank.test(value) ? Refusal.EMPTY : null;
        return new Resolution<>(value, refusal);
    }
}
