package dev.runlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the benchmarks' windows run, and the two ways they start them: {@code java -jar
 * runlens.jar} with the JVM's defaults, and the packaged window launcher ({@code bin/Runlens}) with
 * the options it was built with (a jpackage launcher takes no JVM options on its command line, so
 * the benchmark's properties reach its JVM through {@code JAVA_TOOL_OPTIONS}).
 *
 * <p>When Xvfb is installed the window runs on GTK under an Xvfb display this JVM starts once:
 * the glass platform users' windows run on, with Prism's software pipeline as on a desktop without
 * a GPU (decision 0093). Without Xvfb, or with {@code -Drunlens.bench.platform=headless}, it runs
 * on JavaFX's headless platform, whose Java loop copies every painted frame pixel by pixel, a cost
 * no user's window has. Each result line says which ({@link #platform()}).
 */
final class BenchWindow {
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Headless", "-Djava.awt.headless=true");
    private static final List<String> SOFTWARE = List.of("-Dprism.order=sw");
    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static String display;  // ":N" once Xvfb runs, "" when headless, null before the first use

    private BenchWindow() {
    }

    /** What the windows run on, for the result lines. */
    static String platform() {
        return display().isEmpty() ? "JavaFX headless platform, software rendering"
                : "GTK 3 under Xvfb, software rendering";
    }

    /** {@code java [platform] [options] -jar runlens.jar args...}; its environment from {@link #environment}. */
    static List<String> jarCommand(List<String> options, String... args) {
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.java()));
        cmd.addAll(jvmOptions(options));
        cmd.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code bin/Runlens args...}; its environment from {@link #launcherEnvironment}. */
    static List<String> launcherCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Launchers.window().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code env} plus the display, for {@link #jarCommand}. */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        if (!display().isEmpty()) {
            all.put("DISPLAY", display());
        }
        return all;
    }

    /** {@link #environment} plus {@code JAVA_TOOL_OPTIONS} with the platform's properties and {@code options}. */
    static Map<String, String> launcherEnvironment(Map<String, String> env, List<String> options) {
        return Launchers.withToolOptions(environment(env), jvmOptions(options));
    }

    private static List<String> jvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(SOFTWARE);
        if (display().isEmpty()) {
            all.addAll(HEADLESS);
        }
        // -Drunlens.bench.jvm="-XX:StartFlightRecording=..." passes options to the window (profiling).
        all.addAll(Launchers.split(System.getProperty("runlens.bench.jvm", "")));
        all.addAll(options);
        return all;
    }

    private static synchronized String display() {
        if (display == null) {
            display = "";
            if (!"headless".equals(System.getProperty("runlens.bench.platform")) && Files.isExecutable(XVFB)) {
                display = startXvfb();
            }
        }
        return display;
    }

    /** A display no other X server holds; stopped when this JVM exits. "" if Xvfb would not start. */
    private static String startXvfb() {
        for (int n = 90; n < 100; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            try {
                Process xvfb = new ProcessBuilder(XVFB.toString(), ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Runtime.getRuntime().addShutdownHook(new Thread(xvfb::destroy));
                for (int waited = 0; waited < 50 && xvfb.isAlive(); waited++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        return ":" + n;
                    }
                    Thread.sleep(100);
                }
                xvfb.destroy();
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }
}
