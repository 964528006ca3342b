package dev.runlens.log;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runlens.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The frame line encoder against the reference it replaced: Jackson's UTF-8 generator, byte for byte. */
class FrameLineEncoderTest {
    private static final Instant AT = Instant.parse("2026-12-06T17:00:00.123456Z");

    private static byte[] jackson(Instant at, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.factory().createGenerator(bytes)) {
            g.writeStartObject();
            if (at != null) {
                g.writeStringField(SessionLogFormat.AT, at.toString());
            }
            g.writeStringField(SessionLogFormat.FRAME, text);
            g.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static byte[] encoded(FrameLineEncoder encoder, Instant at, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encoder.write(bytes, at, text);
        return bytes.toByteArray();
    }

    @Test
    void everyCharacterOfTheBasicPlaneIsWrittenAsJacksonWritesIt() throws IOException {
        FrameLineEncoder encoder = new FrameLineEncoder();
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "\"b\\";
            assertArrayEquals(jackson(AT, text), encoded(encoder, AT, text), "character " + Integer.toHexString(c));
        }
    }

    @Test
    void pairsLoneSurrogatesAndControlsMatchJackson() throws IOException {
        FrameLineEncoder encoder = new FrameLineEncoder();
        for (String text : new String[]{"", "x", "{\"stream_id\":1,\"event\":\"NodeStart\"}", "emoji \uD83D\uDE00 done",
                "lone \uD83D high", "lone \uDE00 low", "tab\tnew\nline\rcr\u0000nul\u001Fus\u007Fdel", "caf\u00E9 \u20AC"}) {
            assertArrayEquals(jackson(AT, text), encoded(encoder, AT, text), text);
            assertArrayEquals(jackson(null, text), encoded(encoder, null, text), "no receive time: " + text);
        }
    }

    @Test
    void longFramesAcrossTheBufferMatchJackson() throws IOException {
        Random random = new Random(60);
        FrameLineEncoder encoder = new FrameLineEncoder();
        char[] alphabet = {'a', '"', '\\', '\n', '\u00E9', '\u20AC', '\uD83D', '\uDE00', '\u0001', '{'};
        for (int length : new int[]{32_700, 32_760, 32_768, 100_000, 1_000_000}) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'z');
            }
            Instant at = AT.plusNanos(random.nextInt(1_000_000_000));
            assertArrayEquals(jackson(at, text.toString()), encoded(encoder, at, text.toString()), "length " + length);
        }
    }

    @Test
    void receiveTimesOfEveryPrecisionAndLeadingZerosMatchJackson() throws IOException {
        FrameLineEncoder encoder = new FrameLineEncoder();
        Instant second = Instant.parse("2026-12-07T10:00:00Z");
        for (int nano : new int[]{0, 1, 9, 1000, 1_000_000, 120_000_000, 100_000_000, 999_999_999, 10_203_040, 7_000,
                990_000_000}) {
            Instant at = second.plusNanos(nano);
            assertArrayEquals(jackson(at, "x"), encoded(encoder, at, "x"), at.toString());
        }
    }
}
