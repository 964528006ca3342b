package dev.runlens.fuzz;

import dev.runlens.Fixtures;
import dev.runlens.SampleFrames;
import dev.runlens.json.Json;
import dev.runlens.model.Execution;
import dev.runlens.model.RunModel;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.MalformedFrame;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.summary.SummaryJson;
import dev.runlens.summary.FrameStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reliability: 100,000+ frames derived from the fixtures and realistic samples by mutation go
 * through every decoder and the run model. Nothing may escape as an exception; every frame is
 * applied, a control frame, or malformed with a reason; the model's invariants hold throughout.
 */
class FrameFuzzTest {
    private static final int FRAMES = 110_000;

    @TempDir
    Path dir;

    private static List<String> seeds() {
        return SampleFrames.withFixtures(400, 200, 11);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedFramesNeverBreakTheDecodersOrTheModel() {
        List<String> seeds = seeds();
        Random rnd = new Random(20261122);
        FrameMutator mutator = new FrameMutator(7, 30 * 1024 * 1024);
        FrameMutator.Kind[] kinds = FrameMutator.Kind.values();
        Map<FrameMutator.Kind, Integer> perKind = new EnumMap<>(FrameMutator.Kind.class);
        FrameDecoder decoder = new FrameDecoder();
        RunModel model = new RunModel();
        Map<Execution, Instant> finishedAt = new IdentityHashMap<>();
        int applied = 0;
        int malformed = 0;
        int control = 0;
        int hugeLeft = 4;
        for (int i = 0; i < FRAMES; i++) {
            String seed = seeds.get(rnd.nextInt(seeds.size()));
            FrameMutator.Kind kind = kinds[rnd.nextInt(kinds.length)];
            if (kind == FrameMutator.Kind.HUGE_STRING && hugeLeft-- <= 0) {
                kind = FrameMutator.Kind.WRONG_TYPE;
            }
            String frame = mutator.mutate(seed, kind);
            boolean twice = rnd.nextInt(4) == 0;
            if (twice) {
                frame = mutator.mutate(frame, kinds[rnd.nextInt(kinds.length - 1)]);
            }
            perKind.merge(kind, 1, Integer::sum);
            long start = System.nanoTime();
            ProtocolEvent event = decoder.decode(frame);
            long nanos = System.nanoTime() - start;
            // Time proportional to size: no small frame may take long (a huge exponent once took minutes).
            assertTrue(frame.length() > 100_000 || nanos < 2_000_000_000L, "decoding took " + nanos / 1_000_000 + " ms: " + frame);
            if (kind == FrameMutator.Kind.TRAILING_CONTENT && !twice) {
                assertFalse(event instanceof RunEvent, "content after the value was taken for a frame: " + frame);
            }
            if (event instanceof RunEvent e) {
                RunModel.Change change = model.apply(e);
                applied++;
                touchPayload(e);
                Execution x = change.execution();
                if (x != null && x.finished()) {
                    Instant first = finishedAt.putIfAbsent(x, x.finishedAt() == null ? Instant.MIN : x.finishedAt());
                    if (first != null) {
                        assertEquals(first, x.finishedAt() == null ? Instant.MIN : x.finishedAt(),
                                "an execution finished twice: " + x);
                    }
                }
            } else if (event instanceof MalformedFrame m) {
                malformed++;
                assertFalse(m.reason() == null || m.reason().isBlank(), "malformed without a reason: " + frame);
                assertTrue(m.preview().length() <= 400, "preview too long");
            } else {
                assertTrue(event instanceof ControlEvent, "unexpected " + event);
                control++;
            }
        }
        assertEquals(FRAMES, applied + malformed + control);
        assertEquals(List.of(), ModelInvariants.check(model));
        for (FrameMutator.Kind k : kinds) {
            assertTrue(perKind.getOrDefault(k, 0) > 0, "mutation never used: " + k);
        }
        assertTrue(applied > FRAMES / 4, "too few frames survived to exercise the model: " + applied);
        assertTrue(malformed > FRAMES / 10, "too few frames were refused to exercise the checks: " + malformed);
        // The summary of whatever state resulted must serialize.
        String json = Json.pretty(SummaryJson.of(model, new FrameStats()));
        assertTrue(json.startsWith("{"));
    }

    /** What the inspector will do with a payload: plain form, value tree, text. None may throw. */
    private static void touchPayload(RunEvent e) {
        dev.runlens.protocol.Payload p = null;
        if (e instanceof RunEvent.NodeStarted s) {
            p = s.input();
        } else if (e instanceof RunEvent.NodeOutput o) {
            p = o.output();
        } else if (e instanceof RunEvent.NodeFinished f) {
            p = f.output();
        } else if (e instanceof RunEvent.FlowFinished f) {
            p = f.output();
        }
        if (p != null && p.text().length() < 1_000_000) {
            Json.pretty(p.plain());
            p.value();
            Json.compact(p.json());
        }
    }

    @Test
    void invalidUtf8AndBinaryLinesInAFileAreCountedNotFatal() throws IOException {
        List<String> lines = Fixtures.lines("space-operator-v2-failed-run");
        Path p = dir.resolve("dirty.jsonl");
        try (var out = Files.newOutputStream(p)) {
            for (int i = 0; i < lines.size(); i++) {
                out.write(lines.get(i).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                if (i == 4) {
                    out.write(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
                    out.write(new byte[]{0, 1, 2, (byte) 0xFF, (byte) 0xFE, '\n'});
                }
            }
        }
        SummaryBuilder b = new SummaryBuilder();
        b.add(p);
        assertEquals(12, b.stats().total());
        assertEquals(1, b.stats().malformed());
        assertEquals(10, b.model().runs().get(0).events());
        assertEquals("failed", b.model().runs().get(0).status().id());
    }
}
