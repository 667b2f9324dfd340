package io.connectstage.junit;

import io.connectstage.processing.ConnectorAnalyzer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The spec analyzer over mirrored repositories. connect-analyzer (and JGit with it) is an optional
 * dependency, so nothing names its classes outside {@link Loaded}, which is loaded only when mirrors
 * are given.
 */
final class MirrorAnalyzer {
    private static final String SPEC_ANALYZER = "io.connectstage.analysis.SpecAnalyzer";

    private MirrorAnalyzer() {
    }

    /** The spec analyzer reading these repositories from their local mirrors. */
    static ConnectorAnalyzer of(Map<String, Path> mirrors) {
        try {
            Class.forName(SPEC_ANALYZER, false, MirrorAnalyzer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("mirrors are analyzed by connect-analyzer, which is not on the test class"
                    + " path: add the dependency io.connectstage:connect-analyzer (scope test), or give no mirrors"
                    + " to accept every repository", e);
        }
        return Loaded.of(mirrors);
    }

    private static final class Loaded {
        static ConnectorAnalyzer of(Map<String, Path> mirrors) {
            return new io.connectstage.analysis.SpecAnalyzer(
                    io.connectstage.repository.GitRepositorySource.builder().mirrors(mirrors).build());
        }
    }
}
