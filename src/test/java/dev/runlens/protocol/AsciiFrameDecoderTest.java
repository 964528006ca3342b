package dev.runlens.protocol;

import dev.runlens.SampleFrames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one fast path must give exactly what the tree decoders give, frame for frame, and take the common frames. */
class AsciiFrameDecoderTest {

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
        AsciiFrameDecoder probe = new AsciiFrameDecoder(new SpaceOperatorV2Decoder());
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
            AsciiFrameDecoder probe = new AsciiFrameDecoder(new SpaceOperatorV2Decoder());
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

    @Test
    void leavesTextOutsideAsciiToTheTreeAndReadsEscapesAsJacksonDoes() {
        AsciiFrameDecoder probe = new AsciiFrameDecoder(new SpaceOperatorV2Decoder());
        String plain = "{\"stream_id\":1,\"event\":\"NodeLog\",\"data\":{\"node_id\":\"n\",\"times\":0,"
                + "\"level\":\"Info\",\"content\":\"%s\",\"flow_run_id\":\"r\"}}";
        String[] contents = {"n\\u00f6ud", "n \\\" \\/ \\n \\u00fc \\ud83d\\ude00", "line?mark", "n\u00f6ud", "\ud83d\ude00"};
        for (int k = 0; k < contents.length; k++) {
            String frame = String.format(plain, contents[k]);
            ProtocolEvent fast = probe.tryDecode(frame);
            assertEquals(k < 3, fast != null, frame);
            assertSame(frame);
        }
    }

    @Test
    void oneInstancePerRunAndNodeId() {
        AsciiFrameDecoder probe = new AsciiFrameDecoder(new SpaceOperatorV2Decoder());
        String frame = "{\"stream_id\":1,\"event\":\"NodeFinish\",\"data\":{\"node_id\":\"node-1\",\"times\":2,"
                + "\"flow_run_id\":\"run-1\"}}";
        RunEvent.NodeFinished a = (RunEvent.NodeFinished) probe.tryDecode(frame);
        RunEvent.NodeFinished b = (RunEvent.NodeFinished) probe.tryDecode(new String(frame.toCharArray()));
        assertTrue(a.run() == b.run() && a.node().node() == b.node().node());
        assertEquals("run-1", a.run().runId());
    }

    @Test
    void lyzrNumbersAreReadAsTheTreeReadsThem() {
        for (String n : new String[] {"-0", "0", "-0.0", "1.50", "1e400", "123456789012345678", "1234567890123456789012",
            "2.5E-3", "0.1"}) {
            String frame = "{\"event_type\":\"task_completed\",\"flow_name\":\"f\",\"run_name\":\"r\",\"task_name\":\"t\","
                    + "\"timestamp\":" + n + ",\"execution_time\":" + n + ",\"output\":[]}";
            assertSame(frame);
        }
    }
}
