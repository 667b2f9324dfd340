package io.connectstage.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.connectstage.store.SortField;
import io.connectstage.store.memory.SortedIndexes.Entry;
import io.connectstage.testkit.Seeds;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("The sort prefix of an index entry")
class SortedIndexesPrefixProperties {
    /** Code units at the edges of the encoding: the end marker, one byte or three, surrogates, the top. */
    private static final List<Character> EDGES = List.of('\0', '\u0001', 'C', 'o', 'n', '~', '\u007E', '\u007F',
            '\u0080', '\u00FF', '\u0100', '\u7FFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFE', '\uFFFF');

    private static final Gen<Character> CHARS = Generate.pick(EDGES)
            .mix(integers().between(0, 0xFFFF).map(i -> (char) i.intValue()), 40)
            .mix(integers().between('a', 'z').map(i -> (char) i.intValue()), 40);

    private static final Gen<String> TEXTS = lists().of(CHARS).ofSizeBetween(0, 24).map(chars -> {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    });

    /** Two strings that often share a long start (longer than the prefix too), or one is the other's start; or null. */
    private static final Gen<String[]> PAIRS = TEXTS.zip(TEXTS, TEXTS, integers().between(0, 30), booleans().all(),
            (common, first, second, cut, nulls) -> {
                String start = "Connector " + common;
                String a = start + first;
                String b = start.substring(0, Math.min(cut, start.length())) + second;
                return new String[] {nulls && cut % 3 == 0 ? null : a, nulls && cut % 3 == 1 ? null : b};
            });

    @Test
    @DisplayName("orders strings as String.compareTo does, nulls last, and different prefixes alone decide")
    void stringsInTheirNaturalOrder() {
        Comparator<Entry> order = SortedIndexes.order(SortField.NAME);
        Comparator<String> expected = Comparator.nullsLast(Comparator.naturalOrder());
        Seeds.check("string prefixes agree with compareTo", 5_000, PAIRS, pair -> {
            String a = pair[0];
            String b = pair[1];
            Entry x = Entry.of(SortField.NAME, a, "id");
            Entry y = Entry.of(SortField.NAME, b, "id");
            String what = describe(a) + " vs " + describe(b);
            assertEquals(Integer.signum(expected.compare(a, b)), Integer.signum(order.compare(x, y)), what);
            assertEquals(Integer.signum(expected.compare(b, a)), Integer.signum(order.compare(y, x)), what);
            if (x.high() != y.high() || x.low() != y.low()) {
                int byPrefix = x.high() != y.high() ? Long.compareUnsigned(x.high(), y.high())
                        : Long.compareUnsigned(x.low(), y.low());
                assertEquals(Integer.signum(expected.compare(a, b)), Integer.signum(byPrefix), "prefix alone: " + what);
            }
            if (a != null && a.equals(b)) {
                assertEquals(x, y, "equal strings, equal entries");
            }
        });
    }

    @Test
    @DisplayName("orders equal values by id")
    void equalValuesById() {
        Comparator<Entry> order = SortedIndexes.order(SortField.NAME);
        Seeds.check("equal values by id", 1_000, PAIRS, pair -> {
            String value = pair[0];
            assertEquals(Integer.signum("b".compareTo("a")),
                    Integer.signum(order.compare(Entry.of(SortField.NAME, value, "b"),
                            Entry.of(SortField.NAME, value == null ? null : new String(value), "a"))));
            assertEquals(0, order.compare(Entry.of(SortField.NAME, value, "a"),
                    Entry.of(SortField.NAME, value == null ? null : new String(value), "a")));
        });
    }

    @Test
    @DisplayName("orders versions as longs, negative ones included")
    void versions() {
        Comparator<Entry> order = SortedIndexes.order(SortField.VERSION);
        Seeds.check("versions", 2_000, longs().all().mix(longs().between(-3, 3), 50), longs().all().mix(longs().between(-3, 3), 50),
                (a, b) -> assertEquals(Integer.signum(Long.compare(a, b)),
                        Integer.signum(order.compare(Entry.of(SortField.VERSION, a, "id"), Entry.of(SortField.VERSION, b, "id"))),
                        a + " vs " + b));
    }

    @Test
    @DisplayName("orders times with no time first, before the epoch and within a second included")
    void times() {
        Gen<Instant> times = longs().between(-5_000_000_000L, 5_000_000_000L)
                .mix(longs().between(-2, 2), 50)
                .zip(integers().between(0, 999_999_999).mix(integers().between(0, 2), 50), Instant::ofEpochSecond)
                .mix(Generate.constant((Instant) null), 10);
        Comparator<Instant> expected = Comparator.nullsFirst(Comparator.naturalOrder());
        for (SortField field : List.of(SortField.CREATED_AT, SortField.LAST_MODIFIED_AT)) {
            Comparator<Entry> order = SortedIndexes.order(field);
            Seeds.check("times of " + field, 2_000, times, times, (a, b) -> {
                Entry x = Entry.of(field, a, "id");
                Entry y = Entry.of(field, b, "id");
                assertEquals(Integer.signum(expected.compare(a, b)), Integer.signum(order.compare(x, y)), a + " vs " + b);
                int byPrefix = x.high() != y.high() ? Long.compareUnsigned(x.high(), y.high())
                        : Long.compareUnsigned(x.low(), y.low());
                assertEquals(Integer.signum(expected.compare(a, b)), Integer.signum(byPrefix), "prefix alone: " + a + " vs " + b);
            });
        }
    }

    private static String describe(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder units = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            units.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return units.append('"').toString();
    }
}
