package dev.runlens.protocol;

import dev.runlens.Fixtures;
import dev.runlens.SampleFrames;
import dev.runlens.fuzz.FrameMutator;
import dev.runlens.log.LogEntry;
import dev.runlens.log.LogFormat;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.log.SessionMeta;
import dev.runlens.replay.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one fast path ({@link AsciiFrameDecoder}, inside {@link FrameDecoder#decode(String)} and
 * {@link FrameDecoder#decode(byte[], int, int)}) gives exactly what the tree decoders, the specification
 * ({@link FrameDecoder#decodeGeneral}), give: frame for frame and in order (the v2 stream table is
 * state), on every fixture, the fuzz corpus and every log form, as {@link LogReader} hands the
 * frames over, as text and as bytes.
 */
class FastPathEqualityTest {
    @TempDir
    Path dir;

    /** Two decoders fed the same frames: one as callers use it, one through the tree decoders only. */
    private static final class Pair {
        final FrameDecoder decoder = new FrameDecoder();
        final FrameDecoder specification = new FrameDecoder();
        final FrameDecoder fromBytes = new FrameDecoder();
        /** One buffer for every frame, as a reader reuses it: what a longer frame left stays behind a shorter one. */
        byte[] buffer = new byte[64];
        final AsciiFrameDecoder probe = new AsciiFrameDecoder(new SpaceOperatorV2Decoder());
        int frames;
        int fastHits;

        void frame(String text) {
            frames++;
            if (text != null && !text.isBlank() && probe.tryDecode(text) != null) {
                fastHits++;
            }
            ProtocolEvent expected = specification.decodeGeneral(text);
            ProtocolEvent actual = decoder.decode(text);
            assertEquals(expected, actual, () -> "frame " + frames + " decodes differently: " + text);
            byte[] utf8 = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            // A text with a lone surrogate has no UTF-8 form: it is never read from a file's bytes.
            if (utf8 != null && new String(utf8, StandardCharsets.UTF_8).equals(text)) {
                if (utf8.length >= buffer.length) {
                    buffer = Arrays.copyOf(buffer, utf8.length * 2);
                }
                System.arraycopy(utf8, 0, buffer, 0, utf8.length);
                assertEquals(expected, fromBytes.decode(buffer, 0, utf8.length), () -> "frame " + frames + " decodes differently from its bytes: " + text);
            }
        }

        void meta(LogEntry.Meta meta) {
            SessionMeta.register(meta, decoder);
            SessionMeta.register(meta, specification);
            SessionMeta.register(meta, fromBytes);
        }

        void entry(LogEntry e) {
            if (e instanceof LogEntry.Frame f) {
                frame(f.text());
            } else if (e instanceof LogEntry.Meta m) {
                meta(m);
            }
        }
    }

    static List<String> fixtures() {
        return Fixtures.NAMES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureDecodesAlike(String name) throws IOException {
        Pair pair = new Pair();
        LogReader.open(Fixtures.log(name)).read(pair::entry);
        assertEquals(Fixtures.lines(name).size(), pair.frames);
    }

    /** The fuzz corpus of {@code FrameFuzzTest}: mutated fixture and sample frames, one decoder pair for all. */
    @Test
    void theFuzzCorpusDecodesAlike() {
        List<String> seeds = SampleFrames.withFixtures(400, 200, 11);
        Random rnd = new Random(20261122);
        FrameMutator mutator = new FrameMutator(7, 1024 * 1024);
        FrameMutator.Kind[] kinds = FrameMutator.Kind.values();
        Pair pair = new Pair();
        for (int i = 0; i < 40_000; i++) {
            String seed = seeds.get(rnd.nextInt(seeds.size()));
            String frame = rnd.nextInt(5) == 0 ? seed : mutator.mutate(seed, kinds[rnd.nextInt(kinds.length)]);
            if (rnd.nextInt(4) == 0) {
                frame = mutator.mutate(frame, kinds[rnd.nextInt(kinds.length - 1)]);
            }
            pair.frame(frame);
        }
        assertTrue(pair.fastHits > 4_000, "the fast path took only " + pair.fastHits + " frames");
    }

    /** A cut-off frame in a reused buffer is not completed by what a longer frame left after it. */
    @Test
    void aCutOffFrameInABufferDoesNotReadOnIntoOldBytes() {
        String whole = "{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":{\"time\":\"2026-11-22T08:00:00Z\",\"flow_run_id\":\"r\"}}";
        byte[] buffer = whole.getBytes(StandardCharsets.US_ASCII);
        FrameDecoder decoder = new FrameDecoder();
        assertTrue(decoder.decode(buffer, 0, buffer.length) instanceof RunEvent.FlowStarted);
        for (int cut = 0; cut < buffer.length; cut++) {
            System.arraycopy(whole.getBytes(StandardCharsets.US_ASCII), 0, buffer, 0, buffer.length);
            String text = whole.substring(0, cut);
            assertEquals(new FrameDecoder().decode(text), decoder.decode(buffer, 0, cut), text);
        }
    }

    /** The forms a log comes in; gzip wraps the session log and JSON Lines. */
    enum Form { SESSION, JSON_LINES, PRETTY, ARRAY, HAR, GZIP_SESSION, GZIP_JSON_LINES }

    @ParameterizedTest
    @EnumSource(Form.class)
    void everyLogFormDecodesAlike(Form form) throws IOException {
        List<String> frames = new ArrayList<>(SampleFrames.withFixtures(2000, 1000, 5));
        Path file = write(form, frames);
        LogReader reader = LogReader.open(file);
        assertEquals(expectedFormat(form), reader.format());
        Pair pair = new Pair();
        reader.read(pair::entry);
        assertEquals(frames.size(), pair.frames);
        assertTrue(pair.fastHits > frames.size() * 0.9, "the fast path took " + pair.fastHits + " of " + frames.size());
    }

    /** A summary's reading: ASCII session frames as bytes, the rest as entries; the same frames either way. */
    @ParameterizedTest
    @EnumSource(Form.class)
    void everyLogFormHandsTheSameFramesAsBytes(Form form) throws IOException {
        List<String> frames = new ArrayList<>(SampleFrames.withFixtures(2000, 1000, 5));
        Path file = write(form, frames);
        List<String> asText = new ArrayList<>();
        LogReader.open(file).read(e -> {
            if (e instanceof LogEntry.Frame f) {
                asText.add(f.text());
            }
        });
        List<String> asRead = new ArrayList<>();
        int[] asBytes = {0};
        LogReader.open(file).read(new LogReader.AsciiFrameSink() {
            @Override
            public void asciiFrame(byte[] frame, int length) {
                asBytes[0]++;
                asRead.add(new String(frame, 0, length, StandardCharsets.UTF_8));
            }

            @Override
            public void accept(LogEntry e) {
                if (e instanceof LogEntry.Frame f) {
                    asRead.add(f.text());
                }
            }
        });
        assertEquals(asText, asRead);
        boolean session = form == Form.SESSION || form == Form.GZIP_SESSION;
        assertTrue(session ? asBytes[0] > frames.size() * 0.9 : asBytes[0] == 0, asBytes[0] + " frames as bytes");
    }

    private Path write(Form form, List<String> frames) throws IOException {
        switch (form) {
            case SESSION:
                return session(frames);
            case JSON_LINES:
                return TestLogs.jsonLines(dir, frames);
            case PRETTY:
                return TestLogs.pretty(dir, frames);
            case ARRAY:
                return TestLogs.array(dir, frames);
            case HAR:
                return TestLogs.har(dir, frames);
            case GZIP_SESSION:
                return TestLogs.gzip(session(frames), dir.resolve("session.jsonl.gz"));
            default:
                return TestLogs.gzip(TestLogs.jsonLines(dir, frames), dir.resolve("frames.jsonl.gz"));
        }
    }

    /** A session log whose first v2 stream is also announced by a subscribed line, as the recorder writes it. */
    private Path session(List<String> frames) throws IOException {
        Path p = dir.resolve("session.jsonl");
        Instant t = Instant.parse("2026-11-22T08:00:00Z");
        try (SessionLogWriter w = new SessionLogWriter(p, new SessionHeader(1, "space-operator", "ws://127.0.0.1/ws", t, "test"))) {
            w.writeMeta(t, SessionMeta.SUBSCRIBED, Map.of("stream_id", 0, "flow_run_id", "subscribed-run"));
            for (String f : frames) {
                t = t.plusMillis(3);
                w.writeFrame(t, f);
            }
        }
        return p;
    }

    private static LogFormat expectedFormat(Form form) {
        switch (form) {
            case SESSION, GZIP_SESSION:
                return LogFormat.SESSION;
            case JSON_LINES, GZIP_JSON_LINES:
                return LogFormat.JSON_LINES;
            case PRETTY:
                return LogFormat.PRETTY;
            case ARRAY:
                return LogFormat.ARRAY;
            default:
                return LogFormat.HAR;
        }
    }
}
