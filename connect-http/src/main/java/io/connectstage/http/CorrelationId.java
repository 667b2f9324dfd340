package io.connectstage.http;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Request;

/**
 * The {@code X-Correlation-ID} of an answer: the client's own when it is one we can safely echo
 * (and print in a log line), otherwise a fresh one, as commercetools answers every request with one
 * and the official CLI sends its own and prints it in errors.
 */
final class CorrelationId {
    static final String HEADER = "X-Correlation-ID";
    /** Longer ids are replaced rather than cut, so that an echoed id is always the client's whole id. */
    static final int MAX_LENGTH = 256;

    private CorrelationId() {
    }

    /** The client's id when it is 1 to {@value #MAX_LENGTH} printable ASCII characters, otherwise a fresh one. */
    static String of(Request request) {
        String given = request == null ? null : request.getHeaders().get(HEADER);
        return acceptable(given) ? given : fresh();
    }

    static boolean acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            // printable ASCII only: nothing that could break a header or a log line
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random UUID-shaped id prefixed like commercetools' ({@code projects-…}); not a secret, so
     * the cheap thread-local generator does rather than {@code UUID.randomUUID()}'s secure one.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "connectstage-" + new java.util.UUID(random.nextLong(), random.nextLong());
    }
}
