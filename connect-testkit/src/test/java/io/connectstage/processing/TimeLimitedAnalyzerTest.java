package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.Repository;
import io.connectstage.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An analyzer with a time limit")
class TimeLimitedAnalyzerTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Repository REPOSITORY = new Repository("git@github.com:acme/connector.git", "1.0.0");
    private static final Duration LIMIT = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock(AT);
    /** Keeps the alarms instead of timing them: the test rings them. */
    private final Alarms alarms = new Alarms();

    private static final class Alarms extends ScheduledThreadPoolExecutor {
        final List<Runnable> set = new ArrayList<>();

        Alarms() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable alarm, long delay, TimeUnit unit) {
            set.add(alarm);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }
    }

    @AfterEach
    void stopAlarms() {
        alarms.shutdownNow();
    }

    private TimeLimitedAnalyzer limited(ConnectorAnalyzer analyzer) {
        return new TimeLimitedAnalyzer(analyzer, LIMIT, clock, alarms);
    }

    @Test
    void answersTheAnalysisOfAnAnalyzerThatFinishesInTime() {
        Analysis valid = ConnectorAnalyzer.acceptingEverything().analyze(REPOSITORY, AT);
        assertSame(valid, limited((r, at) -> {
            clock.advance(LIMIT);
            return valid;
        }).analyze(REPOSITORY, AT));
        assertEquals(1, alarms.set.size(), "one alarm, on the processor's scheduler");
    }

    @Test
    void failsAnAnalysisThatEndsPastTheLimitOnTheClock() {
        Analysis late = limited((r, at) -> {
            clock.advance(LIMIT.plusMillis(1));
            return ConnectorAnalyzer.acceptingEverything().analyze(r, at);
        }).analyze(REPOSITORY, AT);
        assertFalse(late.valid());
        assertEquals("The analysis did not finish within 2 s.", late.entries().get(0).message());
    }

    @Test
    void interruptsTheAnalysisWhenTheAlarmRingsAndClearsTheInterruptAfter() {
        boolean[] interrupted = new boolean[1];
        Analysis cut = limited((r, at) -> {
            alarms.set.get(0).run(); // the limit is reached while the analyzer waits
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
            return ConnectorAnalyzer.acceptingEverything().analyze(r, at);
        }).analyze(REPOSITORY, AT);
        assertTrue(interrupted[0]);
        assertFalse(cut.valid());
        assertTrue(cut.entries().get(0).message().contains("did not finish"));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void anAlarmAfterTheAnalysisInterruptsNothing() {
        TimeLimitedAnalyzer analyzer = limited(ConnectorAnalyzer.acceptingEverything());
        assertTrue(analyzer.analyze(REPOSITORY, AT).valid());
        alarms.set.get(0).run();
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void failsAnAnalyzerThatThrowsOrAnswersNothing() {
        Analysis thrown = limited((r, at) -> {
            throw new IllegalStateException("analyzer bug");
        }).analyze(REPOSITORY, AT);
        assertFalse(thrown.valid());
        assertEquals("The analyzer failed: IllegalStateException: analyzer bug", thrown.entries().get(0).message());
        assertEquals(TimeLimitedAnalyzer.ANALYSIS_FAILED, thrown.entries().get(0).title());
        Analysis nothing = limited((r, at) -> null).analyze(REPOSITORY, AT);
        assertFalse(nothing.valid());
        assertEquals("The analyzer answered nothing.", nothing.entries().get(0).message());
    }
}
