package dev.runlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.history.BadQueryException;
import dev.runlens.history.HistoryIndex;
import dev.runlens.history.HistoryIndexer;
import dev.runlens.history.HistorySearch;
import dev.runlens.history.IndexFolder;
import dev.runlens.history.Recordings;
import dev.runlens.history.SearchHit;
import dev.runlens.json.Json;
import dev.runlens.launch.ExitCodes;
import dev.runlens.launch.SubCommand;
import dev.runlens.log.SessionRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code runlens search QUERY [--json] [--limit N]}: executions of every recorded run that match. */
@Command(name = "search", description = {"Search every recorded run: free text (errors, logs, inputs, outputs) and fields",
        "status:failed node:ID flow:NAME protocol:lyzr run:ID after:2026-11-01 before:DATE duration>5s (< <= >=; ms s m h).",
        "The sessions folder is indexed first (only what changed), into $XDG_CACHE_HOME/runlens/index."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:executions matched", "1:nothing matched (or the index could not be read)", "2:the query cannot be read"})
public final class SearchCommand extends SubCommand {
    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; several words are one query.")
    List<String> words = new ArrayList<>();

    @Option(names = "--json", description = "Print the hits as JSON.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--by-score", description = "Best matches first (default: newest first).")
    boolean byScore;

    @Option(names = "--sessions", paramLabel = "DIR", description = "The folder of recordings to index first (default: the sessions folder).")
    Path sessions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String query = String.join(" ", words);
        if (limit < 1) {
            err.println("runlens search: --limit must be at least 1");
            return ExitCodes.USAGE;
        }
        Path folder = sessions != null ? sessions : SessionRecorder.defaultDirectory();
        List<SearchHit> hits;
        try (HistoryIndex index = HistoryIndex.open(IndexFolder.defaultFolder())) {
            new HistoryIndexer(index).indexAll(Recordings.in(folder), () -> true);
            hits = new HistorySearch(index).search(query, limit, byScore ? HistorySearch.Order.SCORE : HistorySearch.Order.NEWEST);
        } catch (BadQueryException e) {
            err.println("runlens search: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("runlens search: the history index could not be read (" + e.getMessage() + ")");
            return ExitCodes.FAILURE;
        }
        if (json) {
            out.println(Json.compact(toJson(query, hits)));
        } else {
            hits.forEach(h -> print(out, h));
        }
        out.flush();
        return hits.isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static void print(PrintWriter out, SearchHit h) {
        String node = h.node() == null ? "(run)" : h.node() + "#" + h.times();
        String duration = h.durationMillis() == null ? "" : "  " + h.durationMillis() + " ms";
        out.println((h.started() == null ? "-" : h.started().toString()) + "  " + h.status() + "  " + node + duration);
        out.println("  " + h.protocol() + " run " + h.run() + "  in " + h.recording());
        if (!h.snippet().isBlank()) {
            out.println("  " + h.marked("**", "**"));
        }
    }

    private static ObjectNode toJson(String query, List<SearchHit> hits) {
        ObjectNode root = Json.object();
        root.put("query", query);
        ArrayNode list = root.putArray("hits");
        for (SearchHit h : hits) {
            ObjectNode o = list.addObject();
            o.put("recording", h.recording().toString());
            o.put("protocol", h.protocol());
            o.put("run", h.run());
            o.put("flow", h.flow());
            o.put("node", h.node());
            o.put("times", h.times()); // null as JSON null
            o.put("status", h.status());
            o.put("started", h.started() == null ? null : h.started().toString());
            o.put("duration_ms", h.durationMillis());
            o.put("entry", h.entry());
            o.put("snippet", h.snippet());
            ArrayNode ranges = o.putArray("highlights");
            h.highlights().forEach(r -> ranges.addArray().add(r[0]).add(r[1]));
        }
        return root;
    }
}
