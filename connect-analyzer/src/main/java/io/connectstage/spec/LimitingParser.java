package io.connectstage.spec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
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

    /** A list or mapping being read: its anchor (or null) and the expanded size when it started. */
    private record Open(Anchor anchor, long sizeAtStart) {
    }

    private final Parser delegate;
    private final SpecLimits limits;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<Anchor, Long> sizes = new HashMap<>();
    private int aliases;
    private long size;

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
                open.push(new Open(((NodeEvent) event).getAnchor().orElse(null), size));
                grow(1, event);
            }
            case SequenceEnd, MappingEnd -> {
                Open closed = open.pop();
                if (closed.anchor() != null) {
                    sizes.put(closed.anchor(), size - closed.sizeAtStart());
                }
            }
            case Scalar -> {
                ScalarEvent scalar = (ScalarEvent) event;
                long own = 1L + scalar.getValue().length();
                grow(own, event);
                scalar.getAnchor().ifPresent(anchor -> sizes.put(anchor, own));
            }
            case Alias -> {
                if (++aliases > limits.maxAliases()) {
                    throw new Exceeded(Limit.ALIASES, event.getStartMark().orElse(null));
                }
                // An anchor still open (a recursive alias) has no size yet: the walk visits it once.
                grow(sizes.getOrDefault(((AliasEvent) event).getAlias(), 1L), event);
            }
            default -> {
            }
        }
        return event;
    }

    private void grow(long by, Event event) {
        size += by;
        if (size > limits.maxExpandedSize()) {
            throw new Exceeded(Limit.EXPANDED_SIZE, event.getStartMark().orElse(null));
        }
    }
}
