package io.connectstage.deployment;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.deployment.ConfigurationKeyResolver.Refusal;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.Schedules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Configuration values checked against what a Connector declares, for a create and a redeploy
 * alike: unknown applications and keys, required keys without a value, defaults for what was left
 * out, the schedule override of a job. Errors are collected, never thrown; the values are keyed by
 * name only, so no secured value reaches an error.
 */
final class Configurations {
    /** What came out: the applications and global values to deploy with, and the errors found. */
    record Resolved(List<ApplicationDeployment> applications, DeploymentGlobalConfiguration global, List<ConnectError> errors) {
    }

    private Configurations() {
    }

    /** Field-level checks of request values: no null element, key or value; no key twice. */
    static List<ConnectError> shapeErrors(String at, List<DeploymentConfigurationApplication> apps) {
        List<ConnectError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < apps.size(); i++) {
            DeploymentConfigurationApplication app = apps.get(i);
            String here = at + "[" + i + "]";
            if (app == null) {
                errors.add(ConnectError.requiredField(here));
                continue;
            }
            if (app.applicationName() == null) {
                errors.add(ConnectError.requiredField(here + ".applicationName"));
            } else if (!names.add(app.applicationName())) {
                errors.add(ConnectError.duplicateField(at + ".applicationName", app.applicationName()));
            }
            errors.addAll(valueShapeErrors(here, app.standardConfiguration(), app.securedConfiguration()));
            if (app.schedule() != null && !Schedules.isSchedule(app.schedule())) {
                errors.add(ConnectError.invalidField(here + ".schedule", "must be " + Schedules.RULE + ", got '"
                        + shortened(app.schedule()) + "'"));
            }
        }
        return errors;
    }

    /**
     * Whether the application is known not to be a job: a Deployment read from JSON without its
     * Connector's configurations does not know the types, and keeps what it has.
     */
    private static boolean notJob(ConnectorConfigurationApplication declaration) {
        return declaration.applicationType() != null && declaration.applicationType() != ApplicationType.JOB;
    }

    /** A value as an error quotes it: at most 64 characters, so a long one cannot swell the answer. */
    private static String shortened(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    static List<ConnectError> valueShapeErrors(String at, List<ConfigurationValue> standard, List<SecuredConfigurationValue> secured) {
        List<ConnectError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (standard != null) {
            for (int j = 0; j < standard.size(); j++) {
                ConfigurationValue v = standard.get(j);
                String here = at + ".standardConfiguration[" + j + "]";
                if (v == null) {
                    errors.add(ConnectError.requiredField(here));
                    continue;
                }
                keyValueErrors(errors, keys, at + ".standardConfiguration", here, v.key(), v.value() == null);
            }
        }
        keys.clear();
        if (secured != null) {
            for (int j = 0; j < secured.size(); j++) {
                SecuredConfigurationValue v = secured.get(j);
                String here = at + ".securedConfiguration[" + j + "]";
                if (v == null) {
                    errors.add(ConnectError.requiredField(here));
                    continue;
                }
                keyValueErrors(errors, keys, at + ".securedConfiguration", here, v.key(), v.value() == null);
            }
        }
        return errors;
    }

    private static void keyValueErrors(List<ConnectError> errors, Set<String> keys, String list, String here, String key,
            boolean valueMissing) {
        if (key == null) {
            errors.add(ConnectError.requiredField(here + ".key"));
        } else if (!keys.add(key)) {
            errors.add(ConnectError.duplicateField(list + ".key", key));
        }
        if (valueMissing) {
            errors.add(ConnectError.requiredField(here + ".value"));
        }
    }

    /** The values of a create: nothing before, every declared application a new one of Deployment {@code deploymentId}. */
    static Resolved create(List<ConnectorConfigurationApplication> declared, ConnectorGlobalConfiguration declaredGlobal,
            List<DeploymentConfigurationApplication> given, DeploymentGlobalConfiguration givenGlobal, String deploymentId) {
        return resolve("configurations", null, declared, declaredGlobal, given, givenGlobal, Map.of(), null, null,
                name -> DeploymentLifecycle.applicationId(deploymentId, name));
    }

    /**
     * The values of a redeploy of {@code current}: what is not given is kept. Unless the Connector
     * is updated, an application outside the Deployment does not belong to it.
     */
    static Resolved redeploy(Deployment current, List<ConnectorConfigurationApplication> declared,
            ConnectorGlobalConfiguration declaredGlobal, List<DeploymentConfigurationApplication> given,
            DeploymentGlobalConfiguration givenGlobal, boolean updatesConnector) {
        Map<String, ApplicationDeployment> previous = new LinkedHashMap<>();
        current.applications().forEach(a -> previous.put(a.applicationName(), a));
        Set<String> belongs = updatesConnector ? null : new HashSet<>(previous.keySet());
        return resolve("configurationValues", current, declared, declaredGlobal, given, givenGlobal, previous,
                current.globalConfiguration(), belongs, name -> DeploymentLifecycle.applicationId(current.id(), name));
    }

    /**
     * The applications and global values of a Deployment: for every application the Connector
     * declares, in its order, each declared key's value taken from {@code given}, else from
     * {@code previous} (a redeploy keeps what it does not change), else from the key's default.
     *
     * @param at           the field of the request's application values ({@code configurations}, {@code configurationValues})
     * @param declared     the Connector's applications
     * @param declaredGlobal the Connector's global keys, or {@code null}
     * @param given        the request's application values (already shape-checked; null elements skipped)
     * @param givenGlobal  the request's global values, or {@code null}
     * @param previous     the current applications by name (empty for a create)
     * @param previousGlobal the current global values, or {@code null}
     * @param belongs      for a redeploy, the names of the applications of the Deployment (a named
     *                     application outside it does not belong); {@code null} for a create
     * @param ids          the id of each new application deployment, by name
     */
    private static Resolved resolve(String at, Deployment current, List<ConnectorConfigurationApplication> declared,
            ConnectorGlobalConfiguration declaredGlobal, List<DeploymentConfigurationApplication> given,
            DeploymentGlobalConfiguration givenGlobal, Map<String, ApplicationDeployment> previous,
            DeploymentGlobalConfiguration previousGlobal, Set<String> belongs, Function<String, String> ids) {
        List<ConnectError> errors = new ArrayList<>();
        Map<String, DeploymentConfigurationApplication> byName = new LinkedHashMap<>();
        Map<String, ConnectorConfigurationApplication> declaredByName = new HashMap<>();
        for (ConnectorConfigurationApplication app : declared) {
            declaredByName.put(app.applicationName(), app);
        }
        for (int i = 0; i < given.size(); i++) {
            DeploymentConfigurationApplication app = given.get(i);
            if (app == null || app.applicationName() == null) {
                continue;
            }
            ConnectorConfigurationApplication declaration = declaredByName.get(app.applicationName());
            if (declaration == null) {
                errors.add(DeploymentErrors.unknownApplicationConfiguration(app.applicationName()));
                continue;
            }
            if (belongs != null && !belongs.contains(app.applicationName())) {
                errors.add(DeploymentErrors.applicationDoNotBelong(current, app.applicationName()));
                continue;
            }
            byName.putIfAbsent(app.applicationName(), app);
            unknownKeys(errors, app, declaration);
            if (app.schedule() != null && notJob(declaration)) {
                errors.add(ConnectError.invalidField(at + "[" + i + "].schedule", "only a job application has a schedule, '"
                        + app.applicationName() + "' is of type " + declaration.applicationType().wireValue()));
            }
        }
        List<ApplicationDeployment> applications = new ArrayList<>();
        for (ConnectorConfigurationApplication declaration : declared) {
            String name = declaration.applicationName();
            DeploymentConfigurationApplication values = byName.get(name);
            ApplicationDeployment before = previous.get(name);
            List<ConfigurationValue> givenStandard = values == null ? null : values.standardConfiguration();
            List<SecuredConfigurationValue> givenSecured = values == null ? null : values.securedConfiguration();
            KeyRefusal refuse = (key, refusal) -> errors.add(
                    DeploymentErrors.missingApplicationConfigurationKey(name, key.secured(), key.key(), refusal == Refusal.EMPTY));
            List<ConfigurationValue> standard = values(declaration.standardConfiguration(), ConfigurationKeyResolver::of,
                    key -> findStandard(givenStandard, key), key -> before == null ? null : findStandard(before.standardConfiguration(), key),
                    ConfigurationValue::new, refuse);
            List<SecuredConfigurationValue> secured = values(declaration.securedConfiguration(), ConfigurationKeyResolver::of,
                    key -> findSecured(givenSecured, key), key -> before == null ? null : findSecured(before.securedConfiguration(), key),
                    SecuredConfigurationValue::new, refuse);
            // The override given now, else the one the Deployment had (a redeploy keeps it), and
            // none for an application that is not a job (any more, after updateConnector).
            String schedule = notJob(declaration) ? null
                    : values != null && values.schedule() != null ? values.schedule()
                    : before == null ? null : before.schedule();
            ApplicationDeployment app = before == null
                    ? new ApplicationDeployment(ids.apply(name), name, standard, secured, null, null, schedule)
                    : before.withConfiguration(standard, secured).withSchedule(schedule);
            applications.add(app);
        }
        DeploymentGlobalConfiguration global = global(errors, declaredGlobal, givenGlobal, previousGlobal);
        return new Resolved(List.copyOf(applications), global, List.copyOf(errors));
    }

    private static void unknownKeys(List<ConnectError> errors, DeploymentConfigurationApplication app,
            ConnectorConfigurationApplication declaration) {
        Set<String> standardKeys = new HashSet<>();
        declaration.standardConfiguration().forEach(k -> standardKeys.add(k.key()));
        Set<String> securedKeys = new HashSet<>();
        declaration.securedConfiguration().forEach(k -> securedKeys.add(k.key()));
        if (app.standardConfiguration() != null) {
            for (ConfigurationValue v : app.standardConfiguration()) {
                if (v != null && v.key() != null && !standardKeys.contains(v.key())) {
                    errors.add(DeploymentErrors.unknownApplicationConfigurationKey(false, v.key(), app.applicationName()));
                }
            }
        }
        if (app.securedConfiguration() != null) {
            for (SecuredConfigurationValue v : app.securedConfiguration()) {
                if (v != null && v.key() != null && !securedKeys.contains(v.key())) {
                    errors.add(DeploymentErrors.unknownApplicationConfigurationKey(true, v.key(), app.applicationName()));
                }
            }
        }
    }

    private static DeploymentGlobalConfiguration global(List<ConnectError> errors, ConnectorGlobalConfiguration declared,
            DeploymentGlobalConfiguration given, DeploymentGlobalConfiguration previous) {
        List<StandardConfigurationKey> standardKeys = declared == null || declared.standardConfiguration() == null
                ? List.of() : declared.standardConfiguration();
        List<SecuredConfigurationKey> securedKeys = declared == null || declared.securedConfiguration() == null
                ? List.of() : declared.securedConfiguration();
        List<ConfigurationValue> givenStandard = given == null ? null : given.standardConfiguration();
        List<SecuredConfigurationValue> givenSecured = given == null ? null : given.securedConfiguration();
        if (givenStandard != null) {
            for (ConfigurationValue v : givenStandard) {
                if (v != null && v.key() != null && standardKeys.stream().noneMatch(k -> v.key().equals(k.key()))) {
                    errors.add(DeploymentErrors.unknownGlobalConfigurationKey(false, v.key()));
                }
            }
        }
        if (givenSecured != null) {
            for (SecuredConfigurationValue v : givenSecured) {
                if (v != null && v.key() != null && securedKeys.stream().noneMatch(k -> v.key().equals(k.key()))) {
                    errors.add(DeploymentErrors.unknownGlobalConfigurationKey(true, v.key()));
                }
            }
        }
        if (declared == null && given == null && previous == null) {
            return null;
        }
        KeyRefusal refuse = (key, refusal) -> errors.add(refusal == Refusal.EMPTY
                ? DeploymentErrors.emptyRequiredGlobalConfigurationKey(key.secured(), key.key())
                : DeploymentErrors.missingGlobalConfigurationKey(key.secured(), key.key()));
        List<ConfigurationValue> standard = values(standardKeys, ConfigurationKeyResolver::of, key -> findStandard(givenStandard, key),
                key -> previous == null ? null : findStandard(previous.standardConfiguration(), key), ConfigurationValue::new, refuse);
        List<SecuredConfigurationValue> secured = values(securedKeys, ConfigurationKeyResolver::of, key -> findSecured(givenSecured, key),
                key -> previous == null ? null : findSecured(previous.securedConfiguration(), key), SecuredConfigurationValue::new, refuse);
        return new DeploymentGlobalConfiguration(standard, secured);
    }

    /** What to do with a required key refused: the error differs by place (application or global). */
    private interface KeyRefusal {
        void refuse(ConfigurationKeyResolver<?> key, Refusal refusal);
    }

    /**
     * The values to keep for the declared keys, in their order, each resolved from the request's
     * value and the previous one; a key left without any value is left out.
     */
    private static <K, V, T> List<T> values(List<K> declared, Function<K, ConfigurationKeyResolver<V>> resolver,
            Function<String, V> given, Function<String, V> previous, BiFunction<String, V, T> value, KeyRefusal refuse) {
        List<T> values = new ArrayList<>();
        for (K declaration : declared) {
            ConfigurationKeyResolver<V> key = resolver.apply(declaration);
            ConfigurationKeyResolver.Resolution<V> resolved = key.resolve(given.apply(key.key()), previous.apply(key.key()));
            if (resolved.refusal() != null) {
                refuse.refuse(key, resolved.refusal());
            }
            if (resolved.value() != null) {
                values.add(value.apply(key.key(), resolved.value()));
            }
        }
        return values;
    }

    private static String findStandard(List<ConfigurationValue> values, String key) {
        if (values != null) {
            for (ConfigurationValue v : values) {
                if (v != null && key.equals(v.key())) {
                    return v.value();
                }
            }
        }
        return null;
    }

    private static Secret findSecured(List<SecuredConfigurationValue> values, String key) {
        if (values != null) {
            for (SecuredConfigurationValue v : values) {
                if (v != null && key.equals(v.key())) {
                    return v.value();
                }
            }
        }
        return null;
    }
}
