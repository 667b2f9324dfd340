package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./connect} launcher, copied into a folder laid out like the repository,
 * with {@code mvn} and {@code java} on its PATH replaced by scripts that record how they were called.
 */
@DisplayName("./connect: JVM options, and when the jar is stale")
class ConnectScriptTest {
    @TempDir
    Path root;
    Path bin;
    Path jar;
    Path calls;

    @BeforeEach
    void layOut() throws Exception {
        Path script = Path.of("..", "connect").toAbsolutePath().normalize();
        Files.copy(script, root.resolve("connect"));
        bin = Files.createDirectories(root.resolve("bin"));
        calls = root.resolve("calls.txt");
        for (String tool : List.of("mvn", "java")) {
            Path fake = bin.resolve(tool);
            Files.writeString(fake, "#!/usr/bin/env bash\necho \"" + tool + " $*\" >> '" + calls + "'\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path source = root.resolve("connect-cli/src/main/java/io/X.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class X {}");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        jar = root.resolve("connect-cli/target/connectstage.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "a jar");
        // the sources are older than the jar
        age(source, 60);
        age(root.resolve("pom.xml"), 60);
    }

    private static void age(Path file, int minutes) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60L * minutes)));
    }

    private List<String> run(String javaOpts, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("connect").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("out.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        if (javaOpts == null) {
            pb.environment().remove("JAVA_OPTS");
        } else {
            pb.environment().put("JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(root.resolve("out.txt")));
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void passesJavaOptsToTheJvm() throws Exception {
        List<String> calls = run("-Xmx256m -Dx=y", "serve", "--port", "0");
        assertEquals(List.of("java -Xmx256m -Dx=y -jar " + jar + " serve --port 0"), calls);
    }

    @Test
    void runsWithoutJavaOpts() throws Exception {
        assertEquals(List.of("java -jar " + jar + " help"), run(null, "help"));
    }

    @Test
    @DisplayName("files newer than the jar under target/ (a root mvn install's) do not make it rebuild")
    void buildOutputNewerThanTheJarIsNotASource() throws Exception {
        for (String generated : List.of("connect-core/target/generated-sources/Y.java", "target/pom.xml",
                "connect-cli/target/classes/io/Z.java")) {
            Path file = root.resolve(generated);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "new");
        }
        age(jar, 10);
        List<String> calls = run(null, "help");
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("mvn")), calls.toString());
    }

    @Test
    void aSourceNewerThanTheJarMakesItRebuild() throws Exception {
        age(jar, 10);
        Files.setLastModifiedTime(root.resolve("connect-cli/src/main/java/io/X.java"), FileTime.from(Instant.now()));
        List<String> calls = run(null, "help");
        assertTrue(calls.get(0).startsWith("mvn "), calls.toString());
        assertEquals("java -jar " + jar + " help", calls.get(1));
    }
}
