package io.connectstage.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the tests' SLF4J binding (slf4j-simple, which looks up {@code System.err} at each line)
 * writes while a capture is open: the real log lines, as an operator would read them.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogCapture() {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Everything written so far. */
    synchronized String text() {
        System.err.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to 5 seconds for the log to contain {@code part} (some lines are written after the answer). */
    String await(String part) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!text().contains(part) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return text();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
