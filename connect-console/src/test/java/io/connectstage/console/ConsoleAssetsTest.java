package io.connectstage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The console's files")
class ConsoleAssetsTest {
    private static final Path DIR = Path.of("src/main/resources/io/connectstage/console/assets");

    private static Set<String> onDisk() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(Files::isRegularFile).map(f -> DIR.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    @DisplayName("are exactly those of assets.list, each served at its path and / being index.html")
    void listMatchesDirectory() throws IOException {
        ConsoleAssets assets = ConsoleAssets.load();
        Set<String> listed = assets.all().values().stream().map(ConsoleAsset::path).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk(), listed);
        assertEquals("index.html", assets.at("/").orElseThrow().path());
        assertEquals("console/app.js", assets.at("/console/app.js").orElseThrow().path());
        assertTrue(assets.at("/index.html").isEmpty());
    }

    @Test
    @DisplayName("have no inline script, style or event handler (the CSP would block them)")
    void nothingInline() throws IOException {
        String html = Files.readString(DIR.resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find(), "inline script");
        assertFalse(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "inline style or handler");
    }

    @Test
    @DisplayName("never parse text as HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write or eval")
    void scriptsBuildNodesOnly() throws IOException {
        for (String f : onDisk()) {
            if (f.endsWith(".js")) {
                String js = Files.readString(DIR.resolve(f), StandardCharsets.UTF_8);
                for (String sink : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"}) {
                    assertFalse(js.contains(sink), f + " uses " + sink);
                }
                assertFalse(js.contains("localStorage"), f + " uses localStorage (tokens stay in sessionStorage)");
            }
        }
    }
}
