package dev.runlens.launch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's code shares the launch package with the batch commands and never reaches into them. */
class LaunchLayersTest {
    private static final Path UI = Path.of("src/main/java/dev/runlens/ui");
    private static final Pattern CLI = Pattern.compile("\\bdev\\.runlens\\.cli\\b");

    @Test
    void nothingInTheUiImportsTheBatchCommands() throws IOException {
        List<String> offenders;
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(UI)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.stream().anyMatch(p -> p.endsWith("WatchCommand.java")), "the ui sources were not found");
        offenders = sources.stream().filter(p -> CLI.matcher(read(p)).find()).map(p -> UI.relativize(p).toString()).toList();
        assertEquals(List.of(), offenders, "ui classes that reference dev.runlens.cli");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
