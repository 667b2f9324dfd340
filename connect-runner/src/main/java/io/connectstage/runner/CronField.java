package io.connectstage.runner;

import io.vavr.control.Either;
import java.util.List;
import java.util.Locale;

/**
 * One of the five fields of a unix-cron schedule: the set of values it allows, as bits, and whether
 * it was written starting with {@code *} (classic cron's day rule looks at that, not at the set).
 * Parsing is separate from {@link CronSchedule} so each field's message can name the field.
 */
final class CronField {
    /** The five fields in the order they are written. */
    static final List<CronField.Kind> KINDS = List.of(
            new Kind("minute", 0, 59, List.of()),
            new Kind("hour", 0, 23, List.of()),
            new Kind("day-of-month", 1, 31, List.of()),
            new Kind("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                    "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            // 0 and 7 are both Sunday; 7 is folded onto 0 once the field is read
            new Kind("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    /** A field's name, its bounds and its names (the first name stands for {@code min}). */
    record Kind(String name, int min, int max, List<String> names) {
    }

    private final long bits;
    private final boolean star;

    private CronField(long bits, boolean star) {
        this.bits = bits;
        this.star = star;
    }

    /** Whether {@code value} is in the field. */
    boolean has(int value) {
        return value >= 0 && value < 64 && (bits & (1L << value)) != 0;
    }

    /** Whether the field was written starting with {@code *} ({@code *} or {@code *}{@code /n}). */
    boolean star() {
        return star;
    }

    /** The field's values from {@code from} on, lowest first: the next set bit, or -1. */
    int nextFrom(int from) {
        if (from >= 64) {
            return -1;
        }
        long rest = bits & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    /** Reads one field's text: a comma-separated list of {@code *}, {@code a}, {@code a-b}, each with an optional {@code /step}. */
    static Either<String, CronField> parse(Kind kind, String text) {
        long bits = 0;
        for (String item : text.split(",", -1)) {
            Either<String, Long> read = item(kind, item);
            if (read.isLeft()) {
                return Either.left("in the " + kind.name() + " field \"" + text + "\", " + read.getLeft());
            }
            bits |= read.get();
        }
        if (kind.max() == 7 && (bits & (1L << 7)) != 0) {
            bits = (bits & ~(1L << 7)) | 1L;
        }
        return Either.right(new CronField(bits, text.startsWith("*")));
    }

    private static Either<String, Long> item(Kind kind, String item) {
        if (item.isEmpty()) {
            return Either.left("a list has an empty item");
        }
        String range = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            String stepText = item.substring(slash + 1);
            Either<String, Integer> read = number(stepText);
            if (read.isLeft()) {
                return Either.left("the step \"" + stepText + "\" " + read.getLeft());
            }
            step = read.get();
            if (step < 1 || step > kind.max()) {
                return Either.left("the step " + step + " is outside 1-" + kind.max());
            }
        }
        int low;
        int high;
        if (range.equals("*")) {
            low = kind.min();
            high = kind.max();
        } else {
            int dash = range.indexOf('-');
            Either<String, Integer> first = value(kind, dash < 0 ? range : range.substring(0, dash));
            if (first.isLeft()) {
                return Either.left(first.getLeft());
            }
            low = first.get();
            if (dash < 0) {
                // "a/n" means from a to the end by n, as in Vixie cron
                high = slash >= 0 ? kind.max() : low;
            } else {
                Either<String, Integer> last = value(kind, range.substring(dash + 1));
                if (last.isLeft()) {
                    return Either.left(last.getLeft());
                }
                high = last.get();
                if (high < low) {
                    return Either.left("the range " + range + " runs backwards");
                }
            }
        }
        long bits = 0;
        for (int v = low; v <= high; v += step) {
            bits |= 1L << v;
        }
        return Either.right(bits);
    }

    private static Either<String, Integer> value(Kind kind, String text) {
        int named = kind.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return Either.right(kind.min() + named);
        }
        Either<String, Integer> read = number(text);
        if (read.isLeft()) {
            return Either.left("\"" + text + "\" " + read.getLeft()
                    + (kind.names().isEmpty() ? "" : " or a name such as " + kind.names().get(0)));
        }
        int v = read.get();
        if (v < kind.min() || v > kind.max()) {
            return Either.left(v + " is outside " + kind.min() + "-" + kind.max());
        }
        return Either.right(v);
    }

    /** A short run of decimal digits (bounded so no text overflows an int). */
    private static Either<String, Integer> number(String text) {
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Either.left(text.length() > 2 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? "is too large"
                    : "is not a number");
        }
        return Either.right(Integer.parseInt(text));
    }
}
