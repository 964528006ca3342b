package dev.runlens.log;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session recorder when the disk fills, stalls, or is flooded: one sentence, whole lines, bounded memory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecorderFaultsTest {
    @TempDir
    Path dir;

    private static SessionHeader header() {
        return new SessionHeader(SessionLogFormat.VERSION, "space-operator", "ws://127.0.0.1:1/ws", Instant.parse("2026-12-06T10:00:00Z"), "test");
    }

    @Test
    void aDiskFullFromTheStartIsOneSentence() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full), "this system has no /dev/full");
        IOException e = assertThrows(IOException.class, () -> SessionRecorder.start(full, header()).close());
        assertEquals("the disk is full: recording to /dev/full stopped; what was written before stays readable", e.getMessage());
    }

    @Test
    void theDiskFillingWhileRecordingStopsWithOneSentenceAndLeavesOnlyWholeLines() throws Exception {
        Path mount = dir.resolve("small");
        Files.createDirectories(mount);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString()) == 0,
                "cannot mount a small tmpfs here (needs root); the /dev/full test still runs");
        try {
            Path file = mount.resolve("run.jsonl");
            List<String> told = new CopyOnWriteArrayList<>();
            String pad = "z".repeat(1000);
            int sent = 0;
            try (SessionRecorder r = SessionRecorder.start(file, header())) {
                r.onFailure(told::add);
                while (told.isEmpty() && sent < 5_000) {
                    r.frame(Instant.ofEpochSecond(1_800_000_000L, sent), "{\"n\":" + sent + ",\"pad\":\"" + pad + "\"}");
                    sent++;
                    if (sent % 50 == 0) {
                        Thread.sleep(5);
                    }
                }
                for (int i = 0; i < 100; i++) {
                    r.frame(Instant.now(), "{\"after\":" + i + "}"); // taken without blocking or throwing
                }
            }
            String sentence = "the disk is full: recording to " + file + " stopped; what was written before stays readable";
            assertEquals(List.of(sentence), told);
            List<String> frames = new ArrayList<>();
            List<String> corrupt = new ArrayList<>();
            LogReader.open(file).read(e -> {
                if (e instanceof LogEntry.Frame f) {
                    frames.add(f.text());
                } else if (e instanceof LogEntry.Corrupt c) {
                    corrupt.add(c.reason());
                }
            });
            assertEquals(List.of(), corrupt, "a torn last line");
            assertTrue(frames.size() > 100 && frames.size() < sent, frames.size() + " of " + sent);
            for (int i = 0; i < frames.size(); i++) {
                assertEquals("{\"n\":" + i + ",\"pad\":\"" + pad + "\"}", frames.get(i));
            }
            assertEquals('\n', Files.readString(file).charAt((int) Files.size(file) - 1));
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aFloodOfEmptyFramesWaitsForTheWriterInsteadOfFillingTheHeap() throws Exception {
        Path fifo = fifo();
        AtomicLong linesRead = new AtomicLong();
        CompletableFuture<InputStream> reader = CompletableFuture.supplyAsync(() -> open(fifo), RecorderFaultsTest::ownThread);
        long bound = 64_000;
        try (SessionRecorder r = SessionRecorder.start(fifo, header(), bound, SessionRecorder.CLOSE_TIMEOUT_MILLIS)) {
            InputStream in = reader.get(10, TimeUnit.SECONDS);
            int frames = 200_000;
            CompletableFuture<Long> producer = CompletableFuture.supplyAsync(() -> {
                long worst = 0;
                for (int i = 0; i < frames; i++) {
                    r.frame(Instant.ofEpochSecond(1_800_000_000L), "");
                    worst = Math.max(worst, r.queuedChars());
                }
                return worst;
            }, RecorderFaultsTest::ownThread);
            // Nobody reads the pipe yet: the writer is stuck, so the producer must be held back.
            Thread.sleep(500);
            assertFalse(producer.isDone(), "200,000 empty frames were queued behind a writer that cannot write");
            assertTrue(r.queuedChars() <= bound + SessionRecorder.ITEM_OVERHEAD, "queued " + r.queuedChars());
            CompletableFuture<Void> drain = CompletableFuture.runAsync(() -> countLines(in, linesRead), RecorderFaultsTest::ownThread);
            long worst = producer.get(30, TimeUnit.SECONDS);
            assertTrue(worst <= bound + SessionRecorder.ITEM_OVERHEAD, "queued " + worst);
            r.close();
            drain.get(30, TimeUnit.SECONDS);
            assertEquals(frames + 1, linesRead.get(), "every frame and the header");
        }
    }

    @Test
    void aCloseThatCannotFinishSaysSo() throws Exception {
        Path fifo = fifo();
        CompletableFuture<InputStream> reader = CompletableFuture.supplyAsync(() -> open(fifo), RecorderFaultsTest::ownThread);
        SessionRecorder r = SessionRecorder.start(fifo, header(), SessionRecorder.MAX_QUEUED_CHARS, 300);
        InputStream in = reader.get(10, TimeUnit.SECONDS);
        try {
            String text = "{\"pad\":\"" + "q".repeat(10_000) + "\"}";
            for (int i = 0; i < 100; i++) {
                r.frame(Instant.now(), text); // 1 MB: far more than the pipe and the writer's buffer hold
            }
            long start = System.nanoTime();
            r.close();
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertEquals("could not finish writing " + fifo + " within 0.3 s (the disk is not answering): its last lines may be missing",
                    r.failure().orElse("(no failure reported)"));
        } finally {
            CompletableFuture.runAsync(() -> countLines(in, new AtomicLong()), RecorderFaultsTest::ownThread); // lets the stuck writer end
        }
    }

    /** Each blocking helper on a thread of its own: the common pool may have one thread only. */
    private static void ownThread(Runnable r) {
        Thread t = new Thread(r, "recorder-faults-test");
        t.setDaemon(true);
        t.start();
    }

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("pipe.jsonl");
        Assumptions.assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo is not available");
        return fifo;
    }

    private static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void countLines(InputStream in, AtomicLong lines) {
        byte[] buf = new byte[1 << 16];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines.incrementAndGet();
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
