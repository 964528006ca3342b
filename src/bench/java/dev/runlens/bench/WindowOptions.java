package dev.runlens.bench;

import java.util.List;

/**
 * The JVM options of the packaged window launcher, as the pom hands them to the benchmark
 * ({@code -Drunlens.bench.windowJvm}), so a benchmarked window runs as the installed one does.
 */
final class WindowOptions {
    private WindowOptions() {
    }

    static List<String> fromProperty() {
        String options = System.getProperty("runlens.bench.windowJvm", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }
}
