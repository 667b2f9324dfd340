package io.connectstage.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The entries of one mapping by key, in file order; a repeated key keeps its first place and its
 * last value, as a {@code LinkedHashMap} filled in file order would. Why not that map: a mapping of
 * {@code connect.yaml} has a handful of keys, freshly scanned strings whose hash nobody has
 * computed yet, so comparing them with the few keys looked up costs less than hashing them all
 * and building a map; only a mapping with more than {@value #INDEXED} keys gets a hash index.
 */
final class Entries {
    private static final int INDEXED = 16;

    private final String[] keys;
    private final Node[] values;
    private final Map<String, Integer> index;
    private final int size;

    private Entries(String[] keys, Node[] values, Map<String, Integer> index, int size) {
        this.keys = keys;
        this.values = values;
        this.index = index;
        this.size = size;
    }

    /** The entries of {@code mapping}; keys are scalar ({@link NodeComposer} made sure), any other key reads as "?". */
    static Entries of(MappingNode mapping) {
        List<NodeTuple> tuples = mapping.getValue();
        int n = tuples.size();
        String[] keys = new String[n];
        Node[] values = new Node[n];
        Map<String, Integer> index = n > INDEXED ? new HashMap<>(n * 2) : null;
        int size = 0;
        for (int i = 0; i < n; i++) {
            NodeTuple tuple = tuples.get(i);
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
            int at = index != null ? index.getOrDefault(key, -1) : find(keys, size, key);
            if (at >= 0) {
                values[at] = tuple.getValueNode();
                continue;
            }
            if (index != null) {
                index.put(key, size);
            }
            keys[size] = key;
            values[size] = tuple.getValueNode();
            size++;
        }
        return new Entries(keys, values, index, size);
    }

    private static int find(String[] keys, int size, String key) {
        for (int i = 0; i < size; i++) {
            if (key.equals(keys[i])) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(String key) {
        return index != null ? index.getOrDefault(key, -1) : find(keys, size, key);
    }

    boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** The value of {@code key}, or {@code null} when the mapping has no such key. */
    Node get(String key) {
        int at = indexOf(key);
        return at >= 0 ? values[at] : null;
    }

    /** The number of distinct keys. */
    int size() {
        return size;
    }

    /** The {@code i}-th distinct key in file order. */
    String key(int i) {
        return keys[i];
    }
}
