package dev.runlens.ui.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preload list is there and still names the classes this build has. */
class ClassPreloaderTest {

    @Test
    void theListNamesClassesOfThisBuildAndLoadsThem() throws IOException {
        List<String> names;
        try (InputStream in = ClassPreloader.class.getResourceAsStream(ClassPreloader.LIST)) {
            assertNotNull(in, "the preload list is packaged next to the class");
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertTrue(names.contains(Dashboard.class.getName()), "the window's own classes are listed");
        int loaded = ClassPreloader.loadAll();
        // A few entries may go stale between refreshes of the list; most must still be real classes,
        // or the list no longer describes this build and should be regenerated (decision 0015).
        assertTrue(loaded >= names.size() * 0.95, loaded + " of " + names.size() + " listed classes loaded");
    }
}
