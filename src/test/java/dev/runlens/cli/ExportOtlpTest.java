package dev.runlens.cli;

import dev.runlens.Fixtures;
import dev.runlens.launch.CommandLines;
import dev.runlens.launch.ExitCodes;
import dev.runlens.otlp.OtlpProto;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export --format otlp}: the command's part (the mapping is tested in dev.runlens.otlp). */
class ExportOtlpTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int export(String... args) {
        return CommandLines.execute(new ExportCommand(), args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyRunOfEveryInputBecomesOneLineOfOtlpJson() throws Exception {
        Path out = dir.resolve("traces.json");
        List<String> args = new ArrayList<>(List.of("--format", "otlp", "--out", out.toString()));
        Fixtures.NAMES.forEach(n -> args.add(Fixtures.log(n).toString()));
        assertEquals(ExitCodes.OK, export(args.toArray(new String[0])), err::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), "the fixtures hold four runs");
        int spans = 0;
        for (String line : lines) {
            List<Span> s = OtlpProto.spans(OtlpProto.parseJsonLine(line));
            assertEquals(1, s.stream().filter(x -> x.getParentSpanId().isEmpty()).count(), "one root per line");
            spans += s.size();
        }
        assertTrue(spans > 4);
        assertFalse(Files.readString(out).contains("sk-prod-sentiment-key"), "no payloads without --payloads");
    }

    @Test
    void payloadLimitWithoutPayloadsIsBadUsage() {
        assertEquals(ExitCodes.USAGE, export("--format", "otlp", "--payload-limit", "10", "--out", dir.resolve("t.json").toString(),
                Fixtures.log("lyzr-docs-sample").toString()));
        assertTrue(err.toString().contains("--payload-limit goes with --payloads"), err::toString);
    }
}
