package dev.runlens.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks JavaFX's software renderer up front on a Linux desktop that has no GPU device. JavaFX
 * would find out by itself, but only after loading and probing OpenGL, which costs about half a
 * second of start-up on such machines (virtual machines, remote desktops, Xvfb). An explicit
 * {@code -Dprism.order} always wins. Decision 0011.
 */
final class RenderingPipeline {
    static final String PROPERTY = "prism.order";

    private RenderingPipeline() {
    }

    static void choose() {
        String chosen = choice(System.getProperty(PROPERTY), System.getProperty("os.name", ""), Files.isDirectory(Path.of("/dev/dri")));
        if (chosen != null) {
            System.setProperty(PROPERTY, chosen);
        }
    }

    /** The pipeline to set, or null to leave JavaFX's own choice. */
    static String choice(String explicit, String osName, boolean gpuDevice) {
        if (explicit != null && !explicit.isBlank()) {
            return null;
        }
        return osName.startsWith("Linux") && !gpuDevice ? "sw" : null;
    }
}
