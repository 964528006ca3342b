package dev.runlens.ui.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Display names of nodes: from a loaded Space Operator flow export when there is one, else a short
 * form of the node id. Lyzr task names are already readable and stay as they are.
 */
public final class NodeNames {
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public String name(String node) {
        if (node == null) {
            return "";
        }
        String n = names.get(node);
        if (n != null) {
            return n;
        }
        return looksLikeUuid(node) ? node.substring(0, 8) : node;
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
