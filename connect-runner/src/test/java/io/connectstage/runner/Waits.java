package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling for what happens in other processes: never a timing assertion. */
final class Waits {
    static final Duration LONG = Duration.ofSeconds(60);

    private Waits() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, LONG, condition);
    }

    static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not " + what + " after " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
    }

    static <T> T value(String what, Supplier<T> attempt) {
        Object[] out = new Object[1];
        until(what, () -> (out[0] = attempt.get()) != null);
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
