package dev.runlens.ui.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Display names of nodes: from a loaded Space Operator flow export when there is one, else a short
 * form of the node id. Lyzr task names are already readable and stay as they are.
 * <p>
 * The short form is the id's first 8 characters (its first block) while that tells it apart from
 * every other node id the window has seen; otherwise the shortest prefix, or the shortest suffix
 * ("…00000031"), that does, whichever is shorter. Fifty nodes whose ids share their first block
 * (generated ids, test flows) read apart instead of all reading {@code 00000000}.
 */
public final class NodeNames {
    /** Today's label length, kept while it is unique: labels operators know do not change. */
    static final int SHORT = 8;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    /** Every id-like node id seen, sorted; and the same ids reversed, to find the shortest unique suffix. */
    private final NavigableSet<String> ids = new ConcurrentSkipListSet<>();
    private final NavigableSet<String> reversed = new ConcurrentSkipListSet<>();

    public String name(String node) {
        if (node == null) {
            return "";
        }
        String n = names.get(node);
        if (n != null) {
            return n;
        }
        return looksLikeUuid(node) ? shortId(node) : node;
    }

    /** True when {@code node} is shown by a short form of its id (the full id is worth a hover or a copy). */
    public boolean shortened(String node) {
        return node != null && !names.containsKey(node) && looksLikeUuid(node);
    }

    /** Learns node ids (any thread): labels are then unique among everything learnt. */
    public void learn(Collection<String> nodes) {
        for (String n : nodes) {
            if (n != null && looksLikeUuid(n) && ids.add(n)) {
                reversed.add(reverse(n));
            }
        }
    }

    private String shortId(String id) {
        int prefix = Math.max(common(id, ids.lower(id)), common(id, ids.higher(id))) + 1;
        if (prefix <= SHORT) {
            return id.substring(0, SHORT);
        }
        String r = reverse(id);
        int suffix = Math.max(SHORT, Math.max(common(r, reversed.lower(r)), common(r, reversed.higher(r))) + 1);
        if (prefix >= id.length() && suffix >= id.length()) {
            return id;
        }
        return suffix < prefix ? "…" + id.substring(id.length() - suffix) : id.substring(0, Math.min(prefix, id.length()));
    }

    /** How many leading characters {@code a} and {@code b} share (0 when there is no {@code b}). */
    private static int common(String a, String b) {
        if (b == null) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Reads {@code {"flow":{"nodes":[{"id":..,"data":{"name":..}}]}}}; returns how many names it found. */
    public int load(Path flowExport) throws IOException {
        JsonNode root = Json.parse(Files.readString(flowExport));
        JsonNode nodes = root.path("flow").path("nodes");
        if (!nodes.isArray()) {
            nodes = root.path("nodes");
        }
        if (!nodes.isArray()) {
            throw new IOException(flowExport.getFileName() + " is not a flow export (no flow.nodes list)");
        }
        int found = 0;
        for (JsonNode n : nodes) {
            String id = n.path("id").asText(null);
            JsonNode data = n.path("data");
            String name = data.path("name").asText(null);
            if (name == null || name.isBlank()) {
                name = data.path("node_id").asText(null);
            }
            if (id != null && name != null && !name.isBlank()) {
                names.put(id, name);
                found++;
            }
        }
        return found;
    }

    static boolean looksLikeUuid(String s) {
        return s.length() == 36 && s.charAt(8) == '-' && s.charAt(13) == '-';
    }
}
