package dev.runlens.reliability;

import dev.runlens.model.Run;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.replay.Exports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's exports of the Lyzr docs sample, whose task inputs hold {@code config.api_key} and
 * an {@code Authorization} header. The summary JSON and the executions CSV carry no payloads, so
 * no secret; "save as log" is a copy of the session recording, raw by design (so a saved run
 * replays exactly as received), and its redacted form masks both.
 */
class ExportsRedactionTest {
    private static final List<String> SECRETS = List.of("sk-prod-sentiment-key", "sf_prod_token_xyz");

    @TempDir
    Path dir;

    private static List<Exports.RunFrames> runs(DashboardModel model) {
        return model.runs().stream().map(r -> Exports.RunFrames.of(model, r)).toList();
    }

    private static void assertNoSecret(Path file) throws Exception {
        String text = Files.readString(file);
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), file.getFileName() + " holds " + secret);
        }
    }

    @Test
    void summaryAndCsvHoldNoSecretAndTheRedactedLogMasksThem() throws Exception {
        DashboardModel model = TestData.load(TestData.fixture("lyzr-docs-sample"));
        List<Exports.RunFrames> runs = runs(model);
        assertTrue(runs.stream().mapToInt(r -> r.rows().size()).sum() > 5, "the runs' frames are held");

        Path summary = dir.resolve("summary.json");
        Exports.saveSummary(runs, summary);
        assertTrue(Files.readString(summary).contains("sentiment_analyzer"));
        assertNoSecret(summary);

        Path csv = dir.resolve("executions.csv");
        Exports.saveExecutionsCsv(runs.stream().map(Exports.RunFrames::run).toList(), csv);
        assertTrue(Files.readString(csv).contains("update_salesforce"));
        assertNoSecret(csv);

        Path redacted = dir.resolve("redacted.jsonl");
        Exports.saveSessionLog(runs, redacted, true);
        String text = Files.readString(redacted);
        assertTrue(text.contains("api_key") && text.contains("Authorization"), "the keys stay, their values go");
        assertNoSecret(redacted);
        // Still a log that opens to the same runs.
        SummaryBuilder reopened = new SummaryBuilder();
        reopened.add(redacted);
        assertEquals(runs.stream().mapToInt(r -> r.run().events()).sum(),
                reopened.model().runs().stream().mapToInt(Run::events).sum());

        Path raw = dir.resolve("raw.jsonl");
        Exports.saveSessionLog(runs, raw, false);
        String rawText = Files.readString(raw);
        assertTrue(SECRETS.stream().allMatch(rawText::contains), "save as log keeps what was received");
    }
}
