package io.connectstage.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.store.SortField;
import io.connectstage.store.memory.SortedIndexes.Entry;
import io.connectstage.testing.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sorted runs of an index")
class SortedRunsProperties {
    private static final Comparator<Entry> ORDER = SortedIndexes.order(SortField.KEY);

    private static Entry entry(int n) {
        // a few values shared by several ids, a few without a value (last), many one-off
        String value = n % 11 == 0 ? null : n % 7 == 0 ? "shared " + n % 3 : "key " + Integer.toString(n * 7919 % 100_003, 36);
        return Entry.of(SortField.KEY, value, "id-" + n);
    }

    @Test
    @DisplayName("hold what a sorted set holds after adds and removes, walked up and down")
    void agreeWithASortedSet() {
        Seeds.check("runs agree with a TreeSet", Seeds.examples(200),
                lists().of(integers().between(-600, 600)).ofSizeBetween(0, 800), steps -> {
                    SortedRuns runs = new SortedRuns(ORDER);
                    TreeSet<Entry> model = new TreeSet<>(ORDER);
                    for (int step : steps) {
                        Entry e = entry(Math.abs(step));
                        boolean changed = step >= 0 ? runs.add(e) : runs.remove(e);
                        assertEquals(step >= 0 ? model.add(e) : model.remove(e), changed, "step " + step);
                    }
                    assertEquals(new ArrayList<>(model), walk(runs.iterator(true)));
                    assertEquals(new ArrayList<>(model.descendingSet()), walk(runs.iterator(false)));
                });
    }

    @Test
    @DisplayName("keep the same entries through a compaction, and take adds and removes after it")
    void compactKeepsTheEntries() {
        Seeds.check("compact keeps a TreeSet's entries", Seeds.examples(200),
                lists().of(integers().between(-600, 600)).ofSizeBetween(0, 800), steps -> {
                    SortedRuns runs = new SortedRuns(ORDER);
                    TreeSet<Entry> model = new TreeSet<>(ORDER);
                    for (int i = 0; i < steps.size(); i++) {
                        int step = steps.get(i);
                        Entry e = entry(Math.abs(step));
                        assertEquals(step >= 0 ? model.add(e) : model.remove(e), step >= 0 ? runs.add(e) : runs.remove(e));
                        if (i == steps.size() / 2) {
                            runs.compact();
                            assertEquals(new ArrayList<>(model), walk(runs.iterator(true)));
                        }
                    }
                    runs.compact();
                    assertEquals(new ArrayList<>(model), walk(runs.iterator(true)));
                    assertEquals(new ArrayList<>(model.descendingSet()), walk(runs.iterator(false)));
                });
    }

    @Test
    @DisplayName("take an entry put twice as one: walked once, and gone after one remove")
    void putTakesEqualEntriesAsOne() {
        Seeds.check("put agrees with a TreeSet", Seeds.examples(200),
                lists().of(integers().between(-300, 300)).ofSizeBetween(0, 800), steps -> {
                    SortedRuns runs = new SortedRuns(ORDER);
                    TreeSet<Entry> model = new TreeSet<>(ORDER);
                    for (int step : steps) {
                        Entry e = entry(Math.abs(step));
                        if (step >= 0) {
                            runs.put(e);
                            model.add(e);
                        } else {
                            assertEquals(model.remove(e), runs.remove(e), "step " + step);
                        }
                    }
                    assertEquals(new ArrayList<>(model), walk(runs.iterator(true)));
                    assertEquals(new ArrayList<>(model.descendingSet()), walk(runs.iterator(false)));
                });
    }

    @Test
    @DisplayName("under concurrent writers, walk strictly in order and meet every entry present throughout")
    void concurrentWritersAndReaders() throws Exception {
        long seed = Seeds.seed();
        SortedRuns runs = new SortedRuns(ORDER);
        List<Entry> steady = new ArrayList<>();
        for (int n = 0; n < 3_000; n += 3) {
            runs.add(entry(n));
            steady.add(entry(n));
        }
        steady.sort(ORDER);
        Set<Entry> steadySet = new HashSet<>(steady);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Random random = new Random(seed + w);
                int writer = w;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        int n = 3 * random.nextInt(3_000) + 1 + writer % 2; // never a steady one
                        if (random.nextBoolean()) {
                            runs.add(entry(n));
                        } else {
                            runs.remove(entry(n));
                        }
                    }
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (boolean ascending : new boolean[] {true, false}) {
                readers.add(threads.submit(() -> {
                    while (writing.get()) {
                        List<Entry> seen = walk(runs.iterator(ascending));
                        for (int i = 1; i < seen.size(); i++) {
                            int c = ORDER.compare(seen.get(i - 1), seen.get(i));
                            assertTrue(ascending ? c < 0 : c > 0, "out of order at " + i);
                        }
                        List<Entry> kept = new ArrayList<>(seen);
                        kept.retainAll(steadySet);
                        assertEquals(steady.size(), kept.size(), "an entry present throughout was not met");
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("under concurrent writers of their own entries and compactions, lose no write: the walk after holds what each left")
    void concurrentWritersLoseNoWrite() throws Exception {
        long seed = Seeds.seed();
        SortedRuns runs = new SortedRuns(ORDER);
        int writers = 4;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<TreeSet<Entry>>> left = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Random random = new Random(seed + w);
                int writer = w;
                left.add(threads.submit(() -> {
                    TreeSet<Entry> mine = new TreeSet<>(ORDER);
                    for (int i = 0; i < 30_000; i++) {
                        Entry e = entry(writers * random.nextInt(2_000) + writer);
                        int what = random.nextInt(3);
                        if (random.nextInt(200) == 0) {
                            runs.compact();
                        }
                        if (what == 0) {
                            assertEquals(mine.add(e), runs.add(e), "add of " + e);
                        } else if (what == 1) {
                            runs.put(e);
                            mine.add(e);
                        } else {
                            assertEquals(mine.remove(e), runs.remove(e), "remove of " + e);
                        }
                    }
                    return mine;
                }));
            }
            TreeSet<Entry> all = new TreeSet<>(ORDER);
            for (Future<TreeSet<Entry>> writer : left) {
                all.addAll(writer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(new ArrayList<>(all), walk(runs.iterator(true)));
            assertEquals(new ArrayList<>(all.descendingSet()), walk(runs.iterator(false)));
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Entry> walk(Iterator<Entry> entries) {
        List<Entry> all = new ArrayList<>();
        entries.forEachRemaining(all::add);
        return all;
    }
}
