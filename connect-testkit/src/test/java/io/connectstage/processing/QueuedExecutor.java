package io.connectstage.processing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that only queues: the test decides when each task runs. */
final class QueuedExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    int pending() {
        return tasks.size();
    }

    void runNext() {
        tasks.remove().run();
    }

    void runAll() {
        while (!tasks.isEmpty()) {
            runNext();
        }
    }
}
