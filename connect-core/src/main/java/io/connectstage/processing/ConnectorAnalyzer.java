package io.connectstage.processing;

import io.connectstage.connector.Repository;
import java.time.Instant;

/**
 * The port to a connector's code: analyzes the repository at its tag and says what it found.
 * The git implementation clones and parses {@code connect.yaml}; tests may use their own. An
 * implementation should not throw, but the processing survives one that does.
 */
@FunctionalInterface
public interface ConnectorAnalyzer {

    /** The analysis of this repository; report entries are stamped {@code at}. */
    Analysis analyze(Repository repository, Instant at);
}
