package dev.runlens.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's indexing thread: it waits while the replay is in use, and a close does not wait for a file's end. */
class HistoryServiceTest {
    private static final int RUNS = 1_000;

    @TempDir
    Path dir;

    /** An opened file (not in the sessions folder) of {@code RUNS} Space Operator runs, 8 frames each. */
    private Path opened() throws IOException {
        List<String> frames = new ArrayList<>();
        Instant t = Instant.parse("2026-12-06T09:00:00Z");
        for (int r = 0; r < RUNS; r++) {
            frames.addAll(HistoryRecordings.v2("run-" + r, t.plusSeconds(r), List.of("fetch", "parse", "store"), 5, 5, 5));
        }
        return HistoryRecordings.write(Files.createDirectories(dir.resolve("opened")), "big.jsonl", frames);
    }

    private HistoryService service(BooleanSupplier busy) throws IOException {
        return new HistoryService(dir.resolve("index"), Files.createDirectories(dir.resolve("sessions")), busy);
    }

    private static void waitUntil(BooleanSupplier condition, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    /** The recordings the closed index marks as read, and its execution documents. */
    private Set<String> known() throws IOException {
        try (HistoryIndex index = HistoryIndex.open(dir.resolve("index"))) {
            return new HistoryIndexer(index).known();
        }
    }

    private int executions() throws IOException {
        try (HistoryIndex index = HistoryIndex.open(dir.resolve("index"))) {
            return IndexProbe.executions(index).size();
        }
    }

    @Test
    void theOpenedFileWaitsWhileTheReplayIsInUseAndIsIndexedWhenItStops() throws Exception {
        Path file = opened();
        AtomicBoolean replaying = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        HistoryService service = service(() -> false);
        service.yieldAlsoWhile(() -> {
            asked.incrementAndGet();
            return replaying.get();
        });
        try {
            service.add(file);
            service.start();
            waitUntil(() -> asked.get() > 0, 10_000);
            Thread.sleep(1_500);
            // A few hundred entries a second at most get through while it waits: 8,000 take half a minute.
            assertTrue(asked.get() > 10, "the replay was asked " + asked.get() + " times");
            assertEquals(0, service.passes(), "the file is still being read, slowly");
            replaying.set(false);
            waitUntil(() -> service.passes() >= 1, 20_000);
            assertTrue(service.passes() >= 1, "indexed once the replay stopped");
        } finally {
            service.close();
        }
        assertEquals(3 * RUNS, executions(), "every execution of the file is indexed");
    }

    @Test
    void closingStopsInsideAFileAndTheNextStartReadsItWhole() throws Exception {
        Path file = opened();
        AtomicInteger asked = new AtomicInteger();
        // Always busy: the file is read a few hundred entries at a time, so the close comes in its middle.
        HistoryService service = service(() -> asked.incrementAndGet() > 0);
        service.add(file);
        service.start();
        // The wait before the file asks about 50 times (every 20 ms for a second); past that, it is inside the file.
        waitUntil(() -> asked.get() > 70, 10_000);
        long start = System.nanoTime();
        service.close();
        long closeMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(closeMillis < 2_000, "closed in " + closeMillis + " ms");
        String key = file.toAbsolutePath().normalize().toString();
        assertFalse(known().contains(key), "the file cut short is not marked as read");

        HistoryService next = service(() -> false);
        try {
            next.add(file);
            next.start();
            waitUntil(() -> next.passes() >= 1, 20_000);
        } finally {
            next.close();
        }
        assertTrue(known().contains(key));
        assertEquals(3 * RUNS, executions(), "the next start reads the whole file, once");
    }
}
