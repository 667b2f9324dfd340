package io.connectstage.rule;

import java.util.regex.Pattern;

/**
 * The one rule of a job's cron schedule, for {@code connect.yaml}'s {@code properties.schedule}
 * (the analyzer) and a Deployment's {@code configurations[].schedule} override alike (SPEC-NOTES
 * §1): the official parser's three forms, but anchored (its regex is not, so it accepts any text
 * that merely contains a cron expression). A cron field is a list of {@code *}, numbers or ranges,
 * each with an optional step; fields are separated by exactly one space, and the units of
 * {@code @every} are ASCII but for {@code µs} (U+00B5), as in the official grammar.
 *
 * <pre>{@code
 * Schedules.isSchedule("0 3 * * 1-5"); // true
 * Schedules.isSchedule("every night");     // false
 * }</pre>
 */
public final class Schedules {
    /** Longer schedules are refused without matching: no real one comes close. */
    public static final int MAX_LENGTH = 256;
    /** The rule in words, for error messages. */
    public static final String RULE = "a cron expression of 5 to 7 fields (numbers, *, lists 1,2, ranges 1-5,"
            + " steps */5), one of @annually, @yearly, @monthly, @weekly, @daily, @hourly, @reboot,"
            + " or @every <duration> such as @every 1h30m";

    private static final String CRON_ELEMENT = "(?:\\*|[0-9]+(?:-[0-9]+)?)(?:/[0-9]+)?";
    private static final String CRON_FIELD = CRON_ELEMENT + "(?:," + CRON_ELEMENT + ")*";
    private static final Pattern SCHEDULE = Pattern.compile("^(?:"
            + "@(?:annually|yearly|monthly|weekly|daily|hourly|reboot)"
            + "|@every (?:[0-9]+(?:ns|us|\u00b5s|ms|s|m|h))+"
            + "|" + CRON_FIELD + "(?: " + CRON_FIELD + "){4,6}"
            + ")$");

    private Schedules() {
    }

    /** Whether this text is a schedule by {@link #RULE}. */
    public static boolean isSchedule(String schedule) {
        return schedule != null && schedule.length() <= MAX_LENGTH && SCHEDULE.matcher(schedule).matches();
    }
}
