package io.connectstage.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.deployment.ConfigurationKeyResolver.Refusal;
import io.connectstage.deployment.ConfigurationKeyResolver.Resolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigurationKeyResolver")
class ConfigurationKeyResolverTest {
    private static final ConfigurationKeyResolver<String> REGION =
            ConfigurationKeyResolver.of(new StandardConfigurationKey("REGION", "region", true, "eu"));
    private static final ConfigurationKeyResolver<String> SIZE =
            ConfigurationKeyResolver.of(new StandardConfigurationKey("SIZE", "size", true, null));
    private static final ConfigurationKeyResolver<String> OPTIONAL =
            ConfigurationKeyResolver.of(new StandardConfigurationKey("LEVEL", "level", false, null));
    private static final ConfigurationKeyResolver<Secret> TOKEN =
            ConfigurationKeyResolver.of(new SecuredConfigurationKey("TOKEN", "token", true));

    @Test
    @DisplayName("keeps the value given, else the previous one, else the default")
    void givenThenPreviousThenDefault() {
        assertEquals(new Resolution<>("us", null), REGION.resolve("us", "ap"));
        assertEquals(new Resolution<>("ap", null), REGION.resolve(null, "ap"));
        assertEquals(new Resolution<>("eu", null), REGION.resolve(null, null));
    }

    @Test
    @DisplayName("refuses a required key without any value as missing, and keeps none")
    void missing() {
        assertEquals(new Resolution<String>(null, Refusal.MISSING), SIZE.resolve(null, null));
        assertEquals(new Resolution<Secret>(null, Refusal.MISSING), TOKEN.resolve(null, null));
    }

    @Test
    @DisplayName("refuses a required key given blank as empty, standard and secured alike, even with a default or a previous value")
    void blank() {
        assertEquals(new Resolution<>(" ", Refusal.EMPTY), REGION.resolve(" ", "ap"));
        assertEquals(Refusal.EMPTY, SIZE.resolve("", null).refusal());
        assertEquals(Refusal.EMPTY, TOKEN.resolve(Secret.of(""), Secret.of("kept")).refusal());
    }

    @Test
    @DisplayName("accepts an optional key blank or without value")
    void optional() {
        assertEquals(new Resolution<>("", null), OPTIONAL.resolve("", null));
        assertNull(OPTIONAL.resolve(null, null).value());
        assertNull(OPTIONAL.resolve(null, null).refusal());
    }
}
