package io.connectstage.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The URL of a started {@code serve} (or bare server) process, from its {@code listening on URL}
 * line; the rest of its standard output is drained on a daemon thread, so that a full pipe never
 * stalls the server being measured.
 */
final class ReadyLine {
    private static final String READY = "listening on ";

    private ReadyLine() {
    }

    /** The URL the process printed, or {@code null} when its output ended without one. */
    static String await(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(READY)) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line.substring(READY.length()).trim();
            }
        }
        return null;
    }
}
