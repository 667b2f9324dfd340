package io.connectstage.runner;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A job's schedule in the unix-cron syntax Cloud Scheduler takes: five fields, {@code minute hour
 * day-of-month month day-of-week}, each a comma-separated list of {@code *}, {@code a},
 * {@code a-b}, with an optional {@code /step}; months {@code JAN}–{@code DEC} and days
 * {@code SUN}–{@code SAT} by name (any case); 0 and 7 both Sunday. When both day fields are
 * restricted (neither starts with {@code *}), a day matches when either does, as in classic cron.
 * The macros {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily}
 * and {@code @hourly} are read too, since {@code connect.yaml} takes them (the CLI's default is
 * {@code @daily}).
 *
 * <pre>{@code
 * CronSchedule weekdays = CronSchedule.parse("30 9 * * MON-FRI").get();
 * Option<Instant> at = weekdays.next(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC); // Monday 09:30
 * }</pre>
 *
 * <p>A fire time is a local wall-clock minute in the zone: a local time skipped by a daylight-saving
 * change never fires, one repeated fires at each of its instants.
 */
public final class CronSchedule {
    /** Longer text is refused before it is read. */
    static final int MAX_LENGTH = 256;
    /**
     * {@link #next} looks this many years ahead at most: the Gregorian calendar repeats every 400
     * years, so a schedule with no fire time in 401 years (such as February 30) has none at all.
     */
    static final int SEARCH_YEARS = 401;

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final String expression;
    private final CronField minute;
    private final CronField hour;
    private final CronField dayOfMonth;
    private final CronField month;
    private final CronField dayOfWeek;

    private CronSchedule(String expression, List<CronField> fields) {
        this.expression = expression;
        this.minute = fields.get(0);
        this.hour = fields.get(1);
        this.dayOfMonth = fields.get(2);
        this.month = fields.get(3);
        this.dayOfWeek = fields.get(4);
    }

    /** The schedule {@code expression} describes, or a sentence that says what is wrong with it. */
    public static Either<String, CronSchedule> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Either.left("A cron schedule is required, such as \"0 0 * * *\".");
        }
        if (expression.length() > MAX_LENGTH) {
            return Either.left("A cron schedule has at most " + MAX_LENGTH + " characters; this one has "
                    + expression.length() + ".");
        }
        String text = expression.strip();
        if (text.startsWith("@")) {
            String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
            if (macro == null) {
                return Either.left("The cron schedule \"" + expression + "\" is not one of " + String.join(", ",
                        MACROS.keySet().stream().sorted().toList()) + " nor five fields.");
            }
            text = macro;
        }
        String[] parts = text.split("\\s+");
        if (parts.length != CronField.KINDS.size()) {
            return Either.left("The cron schedule \"" + expression + "\" has " + parts.length
                    + (parts.length == 1 ? " field" : " fields")
                    + "; it needs five: minute hour day-of-month month day-of-week.");
        }
        List<CronField> fields = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            Either<String, CronField> field = CronField.parse(CronField.KINDS.get(i), parts[i]);
            if (field.isLeft()) {
                return Either.left("The cron schedule \"" + expression + "\" is not valid: " + field.getLeft() + ".");
            }
            fields.add(field.get());
        }
        return Either.right(new CronSchedule(expression, fields));
    }

    /** The text this schedule was read from. */
    public String expression() {
        return expression;
    }

    /**
     * The first fire time strictly after {@code after}, at a whole minute of {@code zone}'s wall
     * clock; none when the schedule never fires (February 30). Looks at most {@value #SEARCH_YEARS}
     * years ahead, month by month where the month does not match, else day by day.
     */
    public Option<Instant> next(Instant after, ZoneId zone) {
        Objects.requireNonNull(after, "after is null");
        Objects.requireNonNull(zone, "zone is null");
        ZoneRules rules = zone.getRules();
        // a fall-back change can give an instant after `after` the local date before it
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
        LocalDate end = day.plusYears(SEARCH_YEARS);
        Instant best = null;
        while (day.isBefore(end)) {
            // no instant of this local date (or any later) can come before the best one found: offsets are within ±18 h
            if (best != null && day.atStartOfDay().toInstant(ZoneOffset.MAX).isAfter(best)) {
                break;
            }
            if (!month.has(day.getMonthValue())) {
                day = day.withDayOfMonth(1).plusMonths(1);
                continue;
            }
            if (dayMatches(day)) {
                Instant first = firstOn(day, after, rules);
                if (first != null && (best == null || first.isBefore(best))) {
                    best = first;
                }
            }
            day = day.plusDays(1);
        }
        return Option.of(best);
    }

    /** Whether {@code local} is a fire time's wall-clock minute (seconds and below must be zero). */
    boolean matches(LocalDateTime local) {
        return local.getSecond() == 0 && local.getNano() == 0
                && minute.has(local.getMinute()) && hour.has(local.getHour())
                && month.has(local.getMonthValue()) && dayMatches(local.toLocalDate());
    }

    /** Classic cron: both day fields must match when either starts with {@code *}, else one is enough. */
    private boolean dayMatches(LocalDate day) {
        boolean byDate = dayOfMonth.has(day.getDayOfMonth());
        boolean byWeekday = dayOfWeek.has(day.getDayOfWeek().getValue() % 7);
        return dayOfMonth.star() || dayOfWeek.star() ? byDate && byWeekday : byDate || byWeekday;
    }

    /** The earliest instant after {@code after} among the fire times on local date {@code day}, or null. */
    private Instant firstOn(LocalDate day, Instant after, ZoneRules rules) {
        Instant best = null;
        for (int h = hour.nextFrom(0); h >= 0; h = hour.nextFrom(h + 1)) {
            for (int m = minute.nextFrom(0); m >= 0; m = minute.nextFrom(m + 1)) {
                LocalDateTime local = day.atTime(h, m);
                // none in a spring-forward gap; two in a fall-back overlap
                for (ZoneOffset offset : rules.getValidOffsets(local)) {
                    Instant at = local.toInstant(offset);
                    if (at.isAfter(after) && (best == null || at.isBefore(best))) {
                        best = at;
                    }
                }
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule other && other.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
