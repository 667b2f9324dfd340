package io.connectstage.runner;

import io.connectstage.connector.ApplicationType;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.ConfigurationValue;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentGlobalConfiguration;
import io.connectstage.deployment.SecuredConfigurationValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of the commands the runner starts: nothing of the server's own but {@code PATH}
 * (so that node, npm and sh are found). {@code HOME} and the npm cache point into the work folder,
 * so that npm writes nowhere else and never reads the server user's {@code .npmrc} (which may hold
 * registry tokens); the update notifier is off, so that a package without dependencies needs no
 * registry. Applications and scripts also get their configuration values, global then their own,
 * and the variables Connect documents for scripts; builds get none of the configuration values,
 * so that a secured value cannot end up in a build log. These maps are never logged.
 */
final class Environments {
    /** What Connect sets {@code CONNECT_GCP_PROJECT_ID} to is its own; this names the local runner instead. */
    static final String GCP_PROJECT_ID = "connectstage-local";

    private final String path;
    private final WorkFolders folders;
    private final Map<String, String> buildExtras;

    Environments(String path, WorkFolders folders, Map<String, String> buildExtras) {
        this.path = path;
        this.folders = folders;
        this.buildExtras = Map.copyOf(buildExtras);
    }

    /** For {@code npm ci}, {@code npm install} and {@code npm run build}: with the extras given for them (a proxy, a CA file). */
    Map<String, String> build() {
        Map<String, String> env = new LinkedHashMap<>(buildExtras);
        env.putAll(base());
        return env;
    }

    /** What every command gets. */
    private Map<String, String> base() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path);
        env.put("HOME", folders.home().toString());
        env.put("npm_config_cache", folders.npmCache().toString());
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_audit", "false");
        return env;
    }

    /**
     * For an application ({@code port} set) or its scripts ({@code port} null). The configuration
     * values come first, so that a key named like one of the runner's ({@code PATH}, {@code PORT})
     * cannot stop the application from being found or reached.
     */
    Map<String, String> application(Deployment d, ApplicationDeployment app, ApplicationType type, String serviceUrl,
            Integer port) {
        Map<String, String> env = new LinkedHashMap<>();
        DeploymentGlobalConfiguration global = d.globalConfiguration();
        if (global != null) {
            putStandard(env, global.standardConfiguration());
            putSecured(env, global.securedConfiguration());
        }
        putStandard(env, app.standardConfiguration());
        putSecured(env, app.securedConfiguration());
        env.putAll(base());
        env.put("CONNECT_PROVIDER", "GCP");
        if (type == ApplicationType.SERVICE) {
            env.put("CONNECT_SERVICE_URL", serviceUrl);
        }
        if (type == ApplicationType.EVENT) {
            env.put("CONNECT_SUBSCRIPTION_DESTINATION", "GoogleCloudPubSub");
            env.put("CONNECT_GCP_PROJECT_ID", GCP_PROJECT_ID);
            env.put("CONNECT_GCP_TOPIC_NAME", app.eventTopic());
        }
        if (port != null) {
            env.put("PORT", Integer.toString(port));
        }
        return env;
    }


    private static void putStandard(Map<String, String> env, java.util.List<ConfigurationValue> values) {
        if (values != null) {
            values.stream().filter(v -> v != null && v.key() != null && v.value() != null).forEach(v -> env.put(v.key(), v.value()));
        }
    }

    private static void putSecured(Map<String, String> env, java.util.List<SecuredConfigurationValue> values) {
        if (values != null) {
            values.stream().filter(v -> v != null && v.key() != null && v.value() != null)
                    .forEach(v -> env.put(v.key(), v.value().reveal()));
        }
    }
}
