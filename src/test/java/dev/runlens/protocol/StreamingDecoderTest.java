package dev.runlens.protocol;

import dev.runlens.SampleFrames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming fast path must give exactly what the general decoder gives, frame for frame. */
class StreamingDecoderTest {

    private static List<String> corpus() {
        return SampleFrames.withFixtures(3000, 1500, 1);
    }

    private static void assertSame(String frame) {
        FrameDecoder fast = new FrameDecoder();
        FrameDecoder general = new FrameDecoder();
        ProtocolEvent a = fast.decode(frame);
        ProtocolEvent b = general.decodeGeneral(frame);
        if (a instanceof MalformedFrame && b instanceof MalformedFrame) {
            return; // reasons may be worded differently; both refuse the frame
        }
        assertEquals(b, a, () -> "paths disagree on " + frame);
    }

    @Test
    void agreesOnRealisticFrames() {
        int fastHits = 0;
        List<String> frames = corpus();
        StreamingDecoder probe = new StreamingDecoder(new SpaceOperatorV2Decoder());
        for (String f : frames) {
            assertSame(f);
            if (probe.tryDecode(f) != null) {
                fastHits++;
            }
        }
        assertTrue(fastHits > frames.size() * 0.9, "fast path took " + fastHits + " of " + frames.size());
    }

    /** The frames DecodeApplyBenchmark measures: a fallback to the tree decoder would hide in its figure. */
    @Test
    void theBenchmarkFramesNeverLeaveTheFastPath() {
        for (List<String> frames : List.of(SampleFrames.lyzr(20_000, 7), SampleFrames.spaceOperator(20_000, 7))) {
            StreamingDecoder probe = new StreamingDecoder(new SpaceOperatorV2Decoder());
            for (String f : frames) {
                assertTrue(probe.tryDecode(f) != null, () -> "falls back to the tree decoder: " + f);
            }
        }
    }

    @Test
    void agreesOnMutatedFrames() {
        Random rnd = new Random(42);
        List<String> frames = corpus();
        String[] replacements = {"null", "1", "-1", "1.5", "\"x\"", "[]", "{}", "true", "\"2025-02-30T00:00:00Z\"",
                "\"2025-11-22T08:30:00.1234567891Z\"", "99999999999", "{\"M\":[]}", "\"\""};
        for (int i = 0; i < 20_000; i++) {
            String f = frames.get(rnd.nextInt(frames.size()));
            String mutated;
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    // Replace one value after a colon.
                    int colon = f.indexOf(':', rnd.nextInt(f.length()));
                    if (colon < 0) {
                        continue;
                    }
                    int end = colon + 1;
                    while (end < f.length() && f.charAt(end) != ',' && f.charAt(end) != '}') {
                        end++;
                    }
                    mutated = f.substring(0, colon + 1) + replacements[rnd.nextInt(replacements.length)] + f.substring(end);
                }
                case 1 -> {
                    // Drop a field name's first letter (unknown or missing fields).
                    int q = f.indexOf('"', rnd.nextInt(f.length()));
                    mutated = q < 0 || q + 2 >= f.length() ? f : f.substring(0, q + 1) + f.substring(q + 2);
                }
                case 2 -> mutated = f.substring(0, rnd.nextInt(f.length()));
                default -> {
                    char[] c = f.toCharArray();
                    c[rnd.nextInt(c.length)] = (char) (32 + rnd.nextInt(95));
                    mutated = new String(c);
                }
            }
            assertSame(mutated);
        }
    }

    @Test
    void payloadsStayRawUntilAskedFor() {
        FrameDecoder d = new FrameDecoder();
        String frame = "{\"stream_id\":3,\"event\":\"NodeOutput\",\"data\":{\"time\":\"2025-11-22T08:30:00Z\",\"node_id\":\"n\","
                + "\"times\":1,\"output\":{\"M\":{\"x\":{\"D\":\"1.50\"}}},\"flow_run_id\":\"r\"}}";
        RunEvent.NodeOutput out = (RunEvent.NodeOutput) d.decode(frame);
        assertEquals("{\"M\":{\"x\":{\"D\":\"1.50\"}}}", out.output().text());
        assertEquals("{\"x\":1.50}", out.output().plain().toString());
    }
}
