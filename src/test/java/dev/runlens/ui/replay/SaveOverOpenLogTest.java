package dev.runlens.ui.replay;

import dev.runlens.Fixtures;
import dev.runlens.log.PrivateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File → Save over the log the window shows (ReplayUi.open marks it) is refused; the log is kept. */
class SaveOverOpenLogTest {
    @TempDir
    Path dir;

    @Test
    void everySaveOverTheOpenLogIsRefusedAndTheLogKept() throws Exception {
        Path log = Files.copy(Fixtures.log("lyzr-docs-sample"), dir.resolve("open.jsonl"));
        byte[] before = Files.readAllBytes(log);
        PrivateFiles.markInput(log);
        try {
            Path alias = Files.createSymbolicLink(dir.resolve("alias.jsonl"), log);
            PrivateFiles.OutputIsInput e = assertThrows(PrivateFiles.OutputIsInput.class, () -> Exports.saveSessionLog(List.of(), log, false));
            assertTrue(e.getMessage().startsWith(log + " is also an input"), e.getMessage());
            assertThrows(PrivateFiles.OutputIsInput.class, () -> Exports.saveSessionLog(List.of(), alias, true));
            assertThrows(PrivateFiles.OutputIsInput.class, () -> Exports.saveSummary(List.of(), log));
            assertThrows(PrivateFiles.OutputIsInput.class, () -> Exports.saveExecutionsCsv(List.of(), log));
            assertArrayEquals(before, Files.readAllBytes(log));
        } finally {
            PrivateFiles.releaseInput(log);
        }
        Exports.saveSessionLog(List.of(), log, false); // released: writable again
        assertTrue(Files.size(log) < before.length);
    }
}
