package io.connectstage.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Mutates real and hand-written {@code connect.yaml} files (fixed seed) and asks both parsers,
 * ours and the official one (npm {@code @commercetools-connect/specification}, run by
 * {@code node} on {@code src/test/node/verdicts.mjs}, all files in one process), whether each is
 * valid. Every disagreement must be one of the {@link #DELIBERATE} differences, each documented
 * in the README. The npm package is installed into {@code target/official-parser} with
 * {@code npm ci} when missing; a machine without {@code node} fails this test.
 */
@DisplayName("ConnectYamlParser agrees with the official parser on mutated files")
class ConnectYamlDifferentialTest {
    /** {@code -Ddifferential.seed=…} and {@code -Ddifferential.files=…} run another or a larger sample. */
    private static final long SEED = Long.getLong("differential.seed", 20261130L);
    private static final int FILES = Integer.getInteger("differential.files", 400);
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path NODE_SOURCES = MODULE.resolve("src/test/node");
    private static final Path OFFICIAL = MODULE.resolve("target/official-parser");
    private static final Path MUTANTS = MODULE.resolve("target/differential");

    /** A difference we keep on purpose: its name (as in docs/analyzer.md) and how to recognise it from our problems. */
    private record Deliberate(String name, Predicate<Verdicts> applies) {
    }

    private record Verdicts(String file, String text, Either<Seq<SpecProblem>, ConnectorSpecification> ours,
                            boolean officialValid, String officialError) {
        boolean oursValid() {
            return ours.isRight();
        }

        boolean onlyOurProblems(Predicate<SpecProblem> which) {
            return ours.isLeft() && ours.getLeft().forAll(which);
        }

        boolean anyOfOurProblems(Predicate<SpecProblem> which) {
            return ours.isLeft() && ours.getLeft().exists(which);
        }
    }

    /** The deliberate differences; docs/analyzer.md, "In step with the official parser", lists the same. */
    private static final List<Deliberate> DELIBERATE = List.of(
            new Deliberate("tags are refused", v -> !v.oursValid() && v.officialValid()
                    && v.anyOfOurProblems(p -> p.message().startsWith("the tag "))),
            new Deliberate("characters YAML does not allow are refused", v -> !v.oursValid() && v.officialValid()
                    && v.anyOfOurProblems(p -> p.message().contains(" is not allowed at line ")
                    && p.message().startsWith("not valid YAML: the character U+"))),
            new Deliberate("the schedule is matched as a whole", v -> !v.oursValid() && v.officialValid()
                    && v.onlyOurProblems(p -> p.path().endsWith(".properties.schedule"))),
            new Deliberate("applicationType unknown is refused", v -> !v.oursValid() && v.officialValid()
                    && v.onlyOurProblems(p -> p.message().startsWith("unknown application type 'unknown'")
                    || p.path().matches("deployAs\\.\\d+\\.[^.]+") && p.message().startsWith("is not allowed in an application of type unknown"))));

    private static final String RICH = """
            deployAs:
              - name: service-app
                applicationType: service
                endpoint: /service
                scripts:
                  postDeploy: npm install && npm run connector:post-deploy
                  preUndeploy: npm run connector:pre-undeploy
                healthCheck:
                  path: /health
                  intervalSeconds: 10
                  timeoutSeconds: 5
                  unhealthyThreshold: 3
                configuration:
                  standardConfiguration:
                    - key: CTP_REGION
                      description: commercetools region
                      required: true
                      default: europe-west1.gcp
                  securedConfiguration:
                    - key: CTP_CLIENT_SECRET
                      description: client secret
                      required: true
              - name: event-app
                applicationType: event
                endpoint: /event
                retryPolicy:
                  strategy: exponential-backoff
                  minBackoffSeconds: 10
                  maxBackoffSeconds: 300
                  maxAttempts: 10
              - name: job-app
                applicationType: job
                endpoint: /job
                properties:
                  schedule: "*/5 * * * *"
              - name: mc-view
                applicationType: merchant-center-custom-view
                configuration:
                  standardConfiguration:
                    - key: CUSTOM_VIEW_ID
                      description: the view id
                      required: true
                    - key: VIEW_SETTING
                      description: a setting
                      default: gcp-eu
              - name: mc-application
                applicationType: merchant-center-custom-application
                configuration:
                  standardConfiguration:
                    - key: CUSTOM_APPLICATION_ID
                      description: the application id
                      required: true
                    - key: ENTRY_POINT_URI_PATH
                      description: entry point
                      required: true
              - name: assets-app
                applicationType: assets
            inheritAs:
              configuration:
                standardConfiguration:
                  - key: CLOUD_IDENTIFIER
                    description: cloud
                    required: true
                securedConfiguration:
                  - key: GLOBAL_SECRET
                    description: a global secret
              apiClient:
                scopes:
                  - manage_orders
                  - view_products
            """;

    private static final List<String> VALUES = List.of("5.", "10.0", "1e1", "1.5", "0x10", "0o7", "+5", "\"\\u00a0\"",
            "\"\\u001c\"", "\"\\ufeff\"", "\" \"", "\"\"", "~", "true", "True", "\"yes\"", "'0  0 * * *'", "'@every 5\u03bcs'",
            "'@every 5\u00b5s'", "'0 0 * * * *'", "'*/5 * * * *'", "'0 0 * * * '", "'1-5/2 * * * *'", "unknown", "700",
            "0", "21", "/a//b", "/ok", "a", "PORT", "k_service", "CLOUD_IDENTIFIER", "[]", "{}", "[a]", "!custom x",
            "!!str 5", "exponential-backoff", "immediate", "service", "event", "job", "assets", "mc-app",
            "merchant-center-custom-view", "merchant-center-custom-application", "x\ty", "'\u2003'", "\"\\t\"",
            "1_000", ".5", "-1", "600", "601", "@daily", "\"@every 1h30m\"", "12345", "!!float 5", "!!float 5.0",
            "!!int \"5\"", "!!int 5.0", "!!int 0x10", "!!bool true", "!!bool yes", "!!null", "!!null ''", "!!str",
            "! 5", "!<tag:yaml.org,2002:int> '5'", "!!str [a]", "!!map [a]", "!!seq {a: b}", "!!str {}", "!!map a");

    private static final List<String> LINES = List.of("healthCheck: {path: /h, intervalSeconds: 5.}",
            "retryPolicy: {strategy: exponential-backoff, minBackoffSeconds: 700, maxBackoffSeconds: 300}",
            "retryPolicy: {strategy: immediate}", "<<: {name: merged}", "scripts: {postDeploy: \"\\u00a0\"}",
            "properties: {schedule: '0 0 * * *'}", "endpoint: /x", "name: dup", "unknownKey: 1",
            "configuration: {standardConfiguration: [{key: AB, description: \"\\u001c\"}]}",
            "configuration: {securedConfiguration: [{key: SECRET, description: d, default: x}]}",
            "apiClient: {scopes: [\" \"]}", "- {name: extra, applicationType: assets}", "# a comment\t",
            "\t", "key:\tvalue");

    private static final String ALPHABET = " \t:-#&*!{}[],'\"|>?%@`\u00a0\u001c\u00b5\u03bcaZ09_/.\n";

    private static List<Path> mutants;
    private static Map<String, JsonNode> official;

    @BeforeAll
    static void runTheOfficialParser() throws Exception {
        installOfficialParser();
        Files.createDirectories(MUTANTS);
        List<String> seeds = new ArrayList<>(List.of(RICH));
        try (Stream<Path> real = Files.list(MODULE.resolve("src/test/resources/spec/real"))) {
            real.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> seeds.add(read(p)));
        }
        Random random = new Random(SEED);
        mutants = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String text = seeds.get(i % 3 == 0 ? 0 : random.nextInt(seeds.size()));
            int mutations = 1 + random.nextInt(2);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random);
            }
            Path file = MUTANTS.resolve(String.format("mutant-%04d.yaml", i));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            mutants.add(file);
        }
        official = officialVerdicts(mutants);
    }

    @Test
    void agreesOnEveryVerdictButTheDeliberateDifferences() throws IOException {
        List<String> unexplained = new ArrayList<>();
        Map<String, Integer> explained = new LinkedHashMap<>();
        int agreed = 0;
        for (Path file : mutants) {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode verdict = official.get(file.toString());
            assertTrue(verdict != null, "no official verdict for " + file);
            Verdicts verdicts = new Verdicts(file.getFileName().toString(), new String(bytes, StandardCharsets.UTF_8),
                    ConnectYamlParser.parse(bytes), verdict.get("valid").asBoolean(), verdict.path("error").asText(""));
            if (verdicts.oursValid() == verdicts.officialValid()) {
                agreed++;
                continue;
            }
            Deliberate reason = DELIBERATE.stream().filter(d -> d.applies().test(verdicts)).findFirst().orElse(null);
            if (reason != null) {
                explained.merge(reason.name(), 1, Integer::sum);
            } else {
                unexplained.add(verdicts.file() + ": ours " + (verdicts.oursValid() ? "valid" : "invalid "
                        + verdicts.ours().getLeft().take(3).mkString("; ")) + " / official "
                        + (verdicts.officialValid() ? "valid" : "invalid " + verdicts.officialError().replace('\n', ' ')));
            }
        }
        System.out.printf("differential: %d files, %d agreed, deliberate differences %s, unexplained %d%n",
                mutants.size(), agreed, explained, unexplained.size());
        if (!unexplained.isEmpty()) {
            fail(unexplained.size() + " disagreements with the official parser that are not deliberate (files in "
                    + MUTANTS + "):\n" + String.join("\n", unexplained));
        }
    }

    @Test
    void agreesOnTheRealFilesAsTheyAre() throws IOException, InterruptedException {
        List<Path> real;
        try (Stream<Path> files = Files.list(MODULE.resolve("src/test/resources/spec/real"))) {
            real = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Map<String, JsonNode> verdicts = officialVerdicts(real);
        for (Path file : real) {
            boolean ours = ConnectYamlParser.parse(Files.readAllBytes(file)).isRight();
            assertEquals(verdicts.get(file.toString()).get("valid").asBoolean(), ours, file.getFileName().toString());
        }
    }

    /**
     * The core schema's tags, in their short and long forms, and the non-specific {@code !}, each on
     * values of every kind in every kind of place: each file differs from a valid one in one place.
     */
    @Test
    void agreesOnEveryCoreSchemaTagInEveryKindOfPlace() throws IOException, InterruptedException {
        List<String> tags = List.of("!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!",
                "!<tag:yaml.org,2002:str>", "!<tag:yaml.org,2002:int>", "!<tag:yaml.org,2002:float>",
                "!<tag:yaml.org,2002:bool>", "!<tag:yaml.org,2002:null>");
        List<String> scalars = List.of("", "5", "'5'", "\"5\"", "5.0", "5.", "1e1", "0x5", "0o5", "+5", ".inf", ".nan",
                "true", "False", "yes", "~", "null", "''", "svc", "/s", "service", "immediate", "AB", "'  '");
        List<String> collections = List.of("{path: /h}", "[a]", "{}", "[]");
        Path directory = Files.createDirectories(MUTANTS.resolve("tags"));
        Map<Path, String> files = new LinkedHashMap<>();
        for (String tag : tags) {
            for (String slot : TAGGED_SCALAR_SLOTS) {
                for (String value : scalars) {
                    files.put(directory.resolve(String.format("tagged-%04d.yaml", files.size())),
                            tagged(slot, tag + " " + value));
                }
            }
            for (String slot : TAGGED_COLLECTION_SLOTS) {
                for (String value : collections) {
                    files.put(directory.resolve(String.format("tagged-%04d.yaml", files.size())),
                            tagged(slot, tag + " " + value));
                }
            }
            files.put(directory.resolve(String.format("tagged-%04d.yaml", files.size())),
                    tagged("KEY", tag + " timeoutSeconds: 5"));
        }
        files.put(directory.resolve(String.format("tagged-%04d.yaml", files.size())),
                "%TAG !e! tag:yaml.org,2002:\n---\n" + tagged("NUMBER", "!e!float 5"));
        files.put(directory.resolve(String.format("tagged-%04d.yaml", files.size())),
                "%TAG !e! tag:yaml.org,2002:\n---\n" + tagged("NUMBER", "!e!int '5'"));
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
        }
        Map<String, JsonNode> verdicts = officialVerdicts(List.copyOf(files.keySet()));
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            JsonNode verdict = verdicts.get(file.getKey().toString());
            Either<Seq<SpecProblem>, ConnectorSpecification> ours = ConnectYamlParser.parse(
                    file.getValue().getBytes(StandardCharsets.UTF_8));
            java.util.Set<String> officialPaths = new java.util.TreeSet<>();
            verdict.path("paths").forEach(p -> officialPaths.add(p.asText().equals("file content") ? "" : p.asText()));
            // A key that is not allowed: zod names the mapping that holds it, we name the key.
            java.util.Set<String> ourPaths = new java.util.TreeSet<>(ours.isLeft() ? ours.getLeft()
                    .map(p -> p.message().startsWith("is not allowed") ? parent(p.path()) : p.path()).toJavaList() : List.of());
            if (ours.isRight() != verdict.get("valid").asBoolean() || !ourPaths.equals(officialPaths)) {
                disagreements.add(file.getKey().getFileName() + " " + changedLine(file.getValue()) + ": ours "
                        + (ours.isRight() ? "valid" : ours.getLeft().take(3).mkString("; ")) + " / official "
                        + (verdict.get("valid").asBoolean() ? "valid" : verdict.path("error").asText().replace('\n', ' ')));
            }
        }
        System.out.printf("tagged values: %d files, %d disagreements%n", files.size(), disagreements.size());
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " disagreements on tagged values (files in " + directory + "):\n"
                    + String.join("\n", disagreements));
        }
    }

    /** A valid file: each %s is a place one file changes. */
    private static final String TAGGED = """
            deployAs:
              - name: %s
                applicationType: %s
                endpoint: %s
                healthCheck: %s
                configuration:
                  standardConfiguration:
                    - {key: AB, description: %s, required: %s, default: %s}
              - name: ev
                applicationType: event
                endpoint: /e
                retryPolicy: {strategy: %s, minBackoffSeconds: 1, maxBackoffSeconds: 5}
            inheritAs:
              apiClient:
                scopes: %s
            """;
    private static final List<String> TAGGED_SCALAR_SLOTS = List.of("NAME", "TYPE", "ENDPOINT", "NUMBER", "DESCRIPTION",
            "BOOLEAN", "DEFAULT", "STRATEGY", "SCOPE");
    private static final List<String> TAGGED_COLLECTION_SLOTS = List.of("HEALTH_CHECK", "SCOPES");

    /** {@link #TAGGED} with {@code slot} replaced by {@code value}. */
    private static String tagged(String slot, String value) {
        Map<String, String> values = new HashMap<>(Map.of("NAME", "svc", "TYPE", "service", "ENDPOINT", "/s",
                "NUMBER", "5", "DESCRIPTION", "d", "BOOLEAN", "true", "DEFAULT", "x", "STRATEGY", "exponential-backoff",
                "SCOPE", "manage_orders"));
        values.put(slot, value);
        String key = slot.equals("KEY") ? value : "timeoutSeconds: " + values.get("NUMBER");
        String healthCheck = slot.equals("HEALTH_CHECK") ? value : "{path: /h, " + key + "}";
        String scopes = slot.equals("SCOPES") ? value : "[" + values.get("SCOPE") + "]";
        return String.format(TAGGED, values.get("NAME"), values.get("TYPE"), values.get("ENDPOINT"), healthCheck,
                values.get("DESCRIPTION"), values.get("BOOLEAN"), values.get("DEFAULT"), values.get("STRATEGY"), scopes);
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String changedLine(String text) {
        return text.lines().filter(l -> l.contains("!")).findFirst().orElse("").trim();
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(9)) {
            case 0, 1 -> { // a space between tokens becomes a tab: the largest class of differences once
                int space = nthIndexOf(text, ' ', random, true);
                return space < 0 ? text : text.substring(0, space) + '\t' + text.substring(space + 1);
            }
            case 2 -> { // any space becomes a tab, indentation included
                int space = nthIndexOf(text, ' ', random, false);
                return space < 0 ? text : text.substring(0, space) + '\t' + text.substring(space + 1);
            }
            case 3 -> lines.remove(at);
            case 4 -> lines.add(at, line);
            case 5, 6 -> { // a value replaced
                int colon = line.indexOf(": ");
                String value = VALUES.get(random.nextInt(VALUES.size()));
                if (colon >= 0) {
                    lines.set(at, line.substring(0, colon + 2) + value);
                } else if (line.trim().startsWith("- ")) {
                    lines.set(at, line.substring(0, line.indexOf("- ") + 2) + value);
                } else {
                    lines.set(at, line + " " + value);
                }
            }
            case 7 -> { // a line inserted at the indentation of its neighbour
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                if (line.stripLeading().startsWith("- ")) {
                    indent += "  ";
                }
                lines.add(at + 1, indent + LINES.get(random.nextInt(LINES.size())));
            }
            default -> { // one character replaced
                if (text.isEmpty()) {
                    return text;
                }
                int index = random.nextInt(text.length());
                return text.substring(0, index) + ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        + text.substring(index + 1);
            }
        }
        return String.join("\n", lines);
    }

    /** A random occurrence of {@code c}; with {@code afterToken}, only one that follows a character other than a blank. */
    private static int nthIndexOf(String text, char c, Random random, boolean afterToken) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c && (!afterToken || i > 0 && " \t\n".indexOf(text.charAt(i - 1)) < 0)) {
                found.add(i);
            }
        }
        return found.isEmpty() ? -1 : found.get(random.nextInt(found.size()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the official parser --------------------------------------------------------------------

    private static void installOfficialParser() throws IOException, InterruptedException {
        Files.createDirectories(OFFICIAL);
        for (String file : List.of("package.json", "package-lock.json", "verdicts.mjs", "timing.mjs")) {
            Files.copy(NODE_SOURCES.resolve(file), OFFICIAL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("node", "--version"), "node is required by this test (Node 20 or later on the PATH)");
        if (!Files.exists(OFFICIAL.resolve("node_modules/@commercetools-connect/specification/package.json"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), "npm ci in " + OFFICIAL + " failed");
        }
    }

    private static void run(List<String> command, String whatFailed) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(OFFICIAL.toFile()).redirectErrorStream(true)
                    .redirectOutput(OFFICIAL.resolve("install.log").toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(whatFailed + ": timed out");
            }
            if (process.exitValue() != 0) {
                fail(whatFailed + ": exit " + process.exitValue() + "\n" + read(OFFICIAL.resolve("install.log")));
            }
        } catch (IOException e) {
            fail(whatFailed + ": " + e.getMessage());
        }
    }

    private static Map<String, JsonNode> officialVerdicts(List<Path> files) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        Path list = Files.createTempFile(MUTANTS.getParent(), "files", ".json");
        Files.writeString(list, json.writeValueAsString(files.stream().map(Path::toString).toList()));
        Process process = new ProcessBuilder("node", "--no-warnings", "verdicts.mjs").directory(OFFICIAL.toFile())
                .redirectInput(list.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, JsonNode> verdicts = new HashMap<>();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            fail("the official parser failed: " + output);
        }
        Files.delete(list);
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                JsonNode verdict = json.readTree(line);
                verdicts.put(verdict.get("file").asText(), verdict);
            }
        }
        return verdicts;
    }
}
