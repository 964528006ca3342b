package dev.runlens.ui.app;

import java.util.List;

/**
 * JVM options for a window's JVM, where Runlens starts that JVM itself (the {@code java -jar}
 * relaunch, {@code ./mvnw javafx:run}, the UI benchmark). Decision 0019.
 *
 * <p>A live window ({@code watch}, the dashboard) compiles with C1 only: in its first 20 seconds
 * under a fast stream, the C2 compiler took half a core of this 2-core machine and the FX and
 * render threads waited for it; C1 compiles in a fraction of the time, and a live window's work
 * (a few microseconds an event) has ample room for C1's slower code. Replaying a file
 * ({@code open}) keeps the default tiered compilation: indexing a million events is throughput.
 */
public final class WindowJvm {
    static final List<String> LIVE = List.of("-XX:TieredStopAtLevel=1");

    private WindowJvm() {
    }

    /** The options for a window started with {@code args} (no arguments: the dashboard). */
    public static List<String> options(String[] args) {
        String command = args.length == 0 ? "dashboard" : args[0];
        return "open".equals(command) ? List.of() : LIVE;
    }
}
