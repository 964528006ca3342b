package dev.runlens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared fixtures, copied into src/test/resources/fixtures so the tests stand alone. */
public final class Fixtures {
    public static final List<String> NAMES = List.of(
            "space-operator-v2-failed-run", "space-operator-v1-docs-sample", "lyzr-docs-sample");

    private Fixtures() {
    }

    public static Path dir() {
        String configured = System.getProperty("runlens.fixtures");
        Path p = configured != null ? Path.of(configured) : Path.of("src/test/resources/fixtures");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("fixtures not found at " + p.toAbsolutePath());
        }
        return p;
    }

    public static Path log(String name) {
        return dir().resolve(name + ".jsonl");
    }

    public static String expectedSummary(String name) {
        return read(dir().resolve(name + ".summary.json"));
    }

    public static List<String> lines(String name) {
        try {
            return Files.readAllLines(log(name), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
