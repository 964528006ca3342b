package dev.runlens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the window headless (JavaFX's headless platform, software rendering) the two ways the
 * benchmarks compare: {@code java -jar runlens.jar} with the JVM's defaults, and the packaged
 * window launcher ({@code bin/Runlens}) with the options it was built with. A jpackage launcher
 * takes no JVM options on its command line, so the headless properties reach its JVM through
 * {@code JAVA_TOOL_OPTIONS}.
 */
final class HeadlessJava {
    /** The system properties that run the window headless. */
    static final List<String> PROPERTIES = List.of("-Dglass.platform=Headless", "-Dprism.order=sw",
            "-Djava.awt.headless=true");

    private HeadlessJava() {
    }

    /** {@code java [headless] [options] -jar runlens.jar args...}. */
    static List<String> jarCommand(List<String> options, String... args) {
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.java()));
        cmd.addAll(jvmOptions(options));
        cmd.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code bin/Runlens args...}; its environment comes from {@link #launcherEnvironment}. */
    static List<String> launcherCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Launchers.window().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code env} plus {@code JAVA_TOOL_OPTIONS} with the headless properties and {@code options}. */
    static Map<String, String> launcherEnvironment(Map<String, String> env, List<String> options) {
        return Launchers.withToolOptions(env, jvmOptions(options));
    }

    private static List<String> jvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(PROPERTIES);
        // -Drunlens.bench.jvm="-XX:StartFlightRecording=..." passes options to the window (profiling).
        all.addAll(Launchers.split(System.getProperty("runlens.bench.jvm", "")));
        all.addAll(options);
        return all;
    }
}
