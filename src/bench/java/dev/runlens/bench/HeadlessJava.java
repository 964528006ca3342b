package dev.runlens.bench;

import java.util.ArrayList;
import java.util.List;

/** A command line for a child JVM that runs the window headless (JavaFX's headless platform, software rendering). */
final class HeadlessJava {
    /** The system properties that run the window headless. */
    static final List<String> PROPERTIES = List.of("-Dglass.platform=Headless", "-Dprism.order=sw",
            "-Djava.awt.headless=true");

    private HeadlessJava() {
    }

    static List<String> command(String... mainAndArgs) {
        return command(System.getProperty("java.class.path"), mainAndArgs);
    }

    /** The same, with the application's jar as the class path: the window as users run it. */
    static List<String> jarCommand(String... mainAndArgs) {
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        return command(java.nio.file.Path.of(jar).toAbsolutePath().toString(), mainAndArgs);
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
