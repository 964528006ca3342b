package dev.runlens.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionLogWriterTest {
    @TempDir
    Path dir;

    private static SessionHeader header() {
        return new SessionHeader(SessionLogFormat.VERSION, "space-operator", null, null, "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:00:00Z", "2026-11-22T10:00:00.100Z", "2026-11-22T10:00:00.000100Z",
            "2026-11-22T10:00:00.000000100Z", "2026-11-22T10:00:00.123456789Z", "2026-11-22T10:00:00.120Z",
            "2026-11-22T10:00:00.123400Z", "1969-12-31T23:59:59.500Z", "1900-01-01T00:00:00.000000001Z",
            "+12026-01-01T00:00:00.999999999Z"})
    void receiveTimeIsWrittenAsInstantToString(String text) throws Exception {
        Instant at = Instant.parse(text);
        assertEquals(List.of("{\"at\":\"" + at + "\",\"frame\":\"x\"}"), frameLines(List.of(at)));
    }

    @Test
    void receiveTimesOfOneSecondAndTheNextAreEachExact() throws Exception {
        Random random = new Random(15);
        List<Instant> times = new ArrayList<>();
        Instant t = Instant.parse("2026-12-06T08:59:59.999999000Z");
        for (int i = 0; i < 2000; i++) {
            times.add(t);
            int step = random.nextInt(3);
            t = t.plusNanos(step == 0 ? 1_000_000 : step == 1 ? 1_000 : random.nextInt(2_000_000));
        }
        List<String> expected = new ArrayList<>();
        for (Instant at : times) {
            expected.add("{\"at\":\"" + at + "\",\"frame\":\"x\"}");
        }
        assertEquals(expected, frameLines(times));
    }

    private List<String> frameLines(List<Instant> times) throws Exception {
        Path file = dir.resolve("w.jsonl");
        try (SessionLogWriter w = new SessionLogWriter(file, header())) {
            for (Instant at : times) {
                w.writeFrame(at, "x");
            }
        }
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size());
    }
}
