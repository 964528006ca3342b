package dev.runlens.ui.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
