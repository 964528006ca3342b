package dev.runlens.replay;

import dev.runlens.log.LogEntry;
import dev.runlens.log.LogFormat;
import dev.runlens.log.LogFormatException;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayIndexTest {
    @TempDir
    static Path dir;
    static Path mixed;

    @BeforeAll
    static void writeLogs() throws IOException {
        mixed = TestLogs.mixed(dir, 3_000);
    }

    @Test
    void indexesTheSameEntriesAsLogReaderWithOffsetsTimesAndTexts() throws Exception {
        List<LogEntry> expected = ScratchModels.entries(mixed);
        try (ReplayIndex index = ReplayIndex.open(mixed).awaitDone()) {
            assertNull(index.failure());
            assertEquals(LogFormat.SESSION, index.format());
            assertEquals(expected.size(), index.size());
            for (int i = 0; i < expected.size(); i++) {
                LogEntry e = expected.get(i);
                IndexedEntry x = index.entry(i);
                if (e instanceof LogEntry.Frame f) {
                    assertEquals(f.index(), x.sequence(), "sequence of " + i);
                    assertEquals(f.receivedAt(), x.receivedAt(), "receive time of " + i);
                    assertEquals(f.offset(), x.offset(), "offset of " + i);
                    assertEquals(f.length(), x.length(), "length of " + i);
                    assertEquals(f.text(), index.frames().text(i), "text of " + i);
                } else if (e instanceof LogEntry.Meta m) {
                    assertEquals(EntryKind.META, x.kind());
                    assertEquals(m.kind(), x.note());
                    assertEquals(m.at(), x.receivedAt());
                    assertEquals(m.fields(), TestLogs.parse(index.frames().text(i)));
                } else {
                    assertEquals(EntryKind.CORRUPT, x.kind(), "entry " + i);
                }
            }
        }
    }

    @Test
    void receivedFramesDecodeAsTheLivePipelineDecodedThem() throws Exception {
        List<LogEntry> expected = ScratchModels.entries(mixed);
        dev.runlens.protocol.FrameDecoder decoder = new dev.runlens.protocol.FrameDecoder();
        dev.runlens.model.RunModel ignored = new dev.runlens.model.RunModel();
        int checked = 0;
        try (ReplayIndex index = ReplayIndex.open(mixed).awaitDone()) {
            for (int i = 0; i < expected.size(); i++) {
                LogEntry e = expected.get(i);
                dev.runlens.protocol.ReceivedFrame rf = index.frames().receivedFrame(i);
                if (e instanceof LogEntry.Frame f) {
                    assertEquals(decoder.decode(f.text()), rf.event(), "event of entry " + i);
                    assertEquals(f.text(), rf.text());
                    assertEquals(f.index(), rf.sequence());
                    assertEquals(f.receivedAt(), rf.receivedAt());
                    assertEquals(f.offset(), rf.offset());
                    checked++;
                } else if (e instanceof LogEntry.Meta m) {
                    dev.runlens.log.SessionMeta.apply(m, decoder, ignored);
                    assertNull(rf.event());
                } else if (e instanceof LogEntry.Corrupt c) {
                    assertTrue(rf.event() instanceof dev.runlens.protocol.MalformedFrame mf && mf.reason().equals(c.reason()),
                            String.valueOf(rf.event()));
                }
            }
        }
        assertTrue(checked > 3000);
    }

    @Test
    void listsMalformedFramesAndDamagedLinesWithTheirReasons() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(mixed).awaitDone()) {
            List<MalformedEntry> bad = index.malformed();
            List<String> reasons = new ArrayList<>();
            for (MalformedEntry m : bad) {
                reasons.add(m.reason());
                EntryKind k = index.kind(m.index());
                assertTrue(k == EntryKind.MALFORMED || k == EntryKind.CORRUPT, k.name());
            }
            assertTrue(reasons.stream().anyMatch(r -> r.contains("not JSON")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("NodeStart without")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("is not JSON") && r.startsWith("line ")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("last line is cut off")), reasons.toString());
            assertEquals(bad.size(), index.markers(MarkerKind.MALFORMED).length);
            assertEquals(bad.get(bad.size() - 1).index(), index.size() - 1);
        }
    }

    @Test
    void markersPointAtTheirEntries() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(mixed).awaitDone()) {
            int errors = 0;
            int starts = 0;
            int meta = 0;
            for (int i = 0; i < index.size(); i++) {
                errors += index.kind(i).isError() ? 1 : 0;
                starts += index.kind(i) == EntryKind.NODE_STARTED ? 1 : 0;
                meta += index.kind(i) == EntryKind.META ? 1 : 0;
            }
            assertEquals(errors, index.markers(MarkerKind.ERROR).length);
            assertEquals(starts, index.markers(MarkerKind.NODE_START).length);
            assertEquals(meta, index.markers(MarkerKind.CONNECTION).length);
            assertTrue(errors > 10 && starts > 100 && meta > 3, errors + " " + starts + " " + meta);
            for (int i : index.markers(MarkerKind.ERROR)) {
                assertTrue(index.kind(i).isError());
            }
        }
    }

    @Test
    void everyFormGivesTheSameEntriesAndTexts() throws Exception {
        List<String> frames = new ArrayList<>();
        for (LogEntry e : ScratchModels.entries(mixed)) {
            if (e instanceof LogEntry.Frame f && f.text().startsWith("{\"stream_id\"") && frames.size() < 400) {
                frames.add(f.text());
            }
        }
        Path jsonl = TestLogs.jsonLines(dir, frames);
        List<Path> forms = List.of(jsonl, TestLogs.pretty(dir, frames), TestLogs.array(dir, frames), TestLogs.har(dir, frames),
                TestLogs.gzip(jsonl, dir.resolve("frames.jsonl.gz")), TestLogs.gzip(mixed, dir.resolve("mixed.jsonl.gz")));
        List<EntryKind> expected = kinds(jsonl);
        for (Path form : forms.subList(0, 5)) {
            try (ReplayIndex index = ReplayIndex.open(form).awaitDone()) {
                assertNull(index.failure(), form.toString());
                assertEquals(expected, kinds(index), form.toString());
                for (int i = 0; i < index.size(); i++) {
                    assertEquals(Json0.compact(frames.get(i)), Json0.compact(index.frames().text(i)), form + " entry " + i);
                }
                assertEquals(ScratchModels.summary(ReplayEngine.stateAt(index, index.size())),
                        ScratchModels.at(form, new java.util.TreeSet<>(List.of(index.size()))).get(index.size()));
            }
        }
        try (ReplayIndex plain = ReplayIndex.open(mixed).awaitDone();
             ReplayIndex gz = ReplayIndex.open(forms.get(5)).awaitDone()) {
            assertTrue(gz.gzip());
            assertEquals(kinds(plain), kinds(gz));
            assertEquals(-1, gz.entry(5).offset());
            for (int i = 0; i < gz.size(); i += 7) {
                assertEquals(plain.frames().text(i), gz.frames().text(i), "gzip entry " + i);
            }
        }
    }

    @Test
    void harTimesAreReceiveTimesAndJsonLinesFallBackToServerTime() throws Exception {
        List<String> frames = TestLogs.fixtureFrames("space-operator-v2-failed-run.jsonl");
        try (ReplayIndex har = ReplayIndex.open(TestLogs.har(dir, frames)).awaitDone();
             ReplayIndex jsonl = ReplayIndex.open(TestLogs.fixture("space-operator-v2-failed-run.jsonl")).awaitDone()) {
            assertNotNull(har.entry(0).receivedAt());
            assertEquals(har.table.received(0), har.timeNanos(0));
            assertNull(jsonl.entry(0).receivedAt());
            assertEquals(Instant.parse("2025-11-22T08:30:00.036674000Z"), jsonl.time(0));
            assertEquals(jsonl.table.server(3), jsonl.timeNanos(3));
        }
    }

    private static List<EntryKind> kinds(Path p) throws Exception {
        try (ReplayIndex index = ReplayIndex.open(p).awaitDone()) {
            return kinds(index);
        }
    }

    private static List<EntryKind> kinds(ReplayIndex index) {
        List<EntryKind> k = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            k.add(index.kind(i));
        }
        return k;
    }

    @Test
    void aByteOrderMarkBeforeTheFirstJsonLineIsNotPartOfTheFrame() throws Exception {
        List<String> frames = TestLogs.fixtureFrames("space-operator-v2-failed-run.jsonl");
        Path p = dir.resolve("bom.jsonl");
        Files.writeString(p, "\uFEFF" + String.join("\n", frames) + "\n");
        try (ReplayIndex index = ReplayIndex.open(p).awaitDone()) {
            assertEquals(frames.size(), index.size());
            assertEquals(EntryKind.FLOW_STARTED, index.kind(0));
            assertEquals(frames.get(0), index.frames().text(0));
            assertEquals(frames.get(1), index.frames().text(1));
            assertEquals(ScratchModels.at(p, new java.util.TreeSet<>(List.of(index.size()))).get(index.size()),
                    ScratchModels.summary(ReplayEngine.stateAt(index, index.size())));
        }
    }

    @Test
    void anEmptyFileIsRefusedPlainly() throws IOException {
        Path p = Files.writeString(dir.resolve("empty.jsonl"), "");
        LogFormatException e = assertThrows(LogFormatException.class, () -> ReplayIndex.open(p));
        assertTrue(e.getMessage().endsWith("is empty"), e.getMessage());
    }

    @Test
    void aFileThatIsNotALogIsRefusedPlainly() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "Dear operator,\nthis is a letter.\n");
        assertTrue(assertThrows(LogFormatException.class, () -> ReplayIndex.open(text)).getMessage().contains("is not an event log"));
        Path binary = Files.write(dir.resolve("image.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertTrue(assertThrows(LogFormatException.class, () -> ReplayIndex.open(binary)).getMessage().contains("binary content"));
        assertThrows(NoSuchFileException.class, () -> ReplayIndex.open(dir.resolve("missing.jsonl")));
    }

    @Test
    void aSessionLogWithoutFramesSaysSo() throws Exception {
        Path p = dir.resolve("header-only.jsonl");
        new SessionLogWriter(p, new SessionHeader(1, "space-operator", null, Instant.now(), "test")).close();
        try (ReplayIndex index = ReplayIndex.open(p).awaitDone()) {
            assertEquals(0, index.size());
            assertTrue(index.failure().endsWith("holds no frames"), index.failure());
        }
    }

    @Test
    void aTruncatedGzipFileEndsWithAPlainProblem() throws Exception {
        Path gz = TestLogs.gzip(mixed, dir.resolve("cut.jsonl.gz"));
        byte[] all = Files.readAllBytes(gz);
        Path cut = Files.write(dir.resolve("cut2.jsonl.gz"), java.util.Arrays.copyOf(all, all.length / 2));
        try (ReplayIndex index = ReplayIndex.open(cut).awaitDone()) {
            assertTrue(index.size() > 10);
            List<MalformedEntry> bad = index.malformed();
            assertTrue(bad.get(bad.size() - 1).reason().contains("ends abruptly"), bad.get(bad.size() - 1).reason());
        }
    }

    @Test
    void aReaderDuringIndexingAlwaysSeesAConsistentPrefix() throws Exception {
        Path big = dir.resolve("big.jsonl");
        LogGenerator.write(big, 150_000, 11);
        List<int[]> seen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        try (ReplayIndex index = ReplayIndex.open(big, new IndexListener() {
            @Override
            public void progress(ReplayIndex i, double fraction, int entries) {
                fractions.add(fraction);
            }

            @Override
            public void finished(ReplayIndex i, String failure) {
            }
        }, 1024)) {
            ReplayEngine engine = new ReplayEngine(index);
            while (!index.isDone()) {
                int n = index.size();
                if (n == 0) {
                    continue;
                }
                int last = n - 1;
                // Every published entry is complete: its kind, run and text are readable now.
                if (index.kind(last).isRunEvent() && index.run(last) == null) {
                    problems.add("entry " + last + " without its run");
                }
                index.frames().text(last);
                engine.seek(n);
                seen.add(new int[]{n, (int) engine.model().applied()});
                Thread.sleep(5);
            }
            index.awaitDone();
            assertTrue(seen.size() > 3, "readers got " + seen.size() + " looks during indexing");
            assertTrue(problems.isEmpty(), problems.toString());
            int[] runEventsBefore = new int[index.size() + 1];
            for (int i = 0; i < index.size(); i++) {
                runEventsBefore[i + 1] = runEventsBefore[i] + (index.kind(i).isRunEvent() ? 1 : 0);
            }
            for (int[] s : seen) {
                assertEquals(runEventsBefore[s[0]], s[1], "model applied during indexing at " + s[0]);
            }
            int mid = seen.get(seen.size() / 2)[0];
            assertEquals(ScratchModels.at(big, new java.util.TreeSet<>(List.of(mid))).get(mid),
                    ScratchModels.summary(ReplayEngine.stateAt(index, mid)));
            assertFalse(fractions.isEmpty());
            for (int k = 1; k < fractions.size(); k++) {
                assertTrue(fractions.get(k) >= fractions.get(k - 1), "progress went back");
            }
            assertEquals(1.0, fractions.get(fractions.size() - 1));
            assertEquals(1.0, index.progress());
        }
    }

    @Test
    void closingStopsIndexingAndDeletesNothingOfTheLog() throws Exception {
        Path big = dir.resolve("close.jsonl");
        LogGenerator.write(big, 60_000, 5);
        long size = Files.size(big);
        ReplayIndex index = ReplayIndex.open(big);
        index.close();
        index.awaitDone();
        assertTrue(index.isDone());
        assertEquals(size, Files.size(big));
    }

    @Test
    void aListenerThatThrowsDoesNotStopIndexing() throws Exception {
        List<String> finished = new ArrayList<>();
        Thread.UncaughtExceptionHandler quiet = (t, e) -> { };
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(quiet);
        try (ReplayIndex index = ReplayIndex.open(mixed, new IndexListener() {
            @Override
            public void progress(ReplayIndex i, double fraction, int entries) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void finished(ReplayIndex i, String failure) {
                finished.add(String.valueOf(failure));
            }
        }).awaitDone()) {
            assertNull(index.failure());
            assertEquals(ScratchModels.entries(mixed).size(), index.size());
            assertEquals(List.of("null"), finished);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void markerSearchFindsNeighbours() throws Exception {
        try (ReplayIndex index = ReplayIndex.open(TestLogs.fixture("space-operator-v2-failed-run.jsonl")).awaitDone()) {
            assertArrayEquals(new int[]{5, 6, 8}, index.markers(MarkerKind.ERROR));
            assertEquals(5, index.nextMarker(MarkerKind.ERROR, -1));
            assertEquals(8, index.nextMarker(MarkerKind.ERROR, 6));
            assertEquals(-1, index.nextMarker(MarkerKind.ERROR, 8));
            assertEquals(6, index.previousMarker(MarkerKind.ERROR, 8));
            assertEquals(-1, index.previousMarker(MarkerKind.ERROR, 5));
            assertEquals("9531985d-5d9d-49f8-9818-e811892f902b", index.node(5));
            assertEquals("insufficient funds: need 3.25 SOL", index.entry(5).note());
            assertEquals("1 nodes failed", index.note(8));
            assertNull(index.note(4));
            assertEquals(0, index.times(5));
            assertNull(index.node(8));
            assertEquals(TestLogs.RUN, index.run(8).runId());
        }
    }

    /** Compact JSON text, to compare a frame with its pretty-printed form. */
    static final class Json0 {
        static String compact(String s) throws IOException {
            return dev.runlens.json.Json.compact(TestLogs.parse(s));
        }
    }
}
