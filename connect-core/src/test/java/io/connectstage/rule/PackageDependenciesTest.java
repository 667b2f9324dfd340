package io.connectstage.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The packages of connect-core")
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/connectstage");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?io\\.connectstage\\.([a-z]+)\\.");

    /** Package → the packages its imports name. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = SOURCES.relativize(f).getName(0).toString();
                Set<String> deps = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                try {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!m.group(1).equals(pkg)) {
                            deps.add(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return graph;
    }

    @Test
    @DisplayName("import each other in one direction only: no cycle (action <-> staging, action <-> lifecycle)")
    void noCycles() throws IOException {
        Map<String, Set<String>> graph = imports();
        assertTrue(graph.containsKey("action") && graph.containsKey("rule"), graph::toString);
        List<String> cycles = new ArrayList<>();
        for (String from : graph.keySet()) {
            if (reaches(graph, from, from, new TreeSet<>())) {
                cycles.add(from);
            }
        }
        assertEquals(List.of(), cycles, () -> "packages on a cycle, in " + graph);
    }

    @Test
    @DisplayName("rule depends on values and errors only")
    void ruleIsLow() throws IOException {
        Set<String> rule = imports().get("rule");
        assertTrue(Set.of("connector", "error").containsAll(rule), rule::toString);
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
