package dev.runlens.protocol;

import dev.runlens.SampleFrames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte reader must accept only frames the streaming decoder accepts, and build the same
 * events from them (payload texts included); whatever it refuses still decodes through the other
 * paths.
 */
class AsciiFrameDecoderTest {
    private static final String NODE = "{\"stream_id\":7,\"event\":\"NodeLog\",\"data\":{\"time\":\"2026-11-22T08:00:00.5Z\","
            + "\"node_id\":\"n-1\",\"times\":2,\"level\":\"Info\",\"module\":null,\"content\":\"CONTENT\",\"flow_run_id\":\"r-1\"}}";

    /** Returns what the byte reader gave (null when it refused), after checking it against the streaming decoder. */
    private static ProtocolEvent check(String frame) {
        ProtocolEvent a = new AsciiFrameDecoder(new SpaceOperatorV2Decoder()).tryDecode(frame);
        if (a != null) {
            ProtocolEvent s = new StreamingDecoder(new SpaceOperatorV2Decoder()).tryDecode(frame);
            assertNotNull(s, () -> "only the byte reader accepts " + frame);
            assertEquals(s, a, () -> "the readers disagree on " + frame);
            assertEquals(payloadText(s), payloadText(a), () -> "payload texts differ for " + frame);
        }
        // Through the whole decoder, whichever path takes it, the general decoder's answer.
        ProtocolEvent all = new FrameDecoder().decode(frame);
        ProtocolEvent general = new FrameDecoder().decodeGeneral(frame);
        if (!(all instanceof MalformedFrame && general instanceof MalformedFrame)) {
            assertEquals(general, all, () -> "decode differs from the general decoder on " + frame);
        }
        return a;
    }

    private static String payloadText(ProtocolEvent e) {
        Payload p = null;
        if (e instanceof RunEvent.NodeStarted s) {
            p = s.input();
        } else if (e instanceof RunEvent.NodeOutput o) {
            p = o.output();
        } else if (e instanceof RunEvent.FlowFinished f) {
            p = f.output();
        }
        return p == null ? null : p.text();
    }

    @Test
    void takesAlmostEverySpaceOperatorFrame() {
        List<String> frames = SampleFrames.spaceOperator(20_000, 3);
        int taken = 0;
        for (String f : frames) {
            if (check(f) != null) {
                taken++;
            }
        }
        assertTrue(taken > frames.size() * 0.99, "byte reader took " + taken + " of " + frames.size());
    }

    /** One decoder for a whole stream, as a log is read: its cached ids and run references must never leak between texts. */
    @Test
    void oneDecoderForManyFramesGivesWhatTheStreamingDecoderGives() {
        List<String> frames = new ArrayList<>(SampleFrames.spaceOperator(30_000, 21));
        for (int k = 0; k < 3000; k++) {
            // More distinct ids than the id table has slots, with shared prefixes and equal lengths.
            frames.add(NODE.replace("n-1", "node-" + k).replace("r-1", "run-" + (k % 37)));
        }
        java.util.Collections.shuffle(frames, new Random(5));
        AsciiFrameDecoder bytes = new AsciiFrameDecoder(new SpaceOperatorV2Decoder());
        StreamingDecoder streaming = new StreamingDecoder(new SpaceOperatorV2Decoder());
        int taken = 0;
        for (String f : frames) {
            ProtocolEvent a = bytes.tryDecode(f);
            if (a != null) {
                taken++;
                ProtocolEvent s = streaming.tryDecode(f);
                assertEquals(s, a, () -> "the readers disagree on " + f);
                assertEquals(payloadText(s), payloadText(a));
            }
        }
        assertTrue(taken > frames.size() * 0.99, "byte reader took " + taken + " of " + frames.size());
    }

    @Test
    void readsTimesAsTheTextParserDoes() {
        Random rnd = new Random(3);
        String[] samples = {"2026-11-22T08:00:00Z", "2026-11-22T08:00:00.123456789Z", "2024-02-29T23:59:59.1Z",
            "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T08:00:00.Z",
            "2026-11-22T08:00:00.1234567890Z", "2026-11-22 08:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"};
        List<String> all = new ArrayList<>(List.of(samples));
        for (int k = 0; k < 20_000; k++) {
            char[] c = samples[rnd.nextInt(samples.length)].toCharArray();
            c[rnd.nextInt(c.length)] = (char) ('*' + rnd.nextInt(60));
            all.add(new String(c));
        }
        for (String t : all) {
            byte[] b = ("xx" + t + "yy").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertEquals(FastTime.parse(t), FastTime.parse(b, 2, 2 + t.length()), t);
        }
    }

    @Test
    void leavesOtherProtocolsToTheOtherPaths() {
        for (String f : SampleFrames.lyzr(2000, 5)) {
            assertNull(check(f));
        }
        for (String f : SampleFrames.withFixtures(0, 0, 1)) {
            check(f);
        }
    }

    @Test
    void readsEscapesInTextsAsJacksonDoes() {
        String[] contents = {"a\\\"b", "back\\\\slash", "line\\nbreak\\r\\t\\b\\f", "sl\\/ash", "\\u00e9t\\u00C9",
                "\\ud83d\\ude00 and a lone \\ud800", "\\u0000", "?", "what?", ""};
        for (String c : contents) {
            RunEvent.NodeLog log = (RunEvent.NodeLog) check(NODE.replace("CONTENT", c));
            assertNotNull(log, c);
        }
        RunEvent.NodeLog log = (RunEvent.NodeLog) check(NODE.replace("CONTENT", "x\\u00e9\\n"));
        assertEquals("x\u00e9\n", log.content());
    }

    @Test
    void refusesWhatItDoesNotKnowWithoutChangingTheResult() {
        String[] refused = {
            NODE.replace("CONTENT", "caf\u00e9"),                              // not ASCII
            NODE.replace("CONTENT", "\u20ac"),                                 // outside Latin-1 (US-ASCII writes '?')
            NODE.replace("CONTENT", "\ud83d\ude00"),
            NODE.replace("CONTENT", "tab\there"),                              // a raw control character
            NODE.replace("CONTENT", "bad \\x escape"),
            NODE.replace("CONTENT", "bad \\u12G4"),
            NODE.replace("\"level\"", "\"lev\\u0065l\""),                      // escaped field name
            NODE.replace("\"module\":null", "\"inp\\u0075t\":null"),
            NODE.replace("\"module\":null", "\"extra\":1"),                    // unknown field
            NODE.replace("\"times\":2", "\"times\":02"),
            NODE.replace("\"times\":2", "\"times\":-0"),
            NODE.replace("\"times\":2", "\"times\":2147483648"),
            NODE.replace("\"times\":2", "\"times\":2.0"),
            NODE.replace("\"stream_id\":7", "\"stream_id\":99999999999999999999"),
            NODE.replace("\"time\":\"2026-11-22T08:00:00.5Z\"", "\"time\":\"2026-02-30T08:00:00Z\""),
            NODE.replace("\"time\":\"2026-11-22T08:00:00.5Z\"", "\"time\":\"2026-11-22T08:00:00.5+01:00\""),
            NODE.replace("\"time\":\"2026-11-22T08:00:00.5Z\"", "\"time\":\"2026-11-22T08:00:00\\u002e5Z\""),
            NODE.replace("NodeLog", "NodeLogs"),
            NODE.replace("NodeLog", "SignatureRequest"),
            NODE + " x",
            NODE + "{}",
            NODE.substring(0, NODE.length() - 1),
            NODE.replace("}}", "},}"),
            NODE.replace("\"module\":null", "\"module\":nul"),
            NODE.replace("\"module\":null", "\"module\":nullx"),
            NODE.replace("\"module\":null", "\"module\":1"),
            NODE.replace("\"flow_run_id\":\"r-1\"", "\"flow_run_id\":null"),
            "{\"stream_id\":7,\"event\":\"FlowError\",\"data\":{\"flow_run_id\":\"r\",\"error\":null}}",
            "{\"stream_id\":7,\"event\":\"FlowError\",\"data\":{\"flow_run_id\":\"r\"}}",
            "{\"stream_id\":7,\"event\":\"NodeStart\",\"data\":{\"flow_run_id\":\"r\"}}",
            "{\"stream_id\":7,\"event\":\"NodeStart\",\"data\":{\"flow_run_id\":\"r\",\"node_id\":\"n\",\"input\":[]}}",
            "{\"stream_id\":7,\"event\":\"NodeStart\",\"data\":{\"flow_run_id\":\"r\",\"node_id\":\"n\",\"input\":null}}",
            "{\"stream_id\":7,\"event\":\"FlowFinish\",\"data\":{\"flow_run_id\":\"r\",\"not_run\":[1]}}",
            "{\"stream_id\":7,\"event\":\"FlowStart\"}",
            "{}",
            "[]",
            "  ",
        };
        for (String f : refused) {
            assertNull(check(f), f);
        }
    }

    @Test
    void checksPayloadsAsStrictlyAsTheParser() {
        String frame = "{\"stream_id\":1,\"event\":\"NodeOutput\",\"data\":{\"flow_run_id\":\"r\",\"node_id\":\"n\",\"times\":0,"
                + "\"output\":PAYLOAD}}";
        String[] good = {"{}", "{\"M\":{}}", "{\"a\":[1,-0,0.5,1e5,1E+5,-2.5e-3,true,false,null,\"s\\u0041\\n\",[],{}]}",
                " {\"a\" : [ 1 , 2 ] } ", "{\"a\":{\"b\":{\"c\":[[[]]]}}}", "{\"\":\"\"}", "{\"dup\":1,\"dup\":2}"};
        for (String p : good) {
            RunEvent.NodeOutput out = (RunEvent.NodeOutput) check(frame.replace("PAYLOAD", p));
            assertNotNull(out, p);
            assertEquals(p.strip(), out.output().text());
        }
        String[] bad = {"{", "{\"a\"}", "{\"a\":}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":-}",
                "{\"a\":1e}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":[1,]}", "{\"a\":1,}", "{a:1}", "{\"a\":'x'}",
                "{\"a\":\"\t\"}", "{\"a\":NaN}", "{\"a\":1 2}", "{\"a\":[1 2]}", "{\"a\":\"\\q\"}", "\"text\"", "[1]",
                "{\"a\":1}/*c*/", "{\"a\":[" + "[".repeat(300) + "]".repeat(300) + "]}"};
        for (String p : bad) {
            assertNull(check(frame.replace("PAYLOAD", p)), p);
        }
    }

    @Test
    void agreesOnMutatedFrames() {
        Random rnd = new Random(11);
        List<String> frames = new ArrayList<>(SampleFrames.spaceOperator(3000, 9));
        String alphabet = "{}[]:,\"\\ \t\n0123456789-+.eEnulltruefalse?/u";
        for (int k = 0; k < 40_000; k++) {
            String f = frames.get(rnd.nextInt(frames.size()));
            int at = rnd.nextInt(f.length());
            String mutated = switch (rnd.nextInt(4)) {
                case 0 -> f.substring(0, at) + alphabet.charAt(rnd.nextInt(alphabet.length())) + f.substring(at);
                case 1 -> f.substring(0, at) + f.substring(at + 1);
                case 2 -> f.substring(0, at) + alphabet.charAt(rnd.nextInt(alphabet.length())) + f.substring(at + 1);
                default -> f.substring(0, at);
            };
            check(mutated);
        }
    }
}
