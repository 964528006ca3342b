package dev.runlens.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the window relaunches itself with the class archive, and with what command line. */
class SharedClassesRelaunchTest {
    @TempDir
    Path dir;
    private final Path javaHome = Path.of(System.getProperty("java.home"));

    @Test
    void theFirstStartWritesTheArchiveAndLaterStartsMapIt() throws Exception {
        Path jar = Files.write(dir.resolve("runlens.jar"), new byte[] {1, 2, 3});
        Path cache = dir.resolve("cache");
        SharedClassesRelaunch.Plan first = SharedClassesRelaunch.plan(List.of("-Dx=1", "-jar", jar.toString()),
                new String[] {"open", "a.jsonl"}, Map.of(), javaHome, "17", cache);
        assertNotNull(first);
        assertNotNull(first.dumpTo());
        assertEquals(cache, first.archive().getParent());
        List<String> c = first.command();
        assertEquals(javaHome.resolve("bin").resolve("java").toString(), c.get(0));
        assertEquals("-XX:ArchiveClassesAtExit=" + first.dumpTo(), c.get(1));
        assertTrue(c.indexOf("-Dx=1") < c.indexOf("-jar"), "the user's -D options stay JVM options");
        assertEquals(List.of("-jar", jar.toAbsolutePath().toString(), "open", "a.jsonl"), c.subList(c.size() - 4, c.size()));
        assertEquals(c.indexOf("-jar"), first.markerAt(), "the parent's start goes right before -jar");

        Files.createDirectories(cache);
        Files.write(first.archive(), new byte[] {9});
        SharedClassesRelaunch.Plan later = SharedClassesRelaunch.plan(List.of("-jar", jar.toString()), new String[0],
                Map.of(), javaHome, "17", cache);
        assertNull(later.dumpTo());
        assertEquals("-XX:SharedArchiveFile=" + first.archive(), later.command().get(1));
        // A live window (the dashboard, watch) compiles with C1 only; a replay keeps tiered compilation.
        assertTrue(later.command().contains("-XX:TieredStopAtLevel=1"), later.command().toString());
        assertTrue(SharedClassesRelaunch.plan(List.of("-jar", jar.toString()), new String[] {"watch", "--url", "ws://x"},
                Map.of(), javaHome, "17", cache).command().contains("-XX:TieredStopAtLevel=1"));
        assertFalse(c.contains("-XX:TieredStopAtLevel=1"), "open: " + c);

        // Another build of the jar (or another JDK) has its own archive.
        Files.write(jar, new byte[] {1, 2, 3, 4});
        SharedClassesRelaunch.Plan rebuilt = SharedClassesRelaunch.plan(List.of("-jar", jar.toString()), new String[0],
                Map.of(), javaHome, "17", cache);
        assertNotNull(rebuilt.dumpTo());
        assertTrue(!rebuilt.archive().equals(first.archive()));
        SharedClassesRelaunch.Plan otherJdk = SharedClassesRelaunch.plan(List.of("-jar", jar.toString()), new String[0],
                Map.of(), javaHome, "21", cache);
        assertTrue(!otherJdk.archive().equals(rebuilt.archive()));
    }

    @Test
    void nobodysChoiceIsOverruled() throws Exception {
        Path jar = Files.write(dir.resolve("runlens.jar"), new byte[] {1});
        Path cache = dir.resolve("cache");
        String[] none = new String[0];
        assertNull(SharedClassesRelaunch.plan(List.of("-Xmx2g", "-jar", jar.toString()), none, Map.of(), javaHome, "17", cache),
                "a tuned JVM is left alone");
        assertNull(SharedClassesRelaunch.plan(List.of("-cp", jar.toString(), "dev.runlens.Main"), none, Map.of(), javaHome, "17", cache),
                "started from a class path (javafx:run, the packaged launcher)");
        assertNull(SharedClassesRelaunch.plan(List.of("-jar", jar.toString()), none, Map.of("RUNLENS_RELAUNCH", "0"), javaHome, "17", cache));
        assertNull(SharedClassesRelaunch.plan(List.of("-jar", jar.toString()), none, Map.of("JAVA_TOOL_OPTIONS", "-Xss2m"), javaHome, "17", cache));
        assertNull(SharedClassesRelaunch.plan(List.of("-jar", dir.resolve("gone.jar").toString()), none, Map.of(), javaHome, "17", cache));
        assertNull(SharedClassesRelaunch.plan(List.of("-jar", jar.toString()), none, Map.of(), dir, "17", cache),
                "a runtime without bin/java");
        assertNull(SharedClassesRelaunch.plan(null, none, Map.of(), javaHome, "17", cache));
    }

    @Test
    void theCacheFollowsXdg() {
        assertEquals(Path.of("/x/cache", "runlens", "cds"), SharedClassesRelaunch.cacheDir(Map.of("XDG_CACHE_HOME", "/x/cache")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "runlens", "cds"),
                SharedClassesRelaunch.cacheDir(Map.of("XDG_CACHE_HOME", "relative")));
    }
}
