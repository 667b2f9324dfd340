package io.connectstage.testkit;

import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Runs QuickTheories properties with a seed that can be given back: every run uses a fixed seed,
 * drawn at random unless {@code -Dconnectstage.seed=…} names one, and a failure says which seed
 * it was and how to run it again. {@code -Dconnectstage.examples=…} changes the number of
 * examples of every property that asks {@link #examples(int)}, {@code -Dconnectstage.shrinks=…}
 * the number of shrink attempts after a failure.
 *
 * <pre>{@code
 * Seeds.check("names survive the wire", 1000, Generators.names(), name -> ...);
 * }</pre>
 */
public final class Seeds {
    /** The system property that fixes the seed of every property run. */
    public static final String SEED_PROPERTY = "connectstage.seed";
    /** The system property that overrides the number of examples. */
    public static final String EXAMPLES_PROPERTY = "connectstage.examples";
    /** The system property that overrides the number of shrink attempts after a failure. */
    public static final String SHRINKS_PROPERTY = "connectstage.shrinks";
    /**
     * Shrink attempts after a failure. QuickTheories' default (a million) can take minutes for a
     * scenario of 40 steps; a few thousand attempts already give a short counterexample.
     */
    public static final int DEFAULT_SHRINKS = 2_000;

    private static final SplittableRandom RANDOM = new SplittableRandom();

    private Seeds() {
    }

    /** The seed given with {@value #SEED_PROPERTY}, else a random one. */
    public static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        if (given == null || given.isBlank()) {
            synchronized (RANDOM) {
                return RANDOM.nextLong();
            }
        }
        return Long.parseLong(given.trim());
    }

    /** The number of examples given with {@value #EXAMPLES_PROPERTY}, else {@code defaultExamples}. */
    public static int examples(int defaultExamples) {
        return Integer.getInteger(EXAMPLES_PROPERTY, defaultExamples);
    }

    /** A theory with this seed and number of examples, and the shrink attempts of {@value #SHRINKS_PROPERTY}. */
    public static QuickTheory theory(long seed, int examples) {
        return qt().withFixedSeed(seed).withExamples(examples)
                .withShrinkCycles(Integer.getInteger(SHRINKS_PROPERTY, DEFAULT_SHRINKS));
    }

    /** Checks {@code property} for {@code examples} values of {@code gen}; a failure names the seed. */
    public static <A> void check(String what, int examples, Gen<A> gen, Consumer<A> property) {
        long seed = seed();
        try {
            theory(seed, examples).forAll(gen).checkAssert(property);
        } catch (AssertionError e) {
            throw failure(what, seed, e);
        }
    }

    /** Checks {@code property} for {@code examples} pairs of values; a failure names the seed. */
    public static <A, B> void check(String what, int examples, Gen<A> first, Gen<B> second, BiConsumer<A, B> property) {
        long seed = seed();
        try {
            theory(seed, examples).forAll(first, second).checkAssert(property);
        } catch (AssertionError e) {
            throw failure(what, seed, e);
        }
    }

    private static AssertionError failure(String what, long seed, AssertionError cause) {
        return new AssertionError("Property '" + what + "' failed with seed " + seed + "; run it again with -D"
                + SEED_PROPERTY + "=" + seed + "\n" + cause.getMessage(), cause);
    }
}
