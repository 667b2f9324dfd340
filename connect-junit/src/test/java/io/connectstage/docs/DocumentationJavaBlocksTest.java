package io.connectstage.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles, with its imports, against this
 * module's test class path (the extension, the server, the stores, the analyzer), so that a user
 * who copies one gets code that compiles. Each block is a whole compilation unit.
 */
@DisplayName("The Java blocks of the documentation")
class DocumentationJavaBlocksTest {
    /** The repository root: surefire runs the tests in the module's directory. */
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @TempDir
    Path classes;

    @Test
    @DisplayName("every block of README.md and docs/*.md compiles against the test class path")
    void everyBlockCompiles() throws IOException {
        List<JavaBlock> blocks = documentationBlocks();
        assertFalse(blocks.isEmpty(), "no ```java block found under " + ROOT);
        List<String> errors = compiler().errors(blocks, classes);
        assertTrue(errors.isEmpty(), errors.size() + " compile errors in the documentation's Java blocks:\n"
                + String.join("\n", errors));
    }

    @Test
    @DisplayName("a block announced as a file of the repository is that file, word for word")
    void aBlockThatShowsAFileIsThatFile() throws IOException {
        int shown = 0;
        for (Path page : pages()) {
            String markdown = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = SHOWN_FILE.matcher(markdown);
            while (m.find()) {
                shown++;
                Path file = ROOT.resolve(m.group(1));
                assertTrue(Files.isRegularFile(file), ROOT.relativize(page) + " shows " + m.group(1) + ", which is not a file");
                assertEquals(Files.readString(file, StandardCharsets.UTF_8), m.group(2),
                        ROOT.relativize(page) + " shows " + m.group(1) + " but its block differs from the file");
            }
        }
        assertTrue(shown > 0, "no page shows a file: the worked example of docs/testkit.md is gone");
    }

    @Test
    @DisplayName("a block that does not compile is reported with its page, its line and javac's message")
    void aBrokenBlockIsReportedWhereItIs() {
        String page = "# A page\n\ntext\n\n```java\nimport java.util.List;\n\nclass Broken {\n"
                + "    List<String> names = List.of(1);\n}\n```\n";
        List<String> errors = compiler().errors(JavaBlock.of("BROKEN.md", page), classes);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("BROKEN.md:9 (the block at line 5): "), errors.get(0));
        assertTrue(errors.get(0).contains("incompatible types"), errors.get(0));
    }

    @Test
    @DisplayName("a block that forgets an import is reported, so no snippet leans on imports it does not show")
    void aBlockWithoutItsImportsIsReported() {
        String page = "```java\nclass NoImports {\n    ConnectServer server;\n}\n```\n";
        List<String> errors = compiler().errors(JavaBlock.of("NOIMPORTS.md", page), classes);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("NOIMPORTS.md:3 "), errors.get(0));
        assertTrue(errors.get(0).contains("cannot find symbol"), errors.get(0));
    }

    @Test
    @DisplayName("blocks of the extension and the server compile when written whole, in a package or not")
    void wholeBlocksCompile() {
        String page = "```java\npackage example;\n\nimport io.connectstage.junit.ConnectServerTest;\n\n"
                + "@ConnectServerTest\nclass SampleTest {\n}\n```\n\nand\n\n```java\n"
                + "import io.connectstage.http.ConnectServer;\n\nclass SampleServer {\n    ConnectServer server;\n}\n```\n";
        List<JavaBlock> blocks = JavaBlock.of("GOOD.md", page);
        assertEquals(2, blocks.size());
        assertEquals(List.of(), compiler().errors(blocks, classes));
    }

    private static BlockCompiler compiler() {
        // surefire's own property: the whole test class path (java.class.path may be a manifest-only jar)
        return new BlockCompiler(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    }

    /** {@code <!-- the file PATH -->} right before a java block: the block is that file of the repository. */
    private static final Pattern SHOWN_FILE = Pattern.compile("<!-- the file (\\S+) -->\n```java\n(.*?)```", Pattern.DOTALL);

    private static List<JavaBlock> documentationBlocks() throws IOException {
        List<JavaBlock> blocks = new ArrayList<>();
        for (Path page : pages()) {
            blocks.addAll(JavaBlock.of(ROOT.relativize(page).toString(), Files.readString(page, StandardCharsets.UTF_8)));
        }
        return blocks;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                pages.addAll(files.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
            }
        }
        return pages;
    }
}
