package io.connectstage.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "run all the tests" command is what CI runs, character for character. */
@DisplayName("The README's test command")
class ReadmeTestCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    @DisplayName("is the command .ci/run runs")
    void isTheCommandCiRuns() throws IOException {
        List<String> commands = Files.readAllLines(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> line.startsWith(".ci/postgres"))
                .collect(Collectors.toList());
        assertFalse(commands.isEmpty(), ".ci/run runs no .ci/postgres ... command");
        String command = commands.get(commands.size() - 1);
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        boolean found = readme.lines().anyMatch(line -> line.startsWith(command + " ") || line.equals(command));
        assertTrue(found, "README.md does not show the command of .ci/run: " + command);
    }
}
