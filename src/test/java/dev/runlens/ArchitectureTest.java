package dev.runlens;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layer rules, executable: the core never sees JavaFX; the core never depends on the UI. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/runlens");
    private static final Pattern JAVAFX = Pattern.compile("\\bjavafx\\.");
    private static final Pattern UI = Pattern.compile("\\bdev\\.runlens\\.ui\\b");

    private static List<Path> coreSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MAIN)) {
            walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN.relativize(p).startsWith("ui"))
                    .filter(p -> !p.getFileName().toString().equals("Main.java"))
                    .forEach(files::add);
        }
        return files;
    }

    @Test
    void coreSourcesExist() throws IOException {
        List<Path> files = coreSources();
        assertTrue(files.size() > 20, "expected the core sources, found " + files.size());
        assertTrue(files.stream().anyMatch(p -> p.endsWith("RunModel.java")));
    }

    @Test
    void corePackagesDoNotUseJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path p : coreSources()) {
            if (JAVAFX.matcher(Files.readString(p)).find()) {
                offenders.add(MAIN.relativize(p).toString());
            }
        }
        assertEquals(List.of(), offenders, "core classes that use javafx");
    }

    @Test
    void corePackagesDoNotDependOnTheUi() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path p : coreSources()) {
            if (UI.matcher(Files.readString(p)).find()) {
                offenders.add(MAIN.relativize(p).toString());
            }
        }
        assertEquals(List.of(), offenders, "core classes that reference dev.runlens.ui");
    }
}
