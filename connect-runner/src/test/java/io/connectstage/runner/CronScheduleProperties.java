package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.connectstage.testkit.Seeds;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link CronSchedule#next} against a brute-force reference: every minute after {@code after}, in
 * order, over a bounded window, checked against a model of the expression that the generator built
 * alongside its text (so parsing is checked too, not only the search).
 */
@DisplayName("CronSchedule reads any text without throwing, and next agrees with a minute-by-minute search")
class CronScheduleProperties {
    /** Eight days of minutes: long enough to see most generated schedules fire, short enough to walk. */
    private static final int WINDOW_MINUTES = 8 * 24 * 60;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("America/Santiago"));
    private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2032-01-01T00:00:00Z").getEpochSecond();

    /** A field as generated: its text, the values it allows (7 folded onto 0 for days of week) and whether it starts with *. */
    record Field(String text, Set<Integer> values, boolean star) {
    }

    /** An expression as generated, with its own matcher: the reference. */
    record Expression(List<Field> fields) {
        String text() {
            return fields.stream().map(Field::text).collect(Collectors.joining(" "));
        }

        boolean matches(LocalDateTime t) {
            Field dom = fields.get(2);
            Field dow = fields.get(4);
            boolean byDate = dom.values().contains(t.getDayOfMonth());
            boolean byWeekday = dow.values().contains(t.getDayOfWeek().getValue() % 7);
            boolean day = dom.star() || dow.star() ? byDate && byWeekday : byDate || byWeekday;
            return t.getSecond() == 0 && fields.get(0).values().contains(t.getMinute())
                    && fields.get(1).values().contains(t.getHour())
                    && fields.get(3).values().contains(t.getMonthValue()) && day;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** One item of a field's list: {@code *}, {@code *}/n, a, a-b, a-b/n or a/n, values sometimes by name. */
    private static Gen<Field> item(int min, int max, List<String> names) {
        return integers().between(0, 5).zip(integers().between(min, max), integers().between(min, max),
                integers().between(1, max), integers().between(0, 2), (kind, a, b, step, spelling) -> {
                    int lo = Math.min(a, b);
                    int hi = Math.max(a, b);
                    return switch (kind) {
                        case 0 -> field("*", min, max, 1, true);
                        case 1 -> field("*/" + step, min, max, step, true);
                        case 2 -> field(name(a, min, names, spelling), a, a, 1, false);
                        case 3 -> field(name(lo, min, names, spelling) + "-" + name(hi, min, names, spelling), lo, hi, 1, false);
                        case 4 -> field(name(lo, min, names, spelling) + "-" + name(hi, min, names, spelling) + "/" + step,
                                lo, hi, step, false);
                        default -> field(name(a, min, names, spelling) + "/" + step, a, max, step, false);
                    };
                });
    }

    private static String name(int value, int min, List<String> names, int spelling) {
        int i = value - min;
        if (spelling == 0 || i >= names.size()) {
            return Integer.toString(value);
        }
        return spelling == 1 ? names.get(i) : names.get(i).toLowerCase(Locale.ROOT);
    }

    private static Field field(String text, int from, int to, int step, boolean star) {
        Set<Integer> values = new HashSet<>();
        for (int v = from; v <= to; v += step) {
            values.add(v);
        }
        return new Field(text, values, star);
    }

    /** A field: a list of one to three items; day fields are often plain {@code *} so that schedules fire within the window. */
    private static Gen<Field> field(int min, int max, List<String> names, int starWeight) {
        Gen<Field> list = lists().of(item(min, max, names)).ofSizeBetween(1, 3).map(items -> {
            Set<Integer> values = new HashSet<>();
            items.forEach(f -> values.addAll(f.values()));
            if (max == 7 && values.remove(7)) {
                values.add(0);
            }
            String text = items.stream().map(Field::text).collect(Collectors.joining(","));
            return new Field(text, values, items.get(0).star());
        });
        Gen<Field> star = Generate.constant(field("*", min, max == 7 ? 6 : max, 1, true));
        return Generate.frequency(Pair.of(starWeight, star), Pair.of(4, list));
    }

    private static Gen<Expression> expressions() {
        List<String> months = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
        List<String> days = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
        return field(0, 59, List.of(), 1).zip(field(0, 23, List.of(), 1), field(1, 31, List.of(), 6),
                field(1, 12, months, 6), field(0, 7, days, 6),
                (minute, hour, dom, month, dow) -> new Expression(List.of(minute, hour, dom, month, dow)));
    }

    /** An instant and the zone whose wall clock the schedule is read on. */
    record When(Instant after, ZoneId zone) {
    }

    /**
     * Instants from 2020 to 2032 with any nanoseconds, half of them within days of a daylight-saving
     * change of the zone (where a wall-clock minute is skipped or comes twice).
     */
    private static Gen<When> whens() {
        return longs().between(FROM, TO).zip(integers().between(0, ZONES.size() - 1), integers().between(0, 1),
                integers().between(-3 * 24 * 60, 24 * 60), (second, zone, nearChange, shiftMinutes) -> {
                    ZoneId z = ZONES.get(zone);
                    Instant base = Instant.ofEpochSecond(second, second % 1_000_000_000);
                    if (nearChange == 1) {
                        ZoneOffsetTransition change = z.getRules().nextTransition(base);
                        if (change != null) {
                            base = change.getInstant().plus(Duration.ofMinutes(shiftMinutes)).plusNanos(second % 1_000_000_000);
                        }
                    }
                    return new When(base, z);
                });
    }

    /** The reference: the first whole minute after {@code after} the model matches, walking the window; none past it. */
    private static Option<Instant> bruteForce(Expression e, Instant after, ZoneId zone) {
        Instant t = after.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        for (int i = 0; i < WINDOW_MINUTES; i++, t = t.plus(Duration.ofMinutes(1))) {
            if (e.matches(t.atZone(zone).toLocalDateTime())) {
                return Option.some(t);
            }
        }
        return Option.none();
    }

    @Test
    @DisplayName("next is the first minute strictly after `after` that matches, when one lies within eight days; else later or none")
    void nextIsFirstMatchingMinute() {
        Seeds.check("next is the first matching minute", Seeds.examples(300), expressions(), whens(),
                (expression, when) -> {
                    ZoneId z = when.zone();
                    Instant after = when.after();
                    CronSchedule parsed = CronSchedule.parse(expression.text()).getOrElseThrow((String why) -> new AssertionError(why));
                    Option<Instant> next = parsed.next(after, z);
                    Option<Instant> reference = bruteForce(expression, after, z);
                    String where = expression + " after " + after + " in " + z;
                    if (reference.isDefined()) {
                        assertEquals(reference, next, where);
                    } else if (next.isDefined()) {
                        Instant at = next.get();
                        assertTrue(at.isAfter(after.plus(Duration.ofMinutes(WINDOW_MINUTES))), where + ": " + at);
                        assertTrue(expression.matches(at.atZone(z).toLocalDateTime()), where + ": " + at);
                    }
                });
    }

    @Test
    @DisplayName("successive fire times follow each other with no matching minute between them")
    void successiveFireTimesSkipNothing() {
        Seeds.check("successive fire times skip nothing", Seeds.examples(40),
                expressions().assuming(e -> e.fields().get(3).values().size() == 12), whens(),
                (expression, when) -> {
                    ZoneId z = when.zone();
                    CronSchedule parsed = CronSchedule.parse(expression.text()).getOrElseThrow((String why) -> new AssertionError(why));
                    Instant at = when.after();
                    for (int i = 0; i < 5; i++) {
                        Option<Instant> next = parsed.next(at, z);
                        Option<Instant> reference = bruteForce(expression, at, z);
                        if (reference.isEmpty()) {
                            return;
                        }
                        assertEquals(reference, next, expression + " after " + at + " in " + z);
                        at = next.get();
                    }
                });
    }

    @Test
    @DisplayName("any text of cron characters is read or refused with a sentence, never thrown, and a read one answers next")
    void anyTextIsAnsweredNeverThrown() {
        String alphabet = "0123456789*/-,  \tJANFEBMONsunDec@dailyx";
        Gen<String> texts = lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 300)
                .map(picks -> picks.stream().map(i -> String.valueOf(alphabet.charAt(i))).collect(Collectors.joining()));
        Seeds.check("any text is answered", Seeds.examples(500), texts, text -> {
            var parsed = CronSchedule.parse(text);
            if (parsed.isLeft()) {
                assertTrue(parsed.getLeft().startsWith("The cron schedule") || parsed.getLeft().startsWith("A cron schedule"),
                        parsed.getLeft());
                assertTrue(parsed.getLeft().endsWith("."), parsed.getLeft());
            } else {
                Instant after = Instant.parse("2026-12-07T21:00:00Z");
                parsed.get().next(after, ZoneId.of("Europe/Berlin")).forEach(at -> assertTrue(at.isAfter(after)));
            }
        });
    }
}
