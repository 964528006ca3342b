package dev.runlens.log;

import dev.runlens.SampleFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadAheadTest {
    @TempDir
    Path dir;

    private static ReadAhead.Producer<LogEntry> entries(Path p) throws IOException {
        LogReader reader = LogReader.open(p);
        return reader::read;
    }

    @Test
    void deliversEveryEntryInOrderAcrossManyBatches() throws IOException {
        List<String> frames = SampleFrames.lyzr(10_000, 5);
        Path p = dir.resolve("many.jsonl");
        Files.write(p, frames);
        List<String> direct = new ArrayList<>();
        LogReader.open(p).read(e -> direct.add(((LogEntry.Frame) e).text()));
        List<String> ahead = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        ReadAhead.read(entries(p), e -> e, e -> {
            ahead.add(((LogEntry.Frame) e).text());
            indexes.add(((LogEntry.Frame) e).index());
        });
        assertEquals(frames, direct);
        assertEquals(direct, ahead);
        for (int i = 0; i < indexes.size(); i++) {
            assertEquals(i, indexes.get(i));
        }
    }

    @Test
    void mapsEveryEntryOnTheReadingThreadInOrder() throws IOException {
        List<String> frames = SampleFrames.lyzr(10_000, 6);
        Path p = dir.resolve("mapped.jsonl");
        Files.write(p, frames);
        List<String> mapped = new ArrayList<>();
        Thread caller = Thread.currentThread();
        boolean[] mappedOnCaller = {false};
        ReadAhead.read(entries(p), e -> {
            mappedOnCaller[0] |= Thread.currentThread() == caller;
            return ((LogEntry.Frame) e).index() + ":" + ((LogEntry.Frame) e).text().length();
        }, mapped::add);
        assertEquals(frames.size(), mapped.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i + ":" + frames.get(i).length(), mapped.get(i));
        }
        assertEquals(false, mappedOnCaller[0]);
    }

    @Test
    void failureInTheMappingSurfacesToTheCaller() throws IOException {
        Path p = dir.resolve("many.jsonl");
        Files.write(p, SampleFrames.lyzr(20_000, 5));
        int[] mapped = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadAhead.read(entries(p), entry -> {
            if (++mapped[0] == 5000) {
                throw new IllegalStateException("decoder bug");
            }
            return entry;
        }, entry -> { }));
        assertEquals("decoder bug", e.getMessage());
    }

    @Test
    void failureInTheConsumerStopsReadingAndSurfaces() throws IOException {
        Path p = dir.resolve("many.jsonl");
        Files.write(p, SampleFrames.lyzr(20_000, 5));
        int[] seen = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadAhead.read(entries(p), entry -> entry, entry -> {
            if (++seen[0] == 3000) {
                throw new IllegalStateException("consumer gave up");
            }
        }));
        assertEquals("consumer gave up", e.getMessage());
    }
}
