package dev.runlens.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks JavaFX's software renderer up front on a Linux desktop that has no GPU device. JavaFX
 * would find out by itself, but only after loading and probing OpenGL, which costs about half a
 * second of start-up on such machines (virtual machines, remote desktops, Xvfb). An explicit
 * {@code -Dprism.order} always wins. Decision 0011.
 *
 * <p>With the software renderer, region backgrounds are drawn directly rather than from JavaFX's
 * cache of background images: the software renderer stretches a cached image pixel by pixel,
 * which was most of its time per frame (decision 0022). Only when nobody set
 * {@code -Dprism.disableRegionCaching}.
 */
final class RenderingPipeline {
    static final String PROPERTY = "prism.order";
    static final String REGION_CACHING = "prism.disableRegionCaching";

    private RenderingPipeline() {
    }

    static void choose() {
        String chosen = choice(System.getProperty(PROPERTY), System.getProperty("os.name", ""), Files.isDirectory(Path.of("/dev/dri")));
        if (chosen != null) {
            System.setProperty(PROPERTY, chosen);
        }
        if (regionCachingOff(System.getProperty(PROPERTY), System.getProperty(REGION_CACHING))) {
            System.setProperty(REGION_CACHING, "true");
        }
    }

    /**
     * Whether to turn JavaFX's region background cache off: when the software renderer comes first
     * in {@code prism.order} and nobody chose about the cache.
     */
    static boolean regionCachingOff(String order, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return false;
        }
        return order != null && order.trim().startsWith("sw");
    }

    /** The pipeline to set, or null to leave JavaFX's own choice. */
    static String choice(String explicit, String osName, boolean gpuDevice) {
        if (explicit != null && !explicit.isBlank()) {
            return null;
        }
        return osName.startsWith("Linux") && !gpuDevice ? "sw" : null;
    }
}
