package io.connectstage.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads one entry of {@code deployAs}: its type, name, endpoint, schedule, scripts, health check, retry policy and configuration. */
final class ApplicationReader {
    private static final List<String> SCRIPTS = List.of("postDeploy", "preUndeploy");
    private static final List<String> HEALTH_NUMBERS = List.of("intervalSeconds", "timeoutSeconds", "unhealthyThreshold");
    private static final List<String> HEALTH_KEYS = List.of("path", "intervalSeconds", "timeoutSeconds", "unhealthyThreshold");
    private static final List<String> IMMEDIATE_KEYS = List.of("strategy");
    private static final List<String> BACKOFF_KEYS = List.of("strategy", "minBackoffSeconds", "maxBackoffSeconds", "maxAttempts");

    /** One application as read, with what the rules across applications need. */
    record Application(String path, String name, DeclaredType type, String endpoint, String schedule,
                       ConfigurationBlock config, ApplicationScripts scripts) {
        ApplicationSpecification toSpecification() {
            return new ApplicationSpecification(name, type.applicationType, endpoint, schedule,
                    config.standardValues(), config.securedValues(), scripts);
        }
    }

    private final Nodes nodes;
    private final ConfigurationReader configurations;

    ApplicationReader(Nodes nodes, ConfigurationReader configurations) {
        this.nodes = nodes;
        this.configurations = configurations;
    }

    Application application(String path, Node node) {
        Entries entries = nodes.mapping(path, node);
        if (entries == null) {
            return null;
        }
        DeclaredType type = applicationType(Paths.child(path, "applicationType"), entries.get("applicationType"));
        String name = null;
        if (!entries.containsKey("name")) {
            nodes.problem(Paths.child(path, "name"), "is required");
        } else {
            name = name(Paths.child(path, "name"), entries.get("name"));
        }
        if (type != null) {
            nodes.strict(path, entries, type.allowed, "in " + type.description());
            for (String key : type.required) {
                if (!entries.containsKey(key)) {
                    nodes.problem(Paths.child(path, key), "is required in " + type.description()
                            + (key.equals("properties") ? ": a job needs properties.schedule" : ""));
                }
            }
        }
        // Values are checked for the keys this type allows (for an unknown type: every known key).
        String endpoint = allowed(type, entries, "endpoint") ? endpoint(Paths.child(path, "endpoint"), entries.get("endpoint")) : null;
        String schedule = allowed(type, entries, "properties")
                ? properties(Paths.child(path, "properties"), entries.get("properties")) : null;
        ApplicationScripts scripts = allowed(type, entries, "scripts")
                ? scripts(Paths.child(path, "scripts"), entries.get("scripts")) : ApplicationScripts.NONE;
        if (allowed(type, entries, "healthCheck")) {
            healthCheck(Paths.child(path, "healthCheck"), entries.get("healthCheck"));
        }
        if (allowed(type, entries, "retryPolicy")) {
            retryPolicy(Paths.child(path, "retryPolicy"), entries.get("retryPolicy"));
        }
        ConfigurationBlock config = ConfigurationBlock.absent(Paths.child(path, "configuration"));
        if (allowed(type, entries, "configuration")) {
            config = configurations.configuration(config.path(), entries.get("configuration"));
        }
        return new Application(path, name, type, endpoint, schedule, config, scripts);
    }

    private static boolean allowed(DeclaredType type, Entries entries, String key) {
        return entries.containsKey(key) && (type == null || type.allowed.contains(key));
    }

    private DeclaredType applicationType(String path, Node node) {
        if (node == null) {
            nodes.problem(path, "is required: one of " + DeclaredType.ACCEPTED);
            return null;
        }
        String spelling = nodes.string(path, node);
        if (spelling == null) {
            return null;
        }
        DeclaredType type = DeclaredType.of(spelling);
        if (type == null) {
            nodes.problem(path, "unknown application type '" + Paths.shorten(spelling) + "', expected one of "
                    + DeclaredType.ACCEPTED);
        }
        return type;
    }

    private String name(String path, Node node) {
        String name = nodes.string(path, node);
        if (name != null && !SpecRules.isName(name)) {
            nodes.problem(path, "must be " + SpecRules.NAME_RULE + ", got '" + Paths.shorten(name) + "'");
        }
        return name;
    }

    private String endpoint(String path, Node node) {
        String endpoint = nodes.string(path, node);
        if (endpoint == null) {
            return null;
        }
        String problem = SpecRules.endpointProblem(endpoint);
        if (problem != null) {
            nodes.problem(path, problem);
        }
        return endpoint;
    }

    private String properties(String path, Node node) {
        Entries entries = nodes.mapping(path, node);
        if (entries == null) {
            return null;
        }
        nodes.strict(path, entries, List.of("schedule"), "in properties");
        String schedulePath = Paths.child(path, "schedule");
        if (!entries.containsKey("schedule")) {
            nodes.problem(schedulePath, "is required: " + SpecRules.SCHEDULE_RULE);
            return null;
        }
        String schedule = nodes.string(schedulePath, entries.get("schedule"));
        if (schedule != null && !SpecRules.isSchedule(schedule)) {
            nodes.problem(schedulePath, "must be " + SpecRules.SCHEDULE_RULE + ", got '" + Paths.shorten(schedule) + "'");
        }
        return schedule;
    }

    private ApplicationScripts scripts(String path, Node node) {
        Entries entries = nodes.mapping(path, node);
        if (entries == null) {
            return ApplicationScripts.NONE;
        }
        nodes.strict(path, entries, SCRIPTS, "in scripts");
        String[] commands = new String[SCRIPTS.size()];
        for (int i = 0; i < SCRIPTS.size(); i++) {
            String script = SCRIPTS.get(i);
            if (entries.containsKey(script)) {
                commands[i] = nodes.text(Paths.child(path, script), entries.get(script));
            }
        }
        return new ApplicationScripts(commands[0], commands[1]);
    }

    private void healthCheck(String path, Node node) {
        Entries entries = nodes.mapping(path, node);
        if (entries == null) {
            return;
        }
        nodes.strict(path, entries, HEALTH_KEYS, "in healthCheck");
        if (!entries.containsKey("path")) {
            nodes.problem(Paths.child(path, "path"), "is required");
        } else {
            endpoint(Paths.child(path, "path"), entries.get("path"));
        }
        for (String number : HEALTH_NUMBERS) {
            if (entries.containsKey(number)) {
                nodes.integer(Paths.child(path, number), entries.get(number), 1, 20);
            }
        }
    }

    private void retryPolicy(String path, Node node) {
        Entries entries = nodes.mapping(path, node);
        if (entries == null) {
            return;
        }
        String strategyPath = Paths.child(path, "strategy");
        if (!entries.containsKey("strategy")) {
            nodes.problem(strategyPath, "is required: immediate or exponential-backoff");
            return;
        }
        String strategy = nodes.string(strategyPath, entries.get("strategy"));
        if ("immediate".equals(strategy)) {
            nodes.strict(path, entries, IMMEDIATE_KEYS, "in a retryPolicy with strategy immediate");
        } else if ("exponential-backoff".equals(strategy)) {
            nodes.strict(path, entries, BACKOFF_KEYS, "in a retryPolicy with strategy exponential-backoff");
            BigDecimal min = requiredInteger(path, entries, "minBackoffSeconds", 1, 600);
            BigDecimal max = requiredInteger(path, entries, "maxBackoffSeconds", 1, 600);
            if (entries.containsKey("maxAttempts")) {
                nodes.integer(Paths.child(path, "maxAttempts"), entries.get("maxAttempts"), 5, 100);
            }
            // Compared even when a bound is out of range, as the official parser does.
            if (min != null && max != null && min.compareTo(max) > 0) {
                nodes.problem(Paths.child(path, "minBackoffSeconds"), "must be at most maxBackoffSeconds ("
                        + max.stripTrailingZeros().toPlainString() + "), got " + min.stripTrailingZeros().toPlainString());
            }
        } else if (strategy != null) {
            nodes.problem(strategyPath, "unknown strategy '" + Paths.shorten(strategy)
                    + "', expected immediate or exponential-backoff");
        }
    }

    private BigDecimal requiredInteger(String path, Entries entries, String key, int min, int max) {
        if (!entries.containsKey(key)) {
            nodes.problem(Paths.child(path, key), "is required: a whole number from " + min + " to " + max);
            return null;
        }
        return nodes.integer(Paths.child(path, key), entries.get(key), min, max);
    }

    List<Application> applications(String path, Node node) {
        List<Node> items = nodes.sequence(path, node);
        if (items == null) {
            return null;
        }
        List<Application> applications = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Application application = application(Paths.child(path, i), items.get(i));
            if (application != null) {
                applications.add(application);
            }
        }
        return applications;
    }
}
