package dev.runlens.ui.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recently used connections in {@code <config dir>/runlens/recent-connections.json}. Tokens are
 * never written: a typed token is dropped, an environment variable is kept by its name only.
 */
public record RecentConnections(Path file) {
    static final int MAX = 10;

    /** {@code $XDG_CONFIG_HOME/runlens} or {@code ~/.config/runlens}; {@code runlens.config.dir} overrides. */
    public static RecentConnections inDefaultLocation() {
        return new RecentConnections(ConfigFiles.dir().resolve("recent-connections.json"));
    }

    public List<ConnectionSettings> load() {
        List<ConnectionSettings> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = Json.parse(Files.readString(file));
            for (JsonNode n : root.path("connections")) {
                String url = n.path("url").asText(null);
                if (url == null) {
                    continue;
                }
                List<String> runs = new ArrayList<>();
                n.path("run_ids").forEach(r -> runs.add(r.asText()));
                String env = n.path("token_env").asText(null);
                // Ids as written, or constant names (SPACE_OPERATOR) in any case; unknown ones count as auto.
                ProtocolChoice p = ProtocolChoice.ofId(n.path("protocol").asText("auto").toLowerCase(Locale.ROOT).replace('_', '-'));
                out.add(new ConnectionSettings(url, p, env == null ? new TokenSource.None() : new TokenSource.EnvVar(env), runs,
                        n.path("lyzr_flow").asText(null), n.path("lyzr_run").asText(null)));
            }
        } catch (IOException | RuntimeException e) {
            // A damaged list of recent connections is not worth an error: start afresh.
        }
        return out;
    }

    /** Puts {@code s} first (dropping an equal older entry) and saves; returns the new list. */
    public List<ConnectionSettings> remember(ConnectionSettings s) throws IOException {
        List<ConnectionSettings> list = load();
        list.removeIf(o -> o.url().equals(s.url()) && o.runIds().equals(s.runIds()) && o.protocol() == s.protocol()
                && java.util.Objects.equals(o.lyzrFlow(), s.lyzrFlow()) && java.util.Objects.equals(o.lyzrRun(), s.lyzrRun()));
        list.add(0, s);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("connections");
        for (ConnectionSettings c : list) {
            ObjectNode o = arr.addObject();
            o.put("url", c.url());
            o.put("protocol", c.protocol().id());
            if (c.token() instanceof TokenSource.EnvVar env) {
                o.put("token_env", env.name());
            }
            ArrayNode runs = o.putArray("run_ids");
            c.runIds().forEach(runs::add);
            if (c.lyzrFlow() != null) {
                o.put("lyzr_flow", c.lyzrFlow());
            }
            if (c.lyzrRun() != null) {
                o.put("lyzr_run", c.lyzrRun());
            }
        }
        ConfigFiles.writeAtomically(file, root);
        return list;
    }
}
