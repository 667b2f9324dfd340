package io.connectstage.spec;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorApiClient;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Checks a composed {@code connect.yaml} tree against every rule of SPEC-NOTES §1 and builds the
 * specification. One instance reads one file: problems are gathered in a list as the walk finds
 * them, so that a file reports all of them at once, in a fixed order (each application's own
 * problems in file order, then {@code inheritAs}, then the rules that span several places).
 */
final class SpecificationReader {
    private static final String DEPLOY_AS = "deployAs";
    private static final String INHERIT_AS = "inheritAs";
    private static final String STANDARD = "standardConfiguration";
    private static final String SECURED = "securedConfiguration";
    private static final String CLOUD_IDENTIFIER = "CLOUD_IDENTIFIER";
    private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");

    private final List<SpecProblem> problems = new ArrayList<>();

    private SpecificationReader() {
    }

    static Either<Seq<SpecProblem>, ConnectorSpecification> read(Optional<Node> root) {
        return new SpecificationReader().specification(root);
    }

    /** The type of an application as written, with the keys it allows and needs. */
    private enum DeclaredType {
        SERVICE("service", ApplicationType.SERVICE, List.of("endpoint"),
                List.of("configuration", "scripts", "healthCheck")),
        EVENT("event", ApplicationType.EVENT, List.of("endpoint"),
                List.of("configuration", "scripts", "healthCheck", "retryPolicy")),
        JOB("job", ApplicationType.JOB, List.of("endpoint", "properties"), List.of("configuration", "scripts")),
        CUSTOM_APPLICATION("merchant-center-custom-application", ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION,
                List.of(), List.of("configuration", "scripts")),
        LEGACY_CUSTOM_APPLICATION("mc-app", ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION,
                List.of(), List.of("configuration", "scripts")),
        CUSTOM_VIEW("merchant-center-custom-view", ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW,
                List.of(), List.of("configuration", "scripts")),
        ASSETS("assets", ApplicationType.ASSETS, List.of(), List.of());

        static final String ACCEPTED = Stream.of(values()).map(t -> t.spelling).collect(Collectors.joining(", "));

        final String spelling;
        final ApplicationType applicationType;
        final List<String> required;
        final List<String> allowed;

        DeclaredType(String spelling, ApplicationType applicationType, List<String> required, List<String> optional) {
            this.spelling = spelling;
            this.applicationType = applicationType;
            this.required = required;
            List<String> allowed = new ArrayList<>(List.of("name", "applicationType"));
            allowed.addAll(required);
            allowed.addAll(optional);
            this.allowed = List.copyOf(allowed);
        }

        static DeclaredType of(String spelling) {
            return Stream.of(values()).filter(t -> t.spelling.equals(spelling)).findFirst().orElse(null);
        }

        boolean isMerchantCenter() {
            return applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION
                    || applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW;
        }

        String description() {
            return applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_APPLICATION
                    ? "a Merchant Center custom application (" + spelling + ")"
                    : applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW
                    ? "a Merchant Center custom view"
                    : "an application of type " + spelling;
        }
    }

    /** A configuration item with the path of its item, its key (null when not a string) and value. */
    private record Located<T>(String path, String key, Boolean required, String defaultValue, T value) {
        String keyPath() {
            return Paths.child(path, "key");
        }
    }

    /**
     * A configuration block as read: a list is {@code null} when the block leaves it out;
     * {@code readable} is false when the block or one of its lists has the wrong shape, so that
     * the rules which look into it do not add noise to that problem.
     */
    private record Config(String path, boolean present, boolean readable,
                          List<Located<StandardConfigurationKey>> standard,
                          List<Located<SecuredConfigurationKey>> secured) {

        static Config absent(String path) {
            return new Config(path, false, true, null, null);
        }

        Stream<Located<?>> all() {
            return Stream.concat(standard == null ? Stream.empty() : standard.stream(),
                    secured == null ? Stream.empty() : secured.stream());
        }

        Optional<Located<StandardConfigurationKey>> standardKey(String key) {
            return standard == null ? Optional.empty()
                    : standard.stream().filter(item -> key.equals(item.key())).findFirst();
        }

        String standardPath() {
            return Paths.child(path, STANDARD);
        }
    }

    private record Application(String path, String name, DeclaredType type, String endpoint, String schedule,
                               Config config) {
    }

    private Either<Seq<SpecProblem>, ConnectorSpecification> specification(Optional<Node> rootNode) {
        if (rootNode.isEmpty() || isNull(rootNode.get())) {
            return Either.left(io.vavr.collection.List.of(new SpecProblem("",
                    "the file is empty: it must be a mapping with the key deployAs")));
        }
        if (!(rootNode.get() instanceof MappingNode)) {
            return Either.left(io.vavr.collection.List.of(new SpecProblem("",
                    "the file must be a mapping with the key deployAs, got " + describe(rootNode.get()))));
        }
        Map<String, Node> root = entries((MappingNode) rootNode.get());
        strict("", root, List.of(DEPLOY_AS, INHERIT_AS), "at the top level");
        List<Application> applications = null;
        if (!root.containsKey(DEPLOY_AS)) {
            problem(DEPLOY_AS, "is required: the list of applications (it may be empty)");
        } else {
            applications = applications(root.get(DEPLOY_AS));
        }
        Config global = Config.absent(Paths.child(INHERIT_AS, "configuration"));
        List<String> scopes = null;
        if (root.containsKey(INHERIT_AS)) {
            Map<String, Node> inheritAs = mapping(INHERIT_AS, root.get(INHERIT_AS));
            if (inheritAs != null) {
                strict(INHERIT_AS, inheritAs, List.of("configuration", "apiClient"), "in inheritAs");
                if (inheritAs.containsKey("configuration")) {
                    global = configuration(global.path(), inheritAs.get("configuration"));
                }
                if (inheritAs.containsKey("apiClient")) {
                    scopes = apiClientScopes(Paths.child(INHERIT_AS, "apiClient"), inheritAs.get("apiClient"));
                }
            }
        }
        if (applications != null) {
            crossChecks(applications, global);
        }
        if (!problems.isEmpty()) {
            return Either.left(io.vavr.collection.List.ofAll(problems));
        }
        return Either.right(new ConnectorSpecification(
                applications.stream().map(SpecificationReader::toSpecification).toList(),
                global.present() ? new ConnectorGlobalConfiguration(values(global.standard()), values(global.secured()))
                        : null,
                scopes == null ? null : new ConnectorApiClient(scopes)));
    }

    private static ApplicationSpecification toSpecification(Application application) {
        Config config = application.config();
        return new ApplicationSpecification(application.name(), application.type().applicationType,
                application.endpoint(), application.schedule(), values(config.standard()), values(config.secured()));
    }

    private static <T> List<T> values(List<Located<T>> items) {
        return items == null ? null : items.stream().map(Located::value).toList();
    }

    // ---- deployAs -----------------------------------------------------------------------------

    private List<Application> applications(Node node) {
        List<Node> items = sequence(DEPLOY_AS, node);
        if (items == null) {
            return null;
        }
        List<Application> applications = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Application application = application(Paths.child(DEPLOY_AS, i), items.get(i));
            if (application != null) {
                applications.add(application);
            }
        }
        return applications;
    }

    private Application application(String path, Node node) {
        Map<String, Node> entries = mapping(path, node);
        if (entries == null) {
            return null;
        }
        DeclaredType type = applicationType(Paths.child(path, "applicationType"), entries.get("applicationType"));
        String name = null;
        if (!entries.containsKey("name")) {
            problem(Paths.child(path, "name"), "is required");
        } else {
            name = name(Paths.child(path, "name"), entries.get("name"));
        }
        if (type != null) {
            strict(path, entries, type.allowed, "in " + type.description());
            for (String key : type.required) {
                if (!entries.containsKey(key)) {
                    problem(Paths.child(path, key), "is required in " + type.description()
                            + (key.equals("properties") ? ": a job needs properties.schedule" : ""));
                }
            }
        }
        // Values are checked for the keys this type allows (for an unknown type: every known key).
        Map<String, Node> checked = new LinkedHashMap<>(entries);
        if (type != null) {
            checked.keySet().retainAll(type.allowed);
        }
        String endpoint = checked.containsKey("endpoint")
                ? endpoint(Paths.child(path, "endpoint"), checked.get("endpoint")) : null;
        String schedule = checked.containsKey("properties")
                ? properties(Paths.child(path, "properties"), checked.get("properties")) : null;
        if (checked.containsKey("scripts")) {
            scripts(Paths.child(path, "scripts"), checked.get("scripts"));
        }
        if (checked.containsKey("healthCheck")) {
            healthCheck(Paths.child(path, "healthCheck"), checked.get("healthCheck"));
        }
        if (checked.containsKey("retryPolicy")) {
            retryPolicy(Paths.child(path, "retryPolicy"), checked.get("retryPolicy"));
        }
        Config config = Config.absent(Paths.child(path, "configuration"));
        if (checked.containsKey("configuration")) {
            config = configuration(config.path(), checked.get("configuration"));
        }
        return new Application(path, name, type, endpoint, schedule, config);
    }

    private DeclaredType applicationType(String path, Node node) {
        if (node == null) {
            problem(path, "is required: one of " + DeclaredType.ACCEPTED);
            return null;
        }
        String spelling = string(path, node);
        if (spelling == null) {
            return null;
        }
        DeclaredType type = DeclaredType.of(spelling);
        if (type == null) {
            problem(path, "unknown application type '" + Paths.shorten(spelling) + "', expected one of "
                    + DeclaredType.ACCEPTED);
        }
        return type;
    }

    private String name(String path, Node node) {
        String name = string(path, node);
        if (name != null && !SpecRules.NAME.matcher(name).matches()) {
            problem(path, "must be " + SpecRules.NAME_RULE + ", got '" + Paths.shorten(name) + "'");
        }
        return name;
    }

    private String endpoint(String path, Node node) {
        String endpoint = string(path, node);
        if (endpoint == null) {
            return null;
        }
        String problem = SpecRules.endpointProblem(endpoint);
        if (problem != null) {
            problem(path, problem);
        }
        return endpoint;
    }

    private String properties(String path, Node node) {
        Map<String, Node> entries = mapping(path, node);
        if (entries == null) {
            return null;
        }
        strict(path, entries, List.of("schedule"), "in properties");
        String schedulePath = Paths.child(path, "schedule");
        if (!entries.containsKey("schedule")) {
            problem(schedulePath, "is required: " + SpecRules.SCHEDULE_RULE);
            return null;
        }
        String schedule = string(schedulePath, entries.get("schedule"));
        if (schedule != null && !SpecRules.isSchedule(schedule)) {
            problem(schedulePath, "must be " + SpecRules.SCHEDULE_RULE + ", got '" + Paths.shorten(schedule) + "'");
        }
        return schedule;
    }

    private void scripts(String path, Node node) {
        Map<String, Node> entries = mapping(path, node);
        if (entries == null) {
            return;
        }
        strict(path, entries, List.of("postDeploy", "preUndeploy"), "in scripts");
        for (String script : List.of("postDeploy", "preUndeploy")) {
            if (entries.containsKey(script)) {
                text(Paths.child(path, script), entries.get(script));
            }
        }
    }

    private void healthCheck(String path, Node node) {
        Map<String, Node> entries = mapping(path, node);
        if (entries == null) {
            return;
        }
        List<String> numbers = List.of("intervalSeconds", "timeoutSeconds", "unhealthyThreshold");
        List<String> allowed = new ArrayList<>(List.of("path"));
        allowed.addAll(numbers);
        strict(path, entries, allowed, "in healthCheck");
        if (!entries.containsKey("path")) {
            problem(Paths.child(path, "path"), "is required");
        } else {
            endpoint(Paths.child(path, "path"), entries.get("path"));
        }
        for (String number : numbers) {
            if (entries.containsKey(number)) {
                integer(Paths.child(path, number), entries.get(number), 1, 20);
            }
        }
    }

    private void retryPolicy(String path, Node node) {
        Map<String, Node> entries = mapping(path, node);
        if (entries == null) {
            return;
        }
        String strategyPath = Paths.child(path, "strategy");
        if (!entries.containsKey("strategy")) {
            problem(strategyPath, "is required: immediate or exponential-backoff");
            return;
        }
        String strategy = string(strategyPath, entries.get("strategy"));
        if ("immediate".equals(strategy)) {
            strict(path, entries, List.of("strategy"), "in a retryPolicy with strategy immediate");
        } else if ("exponential-backoff".equals(strategy)) {
            strict(path, entries, List.of("strategy", "minBackoffSeconds", "maxBackoffSeconds", "maxAttempts"),
                    "in a retryPolicy with strategy exponential-backoff");
            Integer min = requiredInteger(path, entries, "minBackoffSeconds", 1, 600);
            Integer max = requiredInteger(path, entries, "maxBackoffSeconds", 1, 600);
            if (entries.containsKey("maxAttempts")) {
                integer(Paths.child(path, "maxAttempts"), entries.get("maxAttempts"), 5, 100);
            }
            if (min != null && max != null && min > max) {
                problem(Paths.child(path, "minBackoffSeconds"),
                        "must be at most maxBackoffSeconds (" + max + "), got " + min);
            }
        } else if (strategy != null) {
            problem(strategyPath, "unknown strategy '" + Paths.shorten(strategy)
                    + "', expected immediate or exponential-backoff");
        }
    }

    private Integer requiredInteger(String path, Map<String, Node> entries, String key, int min, int max) {
        if (!entries.containsKey(key)) {
            problem(Paths.child(path, key), "is required: a whole number from " + min + " to " + max);
            return null;
        }
        return integer(Paths.child(path, key), entries.get(key), min, max);
    }

    // ---- configuration ------------------------------------------------------------------------

    private Config configuration(String path, Node node) {
        Map<String, Node> entries = mapping(path, node);
        if (entries == null) {
            return new Config(path, true, false, null, null);
        }
        strict(path, entries, List.of(STANDARD, SECURED), "in a configuration");
        boolean readable = true;
        List<Located<StandardConfigurationKey>> standard = null;
        if (entries.containsKey(STANDARD)) {
            standard = items(Paths.child(path, STANDARD), entries.get(STANDARD), this::standardKey);
            readable = standard != null;
        }
        List<Located<SecuredConfigurationKey>> secured = null;
        if (entries.containsKey(SECURED)) {
            secured = items(Paths.child(path, SECURED), entries.get(SECURED), this::securedKey);
            readable &= secured != null;
        }
        return new Config(path, true, readable, standard, secured);
    }

    private interface ItemReader<T> {
        Located<T> read(String path, Map<String, Node> entries);
    }

    private <T> List<Located<T>> items(String path, Node node, ItemReader<T> reader) {
        List<Node> nodes = sequence(path, node);
        if (nodes == null) {
            return null;
        }
        List<Located<T>> items = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = Paths.child(path, i);
            Map<String, Node> entries = mapping(itemPath, nodes.get(i));
            if (entries != null) {
                items.add(reader.read(itemPath, entries));
            }
        }
        return items;
    }

    private Located<StandardConfigurationKey> standardKey(String path, Map<String, Node> entries) {
        strict(path, entries, List.of("key", "description", "required", "default"), "in a standard configuration key");
        String key = configurationKey(path, entries);
        String description = description(path, entries);
        Boolean required = entries.containsKey("required") ? bool(Paths.child(path, "required"), entries.get("required"))
                : null;
        String defaultValue = entries.containsKey("default") ? text(Paths.child(path, "default"), entries.get("default"))
                : null;
        return new Located<>(path, key, required, defaultValue,
                new StandardConfigurationKey(key, description, required, defaultValue));
    }

    private Located<SecuredConfigurationKey> securedKey(String path, Map<String, Node> entries) {
        Map<String, Node> rest = new LinkedHashMap<>(entries);
        if (rest.remove("default") != null) {
            problem(Paths.child(path, "default"), "is not allowed: a secured configuration key has no default");
        }
        strict(path, rest, List.of("key", "description", "required"), "in a secured configuration key");
        String key = configurationKey(path, entries);
        String description = description(path, entries);
        Boolean required = entries.containsKey("required") ? bool(Paths.child(path, "required"), entries.get("required"))
                : null;
        return new Located<>(path, key, required, null, new SecuredConfigurationKey(key, description, required));
    }

    private String configurationKey(String path, Map<String, Node> entries) {
        String keyPath = Paths.child(path, "key");
        if (!entries.containsKey("key")) {
            problem(keyPath, "is required");
            return null;
        }
        String key = string(keyPath, entries.get("key"));
        if (key == null) {
            return null;
        }
        if (!SpecRules.CONFIGURATION_KEY.matcher(key).matches()) {
            problem(keyPath, "must be " + SpecRules.KEY_RULE + ", got '" + Paths.shorten(key) + "'");
        } else if (SpecRules.isReserved(key)) {
            problem(keyPath, "'" + key + "' is a reserved word: " + String.join(", ", SpecRules.RESERVED_KEYS)
                    + " are set by Connect (compared without regard to case)");
        }
        return key;
    }

    private String description(String path, Map<String, Node> entries) {
        if (!entries.containsKey("description")) {
            problem(Paths.child(path, "description"), "is required");
            return null;
        }
        return text(Paths.child(path, "description"), entries.get("description"));
    }

    private List<String> apiClientScopes(String path, Node node) {
        Map<String, Node> entries = mapping(path, node);
        if (entries == null) {
            return null;
        }
        strict(path, entries, List.of("scopes"), "in apiClient");
        String scopesPath = Paths.child(path, "scopes");
        if (!entries.containsKey("scopes")) {
            problem(scopesPath, "is required: a list of at least one scope");
            return null;
        }
        List<Node> nodes = sequence(scopesPath, entries.get("scopes"));
        if (nodes == null) {
            return null;
        }
        if (nodes.isEmpty()) {
            problem(scopesPath, "must list at least one scope");
        }
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            scopes.add(text(Paths.child(scopesPath, i), nodes.get(i)));
        }
        return scopes;
    }

    // ---- rules across places ------------------------------------------------------------------

    private void crossChecks(List<Application> applications, Config global) {
        Map<String, String> names = new HashMap<>();
        for (Application application : applications) {
            if (application.name() != null) {
                String namePath = Paths.child(application.path(), "name");
                String first = names.putIfAbsent(application.name(), namePath);
                if (first != null) {
                    problem(namePath, "duplicate application name '" + Paths.shorten(application.name())
                            + "', already used at " + first);
                }
            }
        }
        Map<String, String> globalKeys = uniqueKeys(global, "inheritAs.configuration");
        for (Application application : applications) {
            Config config = application.config();
            uniqueKeys(config, "this application");
            config.all().filter(item -> globalKeys.containsKey(item.key())).forEach(item ->
                    problem(item.keyPath(), "'" + Paths.shorten(item.key()) + "' is already declared in the global"
                            + " configuration at " + globalKeys.get(item.key())
                            + ": a global key must not be declared again in an application"));
            if (application.type() != null && application.type().isMerchantCenter() && config.readable()) {
                merchantCenter(application, global);
            }
        }
    }

    /** Reports each key declared twice in a block; answers the first place of each key. */
    private Map<String, String> uniqueKeys(Config config, String where) {
        Map<String, String> first = new HashMap<>();
        config.all().filter(item -> item.key() != null).forEach(item -> {
            String earlier = first.putIfAbsent(item.key(), item.keyPath());
            if (earlier != null) {
                problem(item.keyPath(), "duplicate key '" + Paths.shorten(item.key()) + "' in " + where
                        + ", already declared at " + earlier);
            }
        });
        return first;
    }

    private void merchantCenter(Application application, Config global) {
        DeclaredType type = application.type();
        Config config = application.config();
        List<String> requiredKeys = type.applicationType == ApplicationType.MERCHANT_CENTER_CUSTOM_VIEW
                ? List.of("CUSTOM_VIEW_ID") : List.of("CUSTOM_APPLICATION_ID", "ENTRY_POINT_URI_PATH");
        for (String key : requiredKeys) {
            Optional<Located<StandardConfigurationKey>> item = config.standardKey(key);
            if (item.isEmpty()) {
                problem(config.standardPath(), "must declare " + key + " with required: true in "
                        + type.description());
            } else if (!Boolean.TRUE.equals(item.get().required())) {
                problem(Paths.child(item.get().path(), "required"), "must be true: " + key + " is required in "
                        + type.description());
            }
        }
        boolean requiredGlobally = global.all()
                .anyMatch(item -> CLOUD_IDENTIFIER.equals(item.key()) && Boolean.TRUE.equals(item.required()));
        Optional<Located<StandardConfigurationKey>> cloud = config.standardKey(CLOUD_IDENTIFIER);
        boolean given = cloud.filter(item -> Boolean.TRUE.equals(item.required()) || item.defaultValue() != null)
                .isPresent();
        if (!requiredGlobally && !given) {
            String who = "application '" + Paths.shorten(String.valueOf(application.name())) + "'";
            if (cloud.isPresent()) {
                problem(cloud.get().path(), "CLOUD_IDENTIFIER must have required: true or a default in "
                        + who + ", unless the global configuration declares it with required: true");
            } else {
                problem(config.standardPath(), "must declare CLOUD_IDENTIFIER with required: true or a default: "
                        + who + " needs it, unless the global configuration declares it with required: true");
            }
        }
        if (config.secured() != null && !config.secured().isEmpty()) {
            problem(Paths.child(config.path(), SECURED), "is not allowed in " + type.description()
                    + ": it may have only standard configuration");
        }
    }

    // ---- typed reads of nodes -----------------------------------------------------------------

    private void problem(String path, String message) {
        problems.add(new SpecProblem(path, message));
    }

    private void strict(String path, Map<String, Node> entries, List<String> allowed, String where) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                problem(Paths.child(path, Paths.shorten(key)), "is not allowed " + where + "; allowed keys: "
                        + String.join(", ", allowed));
            }
        }
    }

    private Map<String, Node> mapping(String path, Node node) {
        if (node instanceof MappingNode mapping) {
            return entries(mapping);
        }
        problem(path, "must be a mapping, got " + describe(node));
        return null;
    }

    /** The entries in file order; keys are unique and scalar, {@link YamlDocument} and the composer made sure. */
    private static Map<String, Node> entries(MappingNode mapping) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            entries.put(key instanceof ScalarNode scalar ? scalar.getValue() : "?", tuple.getValueNode());
        }
        return entries;
    }

    private List<Node> sequence(String path, Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(path, "must be a list, got " + describe(node));
        return null;
    }

    private String string(String path, Node node) {
        if (node instanceof ScalarNode scalar && (Tag.STR.equals(scalar.getTag()) || Tag.ENV_TAG.equals(scalar.getTag()))) {
            return scalar.getValue();
        }
        boolean quotable = node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag());
        problem(path, "must be a string, got " + describe(node) + (quotable ? " (put it in quotes)" : ""));
        return null;
    }

    /** A string that is not empty and not only whitespace. */
    private String text(String path, Node node) {
        String text = string(path, node);
        if (text != null && text.isBlank()) {
            problem(path, "must not be empty or only whitespace");
            return null;
        }
        return text;
    }

    private Boolean bool(String path, Node node) {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            String value = scalar.getValue();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return value.equalsIgnoreCase("true");
            }
        }
        problem(path, "must be a boolean (true or false), got " + describe(node));
        return null;
    }

    private Integer integer(String path, Node node, int min, int max) {
        String range = "a whole number from " + min + " to " + max;
        if (!(node instanceof ScalarNode scalar) || !Tag.INT.equals(scalar.getTag())) {
            problem(path, "must be " + range + ", got " + describe(node));
            return null;
        }
        BigInteger value = parseInt(scalar.getValue());
        if (value == null || value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problem(path, "must be " + range + ", got " + Paths.shorten(scalar.getValue()));
            return null;
        }
        return value.intValueExact();
    }

    /** A YAML 1.2 core-schema integer; {@code null} when it is not one or is absurdly long. */
    private static BigInteger parseInt(String text) {
        if (text.length() > 40 || !CORE_INT.matcher(text).matches()) {
            return null;
        }
        if (text.startsWith("0x")) {
            return new BigInteger(text.substring(2), 16);
        }
        if (text.startsWith("0o")) {
            return new BigInteger(text.substring(2), 8);
        }
        return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** What a node is, in words, for "must be X, got Y" messages. */
    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (!(node instanceof ScalarNode scalar)) {
            return "a value of an unexpected kind";
        }
        Tag tag = scalar.getTag();
        String value = Paths.shorten(scalar.getValue());
        if (Tag.NULL.equals(tag)) {
            return "an empty value";
        }
        if (Tag.BOOL.equals(tag)) {
            return "the boolean " + value;
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "the number " + value;
        }
        return "the string '" + value + "'";
    }
}
