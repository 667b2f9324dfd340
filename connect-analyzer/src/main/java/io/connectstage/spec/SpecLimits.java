package io.connectstage.spec;

/**
 * The bounds within which {@link ConnectYamlParser} reads a file, so that a hostile
 * {@code connect.yaml} (huge, an alias bomb, deeply nested) is refused quickly with a problem
 * instead of exhausting memory, time or the stack. Every limit must be positive.
 *
 * <pre>{@code
 * SpecLimits strict = new SpecLimits(64 * 1024, 10, 16, 64 * 1024, 128 * 1024);
 * ConnectYamlParser.parse(bytes, strict);
 * }</pre>
 *
 * @param maxBytes      the largest file accepted, checked before any parsing
 * @param maxAliases    the most aliases ({@code *anchor}, to a scalar, a list or a mapping) in one file
 * @param maxDepth      the deepest nesting of lists and mappings
 * @param maxCodePoints the most Unicode code points the YAML reader will read (snakeyaml-engine checks it
 *                      between tokens, so one huge token is bounded by {@code maxBytes} instead)
 * @param maxExpandedSize the largest the document may grow when its aliases are expanded, in characters of
 *                      scalar text plus one per node: what the reader and everything printing the
 *                      specification may have to hold
 */
public record SpecLimits(int maxBytes, int maxAliases, int maxDepth, int maxCodePoints, int maxExpandedSize) {
    /** 1 MiB: real files are a few KiB. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    /** 50 aliases: far more than a real file uses, far less than an alias bomb needs. */
    public static final int DEFAULT_MAX_ALIASES = 50;
    /** 64 levels: a valid file needs 6. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** 1 Mi code points: a UTF-8 file within the byte limit never has more. */
    public static final int DEFAULT_MAX_CODE_POINTS = 1024 * 1024;
    /** 2 Mi: twice the largest file; a file without aliases never comes near it. */
    public static final int DEFAULT_MAX_EXPANDED_SIZE = 2 * 1024 * 1024;

    public SpecLimits {
        positive("maxBytes", maxBytes);
        positive("maxAliases", maxAliases);
        positive("maxDepth", maxDepth);
        positive("maxCodePoints", maxCodePoints);
        positive("maxExpandedSize", maxExpandedSize);
    }

    /** The limits with the default {@link #DEFAULT_MAX_EXPANDED_SIZE}. */
    public SpecLimits(int maxBytes, int maxAliases, int maxDepth, int maxCodePoints) {
        this(maxBytes, maxAliases, maxDepth, maxCodePoints, DEFAULT_MAX_EXPANDED_SIZE);
    }

    private static final SpecLimits DEFAULTS = new SpecLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ALIASES,
            DEFAULT_MAX_DEPTH, DEFAULT_MAX_CODE_POINTS, DEFAULT_MAX_EXPANDED_SIZE);

    /** The defaults: 1 MiB, 50 aliases, 64 levels, 1 Mi code points, 2 Mi characters expanded. */
    public static SpecLimits defaults() {
        return DEFAULTS;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
