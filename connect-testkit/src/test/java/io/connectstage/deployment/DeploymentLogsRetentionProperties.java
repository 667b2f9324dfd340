package io.connectstage.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random appends (timestamps out of order and repeated, three applications), then
 * {@link DeploymentLogs#retainingNewest}, against a model: the appends in a list sorted stably by
 * timestamp, of which the last {@code n} are kept.
 */
@DisplayName("DeploymentLogs.retainingNewest against a model")
class DeploymentLogsRetentionProperties {
    private static final Instant T0 = Instant.parse("2024-02-15T10:00:00Z");
    private static final List<String> APPS = List.of("service", "events", "nightly");

    /** One append: which application, at which second (few seconds, so that instants repeat). */
    record Append(int app, int second) {
    }

    private static Gen<List<Append>> appends() {
        Gen<Append> one = integers().between(0, APPS.size() - 1).zip(integers().between(0, 12), Append::new);
        return lists().of(one).ofSizeBetween(0, 80);
    }

    private static List<DeploymentLog> entries(List<Append> appends) {
        List<DeploymentLog> logs = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            Append a = appends.get(i);
            logs.add(DeploymentLog.text("d-1", APPS.get(a.app()), DeploymentLogSeverity.INFO, T0.plusSeconds(a.second()), "line " + i));
        }
        return logs;
    }

    /** The model's newest {@code n}: a stable sort keeps the order of appends within an instant. */
    private static List<DeploymentLog> newest(List<DeploymentLog> appended, int n) {
        List<DeploymentLog> sorted = new ArrayList<>(appended);
        sorted.sort(Comparator.comparing(DeploymentLog::timestamp));
        return sorted.subList(Math.max(0, sorted.size() - n), sorted.size());
    }

    private static void assertSameAsModel(List<DeploymentLog> model, DeploymentLogs logs) {
        assertEquals(model, logs.all().toJavaList());
        assertEquals(model.size(), logs.size());
        for (String app : APPS) {
            assertEquals(model.stream().filter(l -> l.applicationName().equals(app)).toList(), logs.of(app).toJavaList(), app);
        }
    }

    @Test
    @DisplayName("retaining the newest n after all appends keeps the model's newest n, as a whole and per application")
    void retainingOnce() {
        qt().withExamples(300).forAll(appends(), integers().between(0, 90)).checkAssert((appends, n) -> {
            List<DeploymentLog> appended = entries(appends);
            assertSameAsModel(newest(appended, n), DeploymentLogs.of(appended).retainingNewest(n));
        });
    }

    @Test
    @DisplayName("retaining the newest n after every append, as a store does, keeps the same entries")
    void retainingAfterEveryAppend() {
        qt().withExamples(300).forAll(appends(), integers().between(0, 30)).checkAssert((appends, n) -> {
            List<DeploymentLog> appended = entries(appends);
            DeploymentLogs logs = DeploymentLogs.empty();
            for (DeploymentLog log : appended) {
                logs = logs.plus(log).retainingNewest(n);
            }
            assertSameAsModel(newest(appended, n), logs);
        });
    }
}
