package dev.runlens.bench;

import java.util.ArrayList;
import java.util.List;

/** A command line for a child JVM that runs the window headless (Monocle, software rendering). */
final class HeadlessJava {
    private HeadlessJava() {
    }

    static List<String> command(String... mainAndArgs) {
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dheadless.geometry=1920x1200-32",
                "-Djava.awt.headless=true"));
        // -Drunlens.bench.jvm="-XX:StartFlightRecording=..." passes options to the child (profiling).
        String extra = System.getProperty("runlens.bench.jvm", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of(mainAndArgs));
        return cmd;
    }
}
