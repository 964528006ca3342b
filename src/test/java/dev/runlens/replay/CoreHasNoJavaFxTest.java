package dev.runlens.replay;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay core is used by the UI, never the reverse: no JavaFX in its sources. */
class CoreHasNoJavaFxTest {
    @Test
    void replaySourcesImportNoJavaFx() throws IOException {
        Path dir = Path.of("src/main/java/dev/runlens/replay");
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertTrue(sources.size() > 10, "found the sources");
        List<String> offenders = sources.stream().filter(p -> {
            try {
                return Files.readString(p).contains("javafx.");
            } catch (IOException e) {
                return true;
            }
        }).map(Path::toString).collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }
}
