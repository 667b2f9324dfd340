package io.connectstage.spec;

import static io.connectstage.spec.ConfigurationBlock.SECURED;
import static io.connectstage.spec.ConfigurationBlock.STANDARD;

import io.connectstage.spec.ConfigurationBlock.Item;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads configuration blocks (an application's or the global one) and the API client's scopes. */
final class ConfigurationReader {
    private static final List<String> BLOCK_KEYS = List.of(STANDARD, SECURED);
    private static final List<String> STANDARD_KEYS = List.of("key", "description", "required", "default");
    private static final List<String> SECURED_KEYS = List.of("key", "description", "required");
    private static final String RESERVED_WORDS = String.join(", ", SpecRules.RESERVED_KEYS);

    private final Nodes nodes;

    ConfigurationReader(Nodes nodes) {
        this.nodes = nodes;
    }

    ConfigurationBlock configuration(String path, Node node) {
        Entries entries = nodes.mapping(path, node);
        if (entries == null) {
            return new ConfigurationBlock(path, true, false, null, null);
        }
        nodes.strict(path, entries, BLOCK_KEYS, "in a configuration");
        boolean readable = true;
        List<Item<StandardConfigurationKey>> standard = null;
        if (entries.containsKey(STANDARD)) {
            standard = items(Paths.child(path, STANDARD), entries.get(STANDARD), this::standardKey);
            readable = standard != null;
        }
        List<Item<SecuredConfigurationKey>> secured = null;
        if (entries.containsKey(SECURED)) {
            secured = items(Paths.child(path, SECURED), entries.get(SECURED), this::securedKey);
            readable &= secured != null;
        }
        return new ConfigurationBlock(path, true, readable, standard, secured);
    }

    private interface ItemReader<T> {
        Item<T> read(String path, Entries entries);
    }

    private <T> List<Item<T>> items(String path, Node node, ItemReader<T> reader) {
        List<Node> list = nodes.sequence(path, node);
        if (list == null) {
            return null;
        }
        List<Item<T>> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String itemPath = Paths.child(path, i);
            Entries entries = nodes.mapping(itemPath, list.get(i));
            if (entries != null) {
                items.add(reader.read(itemPath, entries));
            }
        }
        return items;
    }

    private Item<StandardConfigurationKey> standardKey(String path, Entries entries) {
        nodes.strict(path, entries, STANDARD_KEYS, "in a standard configuration key");
        String key = configurationKey(path, entries);
        String description = description(path, entries);
        Boolean required = entries.containsKey("required")
                ? nodes.bool(path, "required", entries.get("required")) : null;
        String defaultValue = entries.containsKey("default")
                ? nodes.text(path, "default", entries.get("default")) : null;
        return new Item<>(path, key, required, defaultValue,
                new StandardConfigurationKey(key, description, required, defaultValue));
    }

    private Item<SecuredConfigurationKey> securedKey(String path, Entries entries) {
        String reported = null;
        if (entries.containsKey("default")) {
            nodes.problem(Paths.child(path, "default"), "is not allowed: a secured configuration key has no default");
            reported = "default";
        }
        nodes.strict(path, entries, SECURED_KEYS, reported, "in a secured configuration key");
        String key = configurationKey(path, entries);
        String description = description(path, entries);
        Boolean required = entries.containsKey("required")
                ? nodes.bool(path, "required", entries.get("required")) : null;
        return new Item<>(path, key, required, null, new SecuredConfigurationKey(key, description, required));
    }

    private String configurationKey(String path, Entries entries) {
        if (!entries.containsKey("key")) {
            nodes.problem(Paths.child(path, "key"), "is required");
            return null;
        }
        String key = nodes.string(path, "key", entries.get("key"));
        if (key == null) {
            return null;
        }
        if (!SpecRules.isConfigurationKey(key)) {
            nodes.problem(Paths.child(path, "key"), "must be " + SpecRules.KEY_RULE + ", got '" + Paths.shorten(key) + "'");
        } else if (SpecRules.isReserved(key)) {
            nodes.problem(Paths.child(path, "key"), "'" + key + "' is a reserved word: " + RESERVED_WORDS
                    + " are set by Connect (compared without regard to case)");
        }
        return key;
    }

    private String description(String path, Entries entries) {
        if (!entries.containsKey("description")) {
            nodes.problem(Paths.child(path, "description"), "is required");
            return null;
        }
        return nodes.text(path, "description", entries.get("description"));
    }

    /** The scopes of {@code inheritAs.apiClient}: at least one, each a non-empty string (whitespace alone is accepted). */
    List<String> apiClientScopes(String path, Node node) {
        Entries entries = nodes.mapping(path, node);
        if (entries == null) {
            return null;
        }
        nodes.strict(path, entries, List.of("scopes"), "in apiClient");
        String scopesPath = Paths.child(path, "scopes");
        if (!entries.containsKey("scopes")) {
            nodes.problem(scopesPath, "is required: a list of at least one scope");
            return null;
        }
        List<Node> list = nodes.sequence(scopesPath, entries.get("scopes"));
        if (list == null) {
            return null;
        }
        if (list.isEmpty()) {
            nodes.problem(scopesPath, "must list at least one scope");
        }
        List<String> scopes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            scopes.add(nodes.nonEmpty(Paths.child(scopesPath, i), list.get(i)));
        }
        return scopes;
    }
}
