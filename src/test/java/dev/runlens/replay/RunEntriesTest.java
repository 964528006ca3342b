package dev.runlens.replay;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionMeta;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a replayed run's event log is made from: per run, its event entries in order with the
 * execution each touched (kept for Lyzr runs, found by (node, times) for Space Operator ones), the kind names and nodes first used below any position, and each
 * entry's kind name and event time, all as the ordinary pipeline (LogReader, FrameDecoder,
 * SessionMeta, RunModel) makes them from scratch.
 */
class RunEntriesTest {
    @TempDir
    Path dir;

    /** One run event as the ordinary pipeline saw it. */
    private record Seen(int entry, int execution, String kind, String node, Instant time) {
    }

    private static Map<RunRef, List<Seen>> scratch(Path file, RunModel model) throws IOException {
        Map<RunRef, List<Seen>> out = new LinkedHashMap<>();
        FrameDecoder decoder = new FrameDecoder();
        int[] position = {0};
        LogReader.open(file).read(entry -> {
            if (entry instanceof LogEntry.Frame f) {
                ProtocolEvent e = decoder.decode(f.text());
                if (e instanceof RunEvent r) {
                    RunModel.Change c = model.apply(r);
                    out.computeIfAbsent(r.run(), k -> new ArrayList<>()).add(new Seen(position[0],
                            c.execution() == null ? -1 : c.execution().index(), r.kind(),
                            r.node() == null ? null : r.node().node(), r.time()));
                }
            } else if (entry instanceof LogEntry.Meta m) {
                SessionMeta.apply(m, decoder, model);
            }
            position[0]++;
        });
        return out;
    }

    private static Map<RunRef, List<Seen>> assertEntriesAsScratch(Path file) throws IOException {
        RunModel model = new RunModel();
        Map<RunRef, List<Seen>> expected = scratch(file, model);
        try (ReplayIndex index = ReplayIndex.open(file).awaitDone()) {
            assertEquals(List.copyOf(expected.keySet()), index.runs());
            for (Map.Entry<RunRef, List<Seen>> e : expected.entrySet()) {
                RunEntries entries = index.entriesOf(e.getKey());
                List<Seen> seen = e.getValue();
                assertEquals(seen.size(), entries.size(), "events of " + e.getKey());
                boolean lyzr = e.getKey().source() == Source.LYZR;
                assertEquals(lyzr, entries.knowsExecutions(), "Lyzr rows keep their executions");
                Run run = model.run(e.getKey());
                int previous = -1;
                for (int k = 0; k < seen.size(); k++) {
                    Seen s = seen.get(k);
                    assertEquals(s.entry(), entries.entry(k));
                    if (k > 0) {
                        assertEquals(s.entry(), entries.next(k - 1, previous), "row after entry " + previous);
                    }
                    previous = s.entry();
                    if (lyzr) {
                        assertEquals(s.execution(), entries.execution(k), "execution of entry " + s.entry());
                    } else {
                        // Space Operator: the execution with the event's (node, times), none once the run ended.
                        Integer times = index.times(s.entry());
                        Execution x = s.node() == null || times == null || index.afterRunEnded(s.entry()) ? null
                                : run.execution(s.node(), times);
                        assertEquals(s.execution(), x == null ? -1 : x.index(), "execution of entry " + s.entry());
                    }
                    assertEquals(s.kind(), index.kindName(s.entry()), "kind of entry " + s.entry());
                    assertEquals(s.node(), index.node(s.entry()));
                    assertEquals(s.time(), index.eventTime(s.entry()), "time of entry " + s.entry());
                }
                // Each execution's first and last row, which bound where its rows are looked for.
                Map<Integer, int[]> spans = new LinkedHashMap<>();
                for (int k = 0; k < seen.size(); k++) {
                    int x = seen.get(k).execution();
                    if (x >= 0) {
                        int row = k;
                        spans.computeIfAbsent(x, i -> new int[] {row, row})[1] = row;
                    }
                }
                assertFalse(spans.isEmpty(), "executions of " + e.getKey());
                for (int x = -1; x <= run.executions().size() + 1; x++) {
                    int[] span = spans.getOrDefault(x, new int[] {-1, -1});
                    assertEquals(span[0], entries.firstRowOf(x), "first row of execution " + x + " of " + e.getKey());
                    assertEquals(span[1], entries.lastRowOf(x), "last row of execution " + x + " of " + e.getKey());
                }
                for (int p = 0; p <= index.size(); p += Math.max(1, index.size() / 97)) {
                    int position = p;
                    List<Seen> below = seen.stream().filter(s -> s.entry() < position).toList();
                    assertEquals(below.size(), entries.countBelow(p), "rows of " + e.getKey() + " at " + p);
                    int[] without = java.util.stream.IntStream.range(0, below.size()).filter(k -> seen.get(k).execution() < 0).toArray();
                    assertArrayEquals(without, entries.rowsWithoutExecutionBelow(below.size()), "rows without an execution at " + p);
                    assertArrayEquals(new LinkedHashSet<>(below.stream().map(Seen::kind).toList()).toArray(new String[0]),
                            entries.kindsBelow(p), "kinds at " + p);
                    assertArrayEquals(new LinkedHashSet<>(below.stream().map(Seen::node).filter(n -> n != null).toList())
                            .toArray(new String[0]), entries.nodesBelow(p), "nodes at " + p);
                }
            }
            assertEquals(0, index.entriesOf(new RunRef(expected.keySet().iterator().next().source(), "no-such-run")).size());
        }
        return expected;
    }

    @Test
    void spaceOperatorRunsEntriesAreWhatThePipelineSees() throws IOException {
        Path log = dir.resolve("g.jsonl");
        LogGenerator.write(log, 6000, 4);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.add(3000, "{\"this is\": not json");
        Files.write(log, lines, StandardCharsets.UTF_8);
        assertEntriesAsScratch(log);
    }

    @Test
    void lyzrEntriesWithUnknownKindsAndOddTimesAreWhatThePipelineSees() throws IOException {
        List<String> sample = Files.readAllLines(Path.of(System.getProperty("runlens.fixtures"), "lyzr-docs-sample.jsonl"),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            for (String l : sample) {
                lines.add(l.replace("ticket_78453", "ticket_78453-" + (k % 5)));
            }
        }
        String first = sample.get(1);
        // A kind this version does not know, and a time too far from 1970 for a long of nanoseconds.
        lines.add(5, first.replace("\"task_started\"", "\"task_paused\""));
        lines.add(9, first.replaceFirst("\"timestamp\": [0-9.]+", "\"timestamp\": 9500000000.5"));
        assertTrue(lines.get(9).contains("9500000000.5"));
        Path log = dir.resolve("lyzr.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        List<Seen> all = assertEntriesAsScratch(log).values().stream().flatMap(List::stream).toList();
        assertTrue(all.stream().anyMatch(s -> s.kind().equals("task_paused")), "the unknown kind is a run event");
        assertTrue(all.stream().anyMatch(s -> s.time() != null && s.time().getEpochSecond() > 9_400_000_000L), "the odd time");
    }
}
