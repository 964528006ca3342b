package dev.runlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged launchers of the app image ({@code ./mvnw -B -DskipTests verify} builds it), which
 * the benchmarks run beside {@code java -jar}: users start Runlens through them, with the JVM
 * options they were built with ({@code runlens.window.jvm}, {@code runlens.cli.jvm} in the pom).
 */
final class Launchers {
    private static final Path IMAGE_BIN = Path.of("target", "dist", "Runlens", "bin");

    private Launchers() {
    }

    /** The window launcher: {@code -Drunlens.launcher}, else the app image's {@code bin/Runlens}. */
    static Path window() {
        return Path.of(System.getProperty("runlens.launcher", IMAGE_BIN.resolve("Runlens").toString()));
    }

    /** The command-line launcher: {@code -Drunlens.cli.launcher} (or {@code -Drunlens.cli}), else {@code bin/runlens-cli}. */
    static Path cli() {
        return Path.of(System.getProperty("runlens.cli.launcher",
                System.getProperty("runlens.cli", IMAGE_BIN.resolve("runlens-cli").toString())));
    }

    static boolean built(Path launcher) {
        return Files.isExecutable(launcher);
    }

    /**
     * The ways a window benchmark runs, in order: {@code true} for {@code bin/Runlens} (when built and
     * not {@code -Drunlens.bench.via=jar}), {@code false} for {@code java -jar} (unless {@code via=launcher}).
     */
    static List<Boolean> windowWays() {
        String via = System.getProperty("runlens.bench.via", "both");
        List<Boolean> ways = new ArrayList<>();
        if (built(window()) && !via.equals("jar")) {
            ways.add(true);
        }
        if (!via.equals("launcher")) {
            ways.add(false);
        }
        return ways;
    }

    /** {@code env} plus {@code JAVA_TOOL_OPTIONS}: the only way to add JVM options to a jpackage launcher's JVM. */
    static Map<String, String> withToolOptions(Map<String, String> env, List<String> options) {
        Map<String, String> all = new HashMap<>(env);
        if (!options.isEmpty()) {
            all.put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        }
        return all;
    }

    static List<String> split(String options) {
        List<String> list = new ArrayList<>();
        for (String s : options.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                list.add(s);
            }
        }
        return list;
    }
}
