package io.connectstage.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the Java blocks of the documentation with the JDK's compiler against a class path, all
 * in one task (so a block's classes must not share a name with another block's), and answers the
 * errors, each placed at its line in its Markdown page.
 */
final class BlockCompiler {
    private final String classPath;

    BlockCompiler(String classPath) {
        this.classPath = classPath;
    }

    /** The errors, {@code README.md:57: cannot find symbol …}; empty when every block compiles. */
    List<String> errors(List<JavaBlock> blocks, Path outputDirectory) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: the tests need a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<JavaFileObject, JavaBlock> sources = new IdentityHashMap<>();
        for (JavaBlock block : blocks) {
            sources.put(new BlockSource(block), block);
        }
        List<String> options = List.of("-classpath", classPath, "-d", outputDirectory.toString(),
                "-proc:none", "-encoding", "UTF-8");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            javac.getTask(null, files, diagnostics, options, null, new ArrayList<>(sources.keySet())).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            JavaBlock block = d.getSource() == null ? null : sources.get(d.getSource());
            String where = block == null ? "(no block)"
                    : block.page() + ":" + (block.fenceLine() + Math.max(d.getLineNumber(), 1))
                            + " (the block at line " + block.fenceLine() + ")";
            errors.add(where + ": " + d.getMessage(Locale.ROOT));
        }
        return errors;
    }

    private static final class BlockSource extends SimpleJavaFileObject {
        private final String text;

        BlockSource(JavaBlock block) {
            super(URI.create("string:///" + block.page().replace('/', '_') + "/L" + block.fenceLine() + "/"
                    + block.fileName()), Kind.SOURCE);
            this.text = block.source();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
