package dev.runlens.bench;

import java.util.ArrayList;
import java.util.List;

/** A command line for a child JVM that runs the window headless (Monocle, software rendering). */
final class HeadlessJava {
    /** The system properties that run the window headless. */
    static final List<String> PROPERTIES = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dheadless.geometry=1920x1200-32", "-Djava.awt.headless=true");

    private HeadlessJava() {
    }

    static List<String> command(String... mainAndArgs) {
        return command(System.getProperty("java.class.path"), mainAndArgs);
    }

    /**
     * The same, with the application's jar and the Monocle jar as the class path: class-data
     * sharing archives only classes from jars, so a window that uses one starts this way.
     */
    static List<String> jarCommand(String... mainAndArgs) {
        String monocle = null;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("openjfx-monocle")) {
                monocle = entry;
            }
        }
        if (monocle == null) {
            throw new IllegalStateException("the Monocle jar is not on the benchmark's class path");
        }
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        return command(java.nio.file.Path.of(jar).toAbsolutePath() + java.io.File.pathSeparator + monocle, mainAndArgs);
    }

    private static List<String> command(String classPath, String... mainAndArgs) {
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.java(), "-cp", classPath));
        cmd.addAll(PROPERTIES);
        // -Drunlens.bench.jvm="-XX:StartFlightRecording=..." passes options to the child (profiling).
        String extra = System.getProperty("runlens.bench.jvm", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of(mainAndArgs));
        return cmd;
    }
}
