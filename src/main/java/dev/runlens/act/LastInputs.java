package dev.runlens.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.log.PrivateFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last inputs given to each flow, so starting it again needs no retyping: one small JSON file
 * ({@code last-inputs.json} in the config folder), written 0600 through a temporary file (inputs
 * may hold what a run needs to stay private). A file that cannot be read counts as empty.
 */
public final class LastInputs {
    /** What the operator typed, and in which form. */
    public record Entry(String text, FlowInputs.Form form) {
    }

    private final Path file;

    public LastInputs(Path folder) {
        this.file = folder.resolve("last-inputs.json");
    }

    public Path file() {
        return file;
    }

    /** The inputs last given to {@code flowId}, or null. */
    public synchronized Entry load(String flowId) {
        JsonNode e = read().get(flowId);
        if (e == null || !e.path("text").isTextual()) {
            return null;
        }
        FlowInputs.Form form = "tagged".equals(e.path("form").asText()) ? FlowInputs.Form.TAGGED : FlowInputs.Form.PLAIN;
        return new Entry(e.get("text").textValue(), form);
    }

    /** Remembers {@code entry} for {@code flowId}, keeping the other flows' entries. */
    public synchronized void remember(String flowId, Entry entry) throws IOException {
        ObjectNode all = read();
        ObjectNode e = Json.object();
        e.put("text", entry.text());
        e.put("form", entry.form() == FlowInputs.Form.TAGGED ? "tagged" : "plain");
        all.remove(flowId);
        all.set(flowId, e);
        PrivateFiles.createFolders(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        PrivateFiles.writeString(tmp, Json.pretty(all) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ObjectNode read() {
        try {
            JsonNode n = Files.isRegularFile(file) ? Json.parse(Files.readString(file)) : null;
            return n instanceof ObjectNode o ? o : Json.object();
        } catch (IOException e) {
            return Json.object();
        }
    }
}
