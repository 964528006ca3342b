package dev.runlens.replay;

import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLineParser;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.log.SessionMeta;
import dev.runlens.protocol.FrameDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block reads give every entry the text a positional read gives it, in any order and in every log form. */
class SequentialTextsTest {
    @TempDir
    Path dir;

    @Test
    void everyEntryReadsAsTheStoreReadsItForwardsAndInAnyOrder() throws IOException {
        Path mixed = TestLogs.mixed(dir, 3_000);
        try (ReplayIndex index = ReplayIndex.open(mixed).awaitDone()) {
            assertTrue(Files.size(mixed) > 2L * SequentialTexts.BLOCK, "the log spans several blocks");
            SequentialTexts texts = index.frames().sequential();
            for (int i = 0; i < index.size(); i++) {
                assertEquals(storeText(index, i), texts.text(i), "entry " + i);
            }
            SplittableRandom random = new SplittableRandom(5);
            for (int k = 0; k < 500; k++) {
                int i = random.nextInt(index.size());
                assertEquals(storeText(index, i), texts.text(i), "entry " + i + " out of order");
            }
        }
    }

    /**
     * The replay worker decodes session lines from their bytes (no String of the frame): each entry
     * decodes to the event its text decodes to, in a decoder that saw the same entries (the v2
     * stream table, malformed frames, Lyzr, a frame with non-ASCII text), and gives its text's length.
     */
    @Test
    void everyEntryDecodesFromItsBytesAsFromItsText() throws IOException {
        assertTrue(decodesAlike(TestLogs.mixed(dir, 3_000)) > 3_000);
        Path accents = dir.resolve("accents.jsonl");
        java.time.Instant t = java.time.Instant.parse("2026-11-22T09:00:00Z");
        try (SessionLogWriter w = new SessionLogWriter(accents, new SessionHeader(1, "lyzr", "ws://127.0.0.1/ws", t, "test"))) {
            w.writeFrame(t, "{\"event_type\":\"log\",\"message\":\"café\"}");
            w.writeFrame(t, "{\"event_type\":\"log\",\"message\":\"tab\\there\"}");
        }
        assertEquals(2, decodesAlike(accents));
    }

    /** Decodes every frame entry of {@code log} both ways and compares; returns how many were compared. */
    private static int decodesAlike(Path log) throws IOException {
        try (ReplayIndex index = ReplayIndex.open(log).awaitDone()) {
            SequentialTexts texts = index.frames().sequential();
            SequentialTexts bytes = index.frames().sequential();
            FrameDecoder fromText = new FrameDecoder();
            FrameDecoder fromBytes = new FrameDecoder();
            int frames = 0;
            for (int i = 0; i < index.size(); i++) {
                if (index.kind(i) == EntryKind.META) {
                    SessionMeta.register(SessionLineParser.meta(texts.text(i)), fromText);
                    SessionMeta.register(SessionLineParser.meta(bytes.text(i)), fromBytes);
                } else if (index.kind(i) != EntryKind.CORRUPT) {
                    String text = texts.text(i);
                    assertEquals(fromText.decode(text), bytes.decode(i, fromBytes), log.getFileName() + " entry " + i);
                    assertEquals(text.length(), bytes.lastChars(), log.getFileName() + " entry " + i);
                    frames++;
                }
            }
            return frames;
        }
    }

    @Test
    void spooledFormsAndLinesLongerThanABlockReadThroughTheStore() throws IOException {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            frames.add("{\"event\":\"log\",\"data\":{\"content\":\"" + "é".repeat(i == 2 ? SequentialTexts.BLOCK : 10) + i + "\"}}");
        }
        for (Path form : List.of(TestLogs.jsonLines(dir, frames), TestLogs.pretty(dir, frames))) {
            try (ReplayIndex index = ReplayIndex.open(form).awaitDone()) {
                assertNull(index.failure(), form.toString());
                SequentialTexts texts = index.frames().sequential();
                assertEquals(frames.size(), index.size());
                for (int i = 0; i < index.size(); i++) {
                    assertEquals(ReplayIndexTest.Json0.compact(frames.get(i)), ReplayIndexTest.Json0.compact(texts.text(i)), form + " entry " + i);
                    assertEquals(storeText(index, i), texts.text(i), form + " entry " + i);
                }
            }
        }
    }

    @Test
    void aFileCutAfterIndexingSaysSoInsteadOfReadingPastItsEnd() throws IOException {
        Path log = TestLogs.jsonLines(dir, List.of("{\"event\":\"a\"}", "{\"event\":\"b\"}", "{\"event\":\"c\"}"));
        try (ReplayIndex index = ReplayIndex.open(log).awaitDone()) {
            byte[] bytes = Files.readAllBytes(log);
            Files.write(log, java.util.Arrays.copyOf(bytes, bytes.length - 8));
            SequentialTexts texts = index.frames().sequential();
            assertEquals("{\"event\":\"a\"}", texts.text(0));
            IOException e = assertThrows(IOException.class, () -> texts.text(2));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    private static String storeText(ReplayIndex index, int i) throws IOException {
        return index.frames().text(i);
    }
}
