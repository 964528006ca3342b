package dev.runlens.ui.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderingPipelineTest {

    @Test
    void softwareOnlyOnLinuxWithoutAGpuDeviceAndNeverOverAnExplicitChoice() {
        assertEquals("sw", RenderingPipeline.choice(null, "Linux", false));
        assertEquals("sw", RenderingPipeline.choice(" ", "Linux", false));
        assertNull(RenderingPipeline.choice(null, "Linux", true));
        assertNull(RenderingPipeline.choice("es2", "Linux", false));
        assertNull(RenderingPipeline.choice(null, "Mac OS X", false));
        assertNull(RenderingPipeline.choice(null, "Windows 11", false));
    }

    @Test
    void regionCachingIsOffOnlyForTheSoftwareRendererAndNeverOverAnExplicitChoice() {
        assertTrue(RenderingPipeline.regionCachingOff("sw", null));
        assertTrue(RenderingPipeline.regionCachingOff(" sw,es2", ""));
        assertFalse(RenderingPipeline.regionCachingOff("es2,sw", null));
        assertFalse(RenderingPipeline.regionCachingOff(null, null));
        assertFalse(RenderingPipeline.regionCachingOff("d3d", null));
        assertFalse(RenderingPipeline.regionCachingOff("sw", "false"));
    }

    @Test
    void choosingSetsTheCacheSwitchWithTheSoftwareRenderer() {
        String order = System.getProperty(RenderingPipeline.PROPERTY);
        String caching = System.getProperty(RenderingPipeline.REGION_CACHING);
        try {
            System.setProperty(RenderingPipeline.PROPERTY, "sw");
            System.clearProperty(RenderingPipeline.REGION_CACHING);
            RenderingPipeline.choose();
            assertEquals("true", System.getProperty(RenderingPipeline.REGION_CACHING));
            System.setProperty(RenderingPipeline.REGION_CACHING, "false");
            RenderingPipeline.choose();
            assertEquals("false", System.getProperty(RenderingPipeline.REGION_CACHING));
        } finally {
            restore(RenderingPipeline.PROPERTY, order);
            restore(RenderingPipeline.REGION_CACHING, caching);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
