package dev.runlens;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The window's AOT cache is trained on the window under load (packaging/build.xml, decision 0085):
 * the training run that built {@code target/dist/Runlens} went through every phase, none of them
 * cut short. A phase that timed out still leaves a cache (the build goes on), so only this test
 * notices a training that stopped exercising the live, replay or seek paths.
 */
class PackagedWindowTrainingIT {
    private static final Path TRAINING = Path.of("target", "jpackage", "training");

    @Test
    void theWindowTrainingRanEveryPhase() throws Exception {
        List<String> phases = Files.readAllLines(TRAINING.resolve("window/phases.txt"), StandardCharsets.UTF_8);
        assertEquals(List.of("first-frame", "live", "replay", "seeks"), phases);
        String log = Files.readString(TRAINING.resolve("window.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("WindowTraining:"), log);
    }
}
