package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CronSchedule reads unix-cron as Cloud Scheduler does")
class CronScheduleTest {
    /** A Monday. */
    private static final Instant MONDAY_NOON = Instant.parse("2026-12-07T12:00:00Z");

    private static CronSchedule cron(String expression) {
        Either<String, CronSchedule> parsed = CronSchedule.parse(expression);
        assertTrue(parsed.isRight(), () -> parsed.getLeft());
        return parsed.get();
    }

    private static Instant next(String expression, Instant after) {
        Option<Instant> next = cron(expression).next(after, ZoneOffset.UTC);
        assertTrue(next.isDefined(), expression + " never fires");
        return next.get();
    }

    /** The first {@code n} fire times after {@code after}, in UTC. */
    private static List<Instant> fires(String expression, Instant after, int n) {
        CronSchedule s = cron(expression);
        List<Instant> fires = new ArrayList<>();
        Instant at = after;
        for (int i = 0; i < n; i++) {
            at = s.next(at, ZoneOffset.UTC).get();
            fires.add(at);
        }
        return fires;
    }

    @Nested
    @DisplayName("parse")
    class Parse {
        @Test
        @DisplayName("month and day names in any case mean their numbers")
        void namesAreNumbers() {
            assertEquals(fires("15 9 * 1,2,12 1-5", MONDAY_NOON, 40), fires("15 9 * jan,Feb,DEC mon-FRI", MONDAY_NOON, 40));
        }

        @Test
        @DisplayName("0, 7 and SUN are all Sunday")
        void zeroAndSevenAreSunday() {
            Instant sunday = Instant.parse("2026-12-13T08:00:00Z");
            assertEquals(sunday, next("0 8 * * 0", MONDAY_NOON));
            assertEquals(sunday, next("0 8 * * 7", MONDAY_NOON));
            assertEquals(sunday, next("0 8 * * sun", MONDAY_NOON));
            assertEquals(sunday, next("0 8 * * 6-7", Instant.parse("2026-12-12T09:00:00Z")));
        }

        @Test
        @DisplayName("the macros connect.yaml accepts mean their five fields")
        void macrosAreFiveFields() {
            assertEquals(fires("0 0 * * *", MONDAY_NOON, 3), fires("@daily", MONDAY_NOON, 3));
            assertEquals(fires("0 * * * *", MONDAY_NOON, 3), fires("@HOURLY", MONDAY_NOON, 3));
            assertEquals(fires("0 0 * * 0", MONDAY_NOON, 3), fires("@weekly", MONDAY_NOON, 3));
            assertEquals(fires("0 0 1 * *", MONDAY_NOON, 3), fires("@monthly", MONDAY_NOON, 3));
            assertEquals(fires("0 0 1 1 *", MONDAY_NOON, 2), fires("@yearly", MONDAY_NOON, 2));
            assertEquals(fires("0 0 1 1 *", MONDAY_NOON, 2), fires("@annually", MONDAY_NOON, 2));
        }

        @Test
        @DisplayName("the expression is kept as written")
        void keepsExpression() {
            assertEquals(" */10  * * * * ", cron(" */10  * * * * ").expression());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(delimiter = '|', value = {
            "60 * * * *      | in the minute field \"60\", 60 is outside 0-59",
            "* 24 * * *      | in the hour field \"24\", 24 is outside 0-23",
            "* * 0 * *       | in the day-of-month field \"0\", 0 is outside 1-31",
            "* * 32 * *      | in the day-of-month field \"32\", 32 is outside 1-31",
            "* * * 13 *      | in the month field \"13\", 13 is outside 1-12",
            "* * * * 8       | in the day-of-week field \"8\", 8 is outside 0-7",
            "* * * FOO *     | in the month field \"FOO\", \"FOO\" is not a number or a name such as JAN",
            "* * * * MON-FOO | in the day-of-week field \"MON-FOO\", \"FOO\" is not a number or a name such as SUN",
            "x * * * *       | in the minute field \"x\", \"x\" is not a number",
            "5-1 * * * *     | in the minute field \"5-1\", the range 5-1 runs backwards",
            "*/0 * * * *     | in the minute field \"*/0\", the step 0 is outside 1-59",
            "*/x * * * *     | in the minute field \"*/x\", the step \"x\" is not a number",
            "1,,2 * * * *    | in the minute field \"1,,2\", a list has an empty item",
            "0 0 * * 1,      | in the day-of-week field \"1,\", a list has an empty item",
            "123 * * * *     | in the minute field \"123\", \"123\" is too large",
            "-1 * * * *      | in the minute field \"-1\", \"\" is not a number",
        })
        @DisplayName("a wrong field is refused with a sentence naming the field")
        void wrongFieldIsNamed(String expression, String says) {
            assertEquals(Either.left("The cron schedule \"" + expression + "\" is not valid: " + says + "."),
                    CronSchedule.parse(expression).map(CronSchedule::expression));
        }

        @Test
        @DisplayName("anything but five fields is refused, saying how many there are")
        void fieldCountIsFive() {
            assertEquals(Either.left("The cron schedule \"* * * *\" has 4 fields; it needs five: minute hour"
                    + " day-of-month month day-of-week."), CronSchedule.parse("* * * *").map(CronSchedule::expression));
            assertEquals(Either.left("The cron schedule \"0 0 0 * * *\" has 6 fields; it needs five: minute hour"
                    + " day-of-month month day-of-week."), CronSchedule.parse("0 0 0 * * *").map(CronSchedule::expression));
        }

        @Test
        @DisplayName("an empty, unknown-macro or overlong schedule is refused before it is read")
        void emptyMacroAndOverlongAreRefused() {
            assertEquals(Either.left("A cron schedule is required, such as \"0 0 * * *\"."),
                    CronSchedule.parse("  ").map(CronSchedule::expression));
            assertEquals(Either.left("A cron schedule is required, such as \"0 0 * * *\"."),
                    CronSchedule.parse(null).map(CronSchedule::expression));
            assertEquals(Either.left("The cron schedule \"@every 5m\" is not one of @annually, @daily, @hourly,"
                    + " @monthly, @weekly, @yearly nor five fields."), CronSchedule.parse("@every 5m").map(CronSchedule::expression));
            String overlong = "0,".repeat(150) + "0 * * * *";
            assertEquals(Either.left("A cron schedule has at most 256 characters; this one has " + overlong.length() + "."),
                    CronSchedule.parse(overlong).map(CronSchedule::expression));
        }
    }

    @Nested
    @DisplayName("next")
    class Next {
        @Test
        @DisplayName("is strictly after the given instant, even when that instant is a fire time")
        void strictlyAfter() {
            assertEquals(Instant.parse("2026-12-07T12:10:00Z"), next("*/10 * * * *", MONDAY_NOON));
            assertEquals(Instant.parse("2026-12-07T12:00:00Z"), next("*/10 * * * *", MONDAY_NOON.minusNanos(1)));
        }

        @Test
        @DisplayName("steps count from the start of their range")
        void stepsCountFromRangeStart() {
            assertEquals(List.of(5, 10, 15, 20, 5), fires("5-20/5 * * * *", MONDAY_NOON, 5).stream()
                    .map(i -> i.atZone(ZoneOffset.UTC).getMinute()).toList());
            assertEquals(List.of(50, 55, 50), fires("50/5 * * * *", MONDAY_NOON, 3).stream()
                    .map(i -> i.atZone(ZoneOffset.UTC).getMinute()).toList());
        }

        @Test
        @DisplayName("when both day fields are restricted, a day matching either fires (Friday the 13th rule)")
        void restrictedDayFieldsAreEither() {
            // Friday 11 December comes before Sunday 13 December
            assertEquals(List.of(Instant.parse("2026-12-11T00:00:00Z"), Instant.parse("2026-12-13T00:00:00Z"),
                    Instant.parse("2026-12-18T00:00:00Z")), fires("0 0 13 * 5", MONDAY_NOON, 3));
        }

        @Test
        @DisplayName("when a day field starts with *, a day must match both")
        void starredDayFieldMeansBoth() {
            // odd days that are Thursdays: not Wednesday the 9th, not Thursday the 10th
            assertEquals(Instant.parse("2026-12-17T00:00:00Z"), next("0 0 */2 * 4", MONDAY_NOON));
        }

        @Test
        @DisplayName("February 29 comes in the next leap year")
        void leapDay() {
            assertEquals(Instant.parse("2028-02-29T06:00:00Z"), next("0 6 29 2 *", MONDAY_NOON));
        }

        @Test
        @DisplayName("a schedule that can never fire (February 30, April 31) answers that there is none")
        void neverFiresIsNone() {
            assertEquals(Option.none(), cron("0 0 30 2 *").next(MONDAY_NOON, ZoneOffset.UTC));
            assertEquals(Option.none(), cron("0 0 31 4,6,9,11 *").next(MONDAY_NOON, ZoneOffset.UTC));
            assertEquals(Option.none(), cron("0 0 30,31 feb */7").next(MONDAY_NOON, ZoneId.of("Europe/Berlin")));
        }

        @Test
        @DisplayName("a wall-clock time skipped by a daylight-saving change does not fire that day")
        void skippedLocalTimeDoesNotFire() {
            // Berlin went from 02:00 CET to 03:00 CEST on 29 March 2026
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            assertEquals(Instant.parse("2026-03-30T00:30:00Z"),
                    cron("30 2 * * *").next(Instant.parse("2026-03-28T12:00:00Z"), berlin).get());
        }

        @Test
        @DisplayName("a wall-clock time repeated by a daylight-saving change fires at each of its instants")
        void repeatedLocalTimeFiresTwice() {
            // Berlin went from 03:00 CEST back to 02:00 CET on 25 October 2026
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            CronSchedule s = cron("30 2 * * *");
            Instant first = s.next(Instant.parse("2026-10-24T12:00:00Z"), berlin).get();
            assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first);
            assertEquals(Instant.parse("2026-10-25T01:30:00Z"), s.next(first, berlin).get());
        }

        @Test
        @DisplayName("fire times are read on the zone's wall clock")
        void zoneWallClock() {
            assertEquals(Instant.parse("2026-12-07T23:00:00Z"),
                    cron("0 0 * * *").next(MONDAY_NOON, ZoneId.of("Europe/Berlin")).get());
            assertEquals(Instant.parse("2026-12-07T18:15:00Z"),
                    cron("0 0 * * *").next(MONDAY_NOON, ZoneId.of("Asia/Kathmandu")).get());
        }
    }
}
