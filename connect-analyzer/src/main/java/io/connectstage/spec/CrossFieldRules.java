package io.connectstage.spec;

import static io.connectstage.spec.ConfigurationBlock.SECURED;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.spec.ApplicationReader.Application;
import io.connectstage.spec.ConfigurationBlock.Item;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules that span several places: unique names, unique and global keys, the Merchant Center requirements. */
final class CrossFieldRules {
    private static final String CLOUD_IDENTIFIER = "CLOUD_IDENTIFIER";

    private final Nodes nodes;

    CrossFieldRules(Nodes nodes) {
        this.nodes = nodes;
    }

    void check(List<Application> applications, ConfigurationBlock global) {
        Map<String, Application> names = new HashMap<>();
        for (Application application : applications) {
            if (application.name() != null) {
                Application first = names.putIfAbsent(application.name(), application);
                if (first != null) {
                    nodes.problem(Paths.child(application.path(), "name"), "duplicate application name '"
                            + Paths.shorten(application.name()) + "', already used at " + Paths.child(first.path(), "name"));
                }
            }
        }
        Map<String, Item<?>> globalKeys = uniqueKeys(global, "inheritAs.configuration");
        for (Application application : applications) {
            ConfigurationBlock config = application.config();
            uniqueKeys(config, "this application");
            if (!globalKeys.isEmpty()) {
                declaredGlobally(config.standard(), globalKeys);
                declaredGlobally(config.secured(), globalKeys);
            }
            if (application.type() != null && application.type().isMerchantCenter() && config.readable()) {
                merchantCenter(application, global);
            }
        }
    }

    private void declaredGlobally(List<? extends Item<?>> items, Map<String, Item<?>> globalKeys) {
        if (items == null) {
            return;
        }
        for (Item<?> item : items) {
            Item<?> global = item.key() == null ? null : globalKeys.get(item.key());
            if (global != null) {
                nodes.problem(item.keyPath(), "'" + Paths.shorten(item.key()) + "' is already declared in the global"
                        + " configuration at " + global.keyPath()
                        + ": a global key must not be declared again in an application");
            }
        }
    }

    /** Reports each key declared twice in a block; answers the first item of each key. */
    private Map<String, Item<?>> uniqueKeys(ConfigurationBlock config, String where) {
        Map<String, Item<?>> first = new HashMap<>();
        uniqueKeys(config.standard(), first, where);
        uniqueKeys(config.secured(), first, where);
        return first;
    }

    private void uniqueKeys(List<? extends Item<?>> items, Map<String, Item<?>> first, String where) {
        if (items == null) {
            return;
        }
        for (Item<?> item : items) {
            if (item.key() == null) {
                continue;
            }
            Item<?> earlier = first.putIfAbsent(item.key(), item);
            if (earlier != null) {
                nodes.problem(item.keyPath(), "duplicate key '" + Paths.shorten(item.key()) + "' in " + where
                        + ", already declared at " + earlier.keyPath());
            }
        }
    }

    private void merchantCenter(Application application, ConfigurationBlock global) {
        DeclaredType type = application.type();
        ConfigurationBlock config = application.config();
        List<String> requiredKeys = type.applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW
                ? List.of("CUSTOM_VIEW_ID") : List.of("CUSTOM_APPLICATION_ID", "ENTRY_POINT_URI_PATH");
        for (String key : requiredKeys) {
            Optional<Item<StandardConfigurationKey>> item = config.standardKey(key);
            if (item.isEmpty()) {
                nodes.problem(config.standardPath(), "must declare " + key + " with required: true in "
                        + type.description());
            } else if (!Boolean.TRUE.equals(item.get().required())) {
                nodes.problem(Paths.child(item.get().path(), "required"), "must be true: " + key + " is required in "
                        + type.description());
            }
        }
        boolean requiredGlobally = global.all()
                .anyMatch(item -> CLOUD_IDENTIFIER.equals(item.key()) && Boolean.TRUE.equals(item.required()));
        Optional<Item<StandardConfigurationKey>> cloud = config.standardKey(CLOUD_IDENTIFIER);
        boolean given = cloud.filter(item -> Boolean.TRUE.equals(item.required()) || item.defaultValue() != null)
                .isPresent();
        if (!requiredGlobally && !given) {
            String who = "application '" + Paths.shorten(String.valueOf(application.name())) + "'";
            if (cloud.isPresent()) {
                nodes.problem(cloud.get().path(), "CLOUD_IDENTIFIER must have required: true or a default in "
                        + who + ", unless the global configuration declares it with required: true");
            } else {
                nodes.problem(config.standardPath(), "must declare CLOUD_IDENTIFIER with required: true or a default: "
                        + who + " needs it, unless the global configuration declares it with required: true");
            }
        }
        if (config.secured() != null && !config.secured().isEmpty()) {
            nodes.problem(Paths.child(config.path(), SECURED), "is not allowed in " + type.description()
                    + ": it may have only standard configuration");
        }
    }
}
