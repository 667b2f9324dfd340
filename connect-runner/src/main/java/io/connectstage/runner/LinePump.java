package io.connectstage.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a process's output line by line on a thread of its own, each line cut at
 * {@code maxLineBytes} (the rest of a longer line is skipped, and the line marked as cut), so one
 * endless line cannot grow memory. Ends when the stream does (the process and everything holding
 * its pipe are gone).
 */
final class LinePump {
    static final String CUT = " …[line cut]";

    private LinePump() {
    }

    static Thread start(String name, InputStream in, int maxLineBytes, Consumer<String> lines) {
        Thread t = new Thread(() -> pump(in, maxLineBytes, lines), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void pump(InputStream in, int maxLineBytes, Consumer<String> lines) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean cut = false;
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        emit(line, cut, lines);
                        line.reset();
                        cut = false;
                    } else if (line.size() < maxLineBytes) {
                        line.write(b);
                    } else {
                        cut = true;
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is emitted below
        }
        if (line.size() > 0) {
            emit(line, cut, lines);
        }
    }

    private static void emit(ByteArrayOutputStream line, boolean cut, Consumer<String> lines) {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        lines.accept(cut ? text + CUT : text);
    }
}
