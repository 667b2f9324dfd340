package io.connectstage.runner;

import io.connectstage.deployment.Deployment;
import io.connectstage.processing.RunResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A JVM that runs the fixture connector with a runner and then waits to be killed: arguments are
 * the work folder and the fixture repository. Prints {@code PORT <service port>} once the
 * applications answer, or {@code FAILED <entries>}.
 */
public final class RunnerChild {
    private RunnerChild() {
    }

    public static void main(String[] args) throws Exception {
        ProcessDeploymentRunner runner = ProcessDeploymentRunner.builder().serverBase(() -> URI.create("http://127.0.0.1:1"))
                .workDirectory(Path.of(args[0])).mirrors(Map.of(FixtureConnector.URL, Path.of(args[1])))
                .stopGrace(Duration.ofSeconds(2)).build();
        Deployment d = FixtureConnector.deployment("00000099-0000-4000-8000-000000000000", FixtureConnector.GOOD, "hi", "x-secret");
        RunResult result = runner.start("fixture-project", d, true, logs -> { });
        if (!result.succeeded()) {
            System.out.println("FAILED " + result.entries());
            System.exit(1);
        }
        System.out.println("PORT " + runner.application(d.id(), "service").get().address().getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
