package io.connectstage.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Builds the node tree of the single document of a stream from the parser's events, as the
 * library's composer does for what {@code connect.yaml} may hold (no merge keys, no comments),
 * and, in the same pass, enforces what the library does not: the nesting depth (it recurses once
 * per level), the number of aliases of every kind (the library counts only aliases of lists and
 * mappings), and the size of the document once every alias is expanded (each alias costs the size
 * of what it names: scalar text plus one per node). A scalar's core-schema tag gives it the type
 * the official parser gives ({@link CoreResolver#explicit}). It also notes whether the tree holds
 * what {@link YamlDocument}'s walk reports (a tag outside the core schema, a repeated key), so that
 * a plain file skips that walk. Keys must be scalars. The library's composer did all but the
 * limits at half again the cost of reading the events.
 */
final class NodeComposer {
    enum Limit { DEPTH, ALIASES, EXPANDED_SIZE }

    /** Stops composing past a limit; never leaves this package. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Limit limit;
        final transient Mark mark;

        Exceeded(Limit limit, Optional<Mark> mark) {
            super(null, null, false, false);
            this.limit = limit;
            this.mark = mark.orElse(null);
        }
    }

    /** A key that is a list or a mapping; never leaves this package. */
    static final class NonScalarKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NonScalarKey() {
            super(null, null, false, false);
        }
    }

    /** A scalar read with an explicit core-schema tag: it keeps the tag as written, for messages. */
    static final class Tagged extends ScalarNode {
        final String explicit;

        Tagged(Tag tag, String explicit, ScalarEvent event) {
            super(tag, false, event.getValue(), event.getScalarStyle(), event.getStartMark(), event.getEndMark());
            this.explicit = explicit;
        }
    }

    private static final String NON_SPECIFIC = "!";
    private static final int SMALL_MAPPING = 32;

    private final Parser parser;
    private final ScalarResolver resolver;
    private final SpecLimits limits;
    private final Map<Anchor, Node> anchors = new HashMap<>();
    private final Map<Anchor, Long> sizes = new HashMap<>();
    private int depth;
    private int aliases;
    private long size;
    private boolean unusual;

    NodeComposer(Parser parser, ScalarResolver resolver, SpecLimits limits) {
        this.parser = parser;
        this.resolver = resolver;
        this.limits = limits;
    }

    /** The document's root, or empty for a stream without a document. */
    Optional<Node> singleNode() {
        parser.next(); // stream start
        Optional<Node> document = Optional.empty();
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.next(); // document start
            document = Optional.of(compose());
            parser.next(); // document end
        }
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = parser.next();
            throw new ComposerException("expected a single document in the stream", document.get().getStartMark(),
                    "but found another document", event.getStartMark());
        }
        parser.next();
        return document;
    }

    /**
     * True when the tree may hold what {@link YamlDocument}'s walk reports (a tag outside the core
     * schema, a repeated key, a key that is an alias), so that a plain file skips that walk.
     */
    boolean unusual() {
        return unusual;
    }

    private Node compose() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case Scalar:
                return scalar((ScalarEvent) event);
            case Alias:
                return alias((AliasEvent) event);
            case SequenceStart:
                return sequence((CollectionStartEvent) event);
            case MappingStart:
                return mapping((CollectionStartEvent) event);
            default:
                throw new ComposerException("unexpected event " + event.getEventId(), event.getStartMark());
        }
    }

    private Node scalar(ScalarEvent event) {
        Optional<String> explicit = event.getTag();
        Node node;
        if (explicit.isEmpty()) {
            Tag tag = resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
            node = new ScalarNode(tag, true, event.getValue(), event.getScalarStyle(), event.getStartMark(), event.getEndMark());
        } else {
            // A core-schema tag (or the non-specific "!") gives the type the official parser gives;
            // any other tag is kept, for YamlDocument's walk to refuse.
            Tag core = CoreResolver.explicit(explicit.get(), event.getValue());
            if (core != null) {
                node = new Tagged(core, explicit.get(), event);
            } else {
                unusual = true;
                node = new ScalarNode(new Tag(explicit.get()), false, event.getValue(), event.getScalarStyle(),
                        event.getStartMark(), event.getEndMark());
            }
        }
        long own = 1L + event.getValue().length();
        grow(own, event);
        if (event.getAnchor().isPresent()) {
            anchors.put(event.getAnchor().get(), node);
            sizes.put(event.getAnchor().get(), own);
        }
        return node;
    }

    private Node alias(AliasEvent event) {
        if (++aliases > limits.maxAliases()) {
            throw new Exceeded(Limit.ALIASES, event.getStartMark());
        }
        Anchor anchor = event.getAlias();
        Node node = anchors.get(anchor);
        if (node == null) {
            throw new ComposerException("found undefined alias " + anchor, event.getStartMark());
        }
        // An anchor still open (a recursive alias) has no size yet: the walk visits it once.
        grow(sizes.getOrDefault(anchor, 1L), event);
        return node;
    }

    private Node sequence(CollectionStartEvent event) {
        open(event);
        long start = size;
        List<Node> items = new ArrayList<>();
        SequenceNode node = new SequenceNode(tag(event, Tag.SEQ), event.getTag().isEmpty(), items,
                event.getFlowStyle(), event.getStartMark(), Optional.empty());
        event.getAnchor().ifPresent(anchor -> anchors.put(anchor, node));
        while (parser.peekEvent().getEventId() != Event.ID.SequenceEnd) {
            items.add(compose());
        }
        close(node, event, start);
        return node;
    }

    private Node mapping(CollectionStartEvent event) {
        open(event);
        long start = size;
        List<NodeTuple> tuples = new ArrayList<>();
        MappingNode node = new MappingNode(tag(event, Tag.MAP), event.getTag().isEmpty(), tuples,
                event.getFlowStyle(), event.getStartMark(), Optional.empty());
        event.getAnchor().ifPresent(anchor -> anchors.put(anchor, node));
        for (Event.ID next = parser.peekEvent().getEventId(); next != Event.ID.MappingEnd;
                next = parser.peekEvent().getEventId()) {
            if (next == Event.ID.Alias) {
                unusual = true; // a key that is an alias: the walk checks it against the others
            }
            Node key = compose();
            if (!(key instanceof ScalarNode scalarKey)) {
                throw new NonScalarKey();
            }
            if (!unusual && repeated(tuples, scalarKey.getValue())) {
                unusual = true;
            }
            tuples.add(new NodeTuple(key, compose()));
        }
        close(node, event, start);
        return node;
    }

    private static boolean repeated(List<NodeTuple> tuples, String key) {
        if (tuples.size() > SMALL_MAPPING) {
            return true; // a big mapping: the walk looks for repeated keys with a hash
        }
        for (NodeTuple tuple : tuples) {
            if (key.equals(((ScalarNode) tuple.getKeyNode()).getValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tag of a list or a mapping: the official parser ignores a core-schema tag on one, even
     * {@code !!map} on a list or {@code !!str} on a mapping (it warns and keeps the collection).
     */
    private Tag tag(CollectionStartEvent event, Tag plain) {
        Optional<String> explicit = event.getTag();
        if (explicit.isEmpty() || NON_SPECIFIC.equals(explicit.get()) || CoreResolver.isCore(explicit.get())) {
            return plain;
        }
        unusual = true;
        return new Tag(explicit.get());
    }

    private void open(CollectionStartEvent event) {
        if (++depth > limits.maxDepth()) {
            throw new Exceeded(Limit.DEPTH, event.getStartMark());
        }
        grow(1, event);
    }

    private void close(CollectionNode<?> node, CollectionStartEvent start, long sizeAtStart) {
        Event end = parser.next();
        node.setEndMark(end.getEndMark());
        depth--;
        start.getAnchor().ifPresent(anchor -> sizes.put(anchor, size - sizeAtStart + 1));
    }

    private void grow(long by, Event event) {
        size += by;
        if (size > limits.maxExpandedSize()) {
            throw new Exceeded(Limit.EXPANDED_SIZE, event.getStartMark());
        }
    }
}
