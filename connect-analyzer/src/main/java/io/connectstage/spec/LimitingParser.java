package io.connectstage.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Watches the events the composer consumes and stops it, with a {@link Exceeded}, past one of
 * the limits the library does not enforce itself: the nesting depth (the composer recurses once
 * per level), the number of aliases of any kind (the library counts only aliases of lists and
 * mappings), and the size of the document once every alias is expanded (each alias costs the size
 * of what it names, counted when its anchor's node ends: scalar text plus one per node).
 */
final class LimitingParser implements Parser {
    enum Limit { DEPTH, ALIASES, EXPANDED_SIZE }

    /** Stops the composer; never leaves this package. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Limit limit;
        final transient Mark mark;

        Exceeded(Limit limit, Mark mark) {
            super(null, null, false, false);
            this.limit = limit;
            this.mark = mark;
        }
    }

    /**
     * A list or mapping being read: its anchor (or null), the expanded size when it started, and
     * for a mapping the keys read so far (to notice a repeated key without a later walk).
     */
    private static final class Open {
        final Anchor anchor;
        final long sizeAtStart;
        final List<String> keys;
        int children;

        Open(Anchor anchor, long sizeAtStart, boolean mapping) {
            this.anchor = anchor;
            this.sizeAtStart = sizeAtStart;
            this.keys = mapping ? new ArrayList<>() : null;
        }
    }

    private static final int SMALL_MAPPING = 32;

    private final Parser delegate;
    private final SpecLimits limits;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<Anchor, Long> sizes = new HashMap<>();
    private int aliases;
    private long size;
    private boolean unusual;

    LimitingParser(Parser delegate, SpecLimits limits) {
        this.delegate = delegate;
        this.limits = limits;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public Event next() {
        Event event = delegate.next();
        switch (event.getEventId()) {
            case SequenceStart, MappingStart -> {
                if (open.size() >= limits.maxDepth()) {
                    throw new Exceeded(Limit.DEPTH, event.getStartMark().orElse(null));
                }
                CollectionStartEvent start = (CollectionStartEvent) event;
                unusual |= start.getTag().isPresent();
                open.push(new Open(start.getAnchor().orElse(null), size, event.getEventId() == Event.ID.MappingStart));
                grow(1, event);
            }
            case SequenceEnd, MappingEnd -> {
                Open closed = open.pop();
                if (closed.anchor != null) {
                    sizes.put(closed.anchor, size - closed.sizeAtStart);
                }
                completed(null);
            }
            case Scalar -> {
                ScalarEvent scalar = (ScalarEvent) event;
                unusual |= scalar.getTag().isPresent();
                long own = 1L + scalar.getValue().length();
                grow(own, event);
                if (scalar.getAnchor().isPresent()) {
                    sizes.put(scalar.getAnchor().get(), own);
                }
                completed(scalar.getValue());
            }
            case Alias -> {
                if (++aliases > limits.maxAliases()) {
                    throw new Exceeded(Limit.ALIASES, event.getStartMark().orElse(null));
                }
                // An anchor still open (a recursive alias) has no size yet: the walk visits it once.
                grow(sizes.getOrDefault(((AliasEvent) event).getAlias(), 1L), event);
                completed(null);
            }
            default -> {
            }
        }
        return event;
    }

    /** A node ended: when it is a key of the mapping being read, notes whether it repeats an earlier key. */
    private void completed(String scalar) {
        Open parent = open.peek();
        if (parent == null || parent.keys == null || parent.children++ % 2 != 0) {
            return;
        }
        if (scalar == null || parent.keys.contains(scalar)) {
            unusual = true; // a repeated key, or a key that is an alias or a collection
        } else if (parent.keys.size() < SMALL_MAPPING) {
            parent.keys.add(scalar);
        } else {
            unusual = true; // a big mapping: the walk looks for repeated keys with a hash
        }
    }

    /**
     * True when the tree may hold what {@link YamlDocument}'s walk reports (an explicit tag, a
     * repeated key, a key that is not a plain scalar), so that a plain file skips that walk.
     */
    boolean unusual() {
        return unusual;
    }

    private void grow(long by, Event event) {
        size += by;
        if (size > limits.maxExpandedSize()) {
            throw new Exceeded(Limit.EXPANDED_SIZE, event.getStartMark().orElse(null));
        }
    }
}
