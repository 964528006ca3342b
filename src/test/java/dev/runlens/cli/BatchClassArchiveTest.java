package dev.runlens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchClassArchiveTest {
    private static final Path JAVA_HOME = Path.of("/opt/jdk");

    @TempDir
    Path dir;

    private Path jar() throws Exception {
        Path jar = dir.resolve("runlens.jar");
        Files.write(jar, new byte[]{'P', 'K', 3, 4});
        return jar;
    }

    @Test
    void theFirstRelaunchWritesTheArchiveAndLaterOnesMapIt() throws Exception {
        Path cache = dir.resolve("cache");
        Path jar = jar();
        BatchClassArchive first = BatchClassArchive.of(jar.toString(), JAVA_HOME, "17.0.15", cache, 42);
        assertNotNull(first);
        assertNotNull(first.dumpTo());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + first.dumpTo(), "-Xlog:disable", "-Xlog:all=error:stderr"),
                first.options());
        assertTrue(first.prepare());
        Files.write(first.dumpTo(), new byte[]{1, 2, 3});  // what the JVM writes at exit
        first.finish(0);
        assertTrue(Files.isRegularFile(first.archive()));
        assertFalse(Files.exists(first.dumpTo()));

        BatchClassArchive later = BatchClassArchive.of(jar.toString(), JAVA_HOME, "17.0.15", cache, 43);
        assertNull(later.dumpTo());
        assertEquals("-XX:SharedArchiveFile=" + first.archive(), later.options().get(0));
        later.finish(0);
        assertTrue(Files.isRegularFile(first.archive()), "mapping an archive leaves it in place");
    }

    @Test
    void aFailedCommandLeavesNoArchive() throws Exception {
        BatchClassArchive a = BatchClassArchive.of(jar().toString(), JAVA_HOME, "17", dir.resolve("cache"), 1);
        assertTrue(a.prepare());
        Files.write(a.dumpTo(), new byte[]{1});
        a.finish(2);
        assertFalse(Files.exists(a.archive()));
        assertFalse(Files.exists(a.dumpTo()));
        a.finish(0);  // nothing written: nothing kept, no failure
        assertFalse(Files.exists(a.archive()));
    }

    @Test
    void aNewJarOrJdkGetsItsOwnArchiveAndReplacesOnlyOlderBatchArchives() throws Exception {
        Path cache = dir.resolve("cache");
        Path jar = jar();
        BatchClassArchive old = BatchClassArchive.of(jar.toString(), JAVA_HOME, "17", cache, 1);
        assertNotEquals(old.archive(), BatchClassArchive.of(jar.toString(), JAVA_HOME, "21", cache, 1).archive());
        Files.write(jar, new byte[]{'P', 'K', 3, 4, 0});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        BatchClassArchive rebuilt = BatchClassArchive.of(jar.toString(), JAVA_HOME, "17", cache, 1);
        assertNotEquals(old.archive(), rebuilt.archive());

        Files.createDirectories(cache);
        Files.write(old.archive(), new byte[]{1});
        Path window = cache.resolve("runlens-1234.jsa");      // the window's archive (decision 0016)
        Path writing = cache.resolve("batch-99.jsa.tmp777");  // another command writing right now
        Files.write(window, new byte[]{1});
        Files.write(writing, new byte[]{1});
        Files.write(rebuilt.dumpTo(), new byte[]{1, 2});
        rebuilt.finish(0);
        assertTrue(Files.isRegularFile(rebuilt.archive()));
        assertFalse(Files.exists(old.archive()), "the older jar's batch archive is replaced");
        assertTrue(Files.exists(window));
        assertTrue(Files.exists(writing));
    }

    @Test
    void onlyForAClassPathThatIsOneJar() throws Exception {
        Path cache = dir.resolve("cache");
        assertNull(BatchClassArchive.of(dir.toString(), JAVA_HOME, "17", cache, 1), "a directory");
        assertNull(BatchClassArchive.of(jar() + File.pathSeparator + dir, JAVA_HOME, "17", cache, 1), "several entries");
        assertNull(BatchClassArchive.of(dir.resolve("missing.jar").toString(), JAVA_HOME, "17", cache, 1), "no such jar");
        assertNull(BatchClassArchive.of(jar().toString(), JAVA_HOME, "17", null, 1), "no cache folder");
        assertNull(BatchClassArchive.of(null, JAVA_HOME, "17", cache, 1));
    }

    @Test
    void theOptionsFollowTheExecutable() throws Exception {
        BatchClassArchive a = BatchClassArchive.of(jar().toString(), JAVA_HOME, "17", dir.resolve("cache"), 1);
        List<String> command = List.of("/opt/jdk/bin/java", "-XX:+UseSerialGC", "-cp", "runlens.jar", "dev.runlens.Main");
        List<String> with = BatchRelaunch.withArchive(command, a);
        assertEquals("/opt/jdk/bin/java", with.get(0));
        assertEquals(a.options(), with.subList(1, 4));
        assertEquals(List.of("-XX:+UseSerialGC", "-cp", a.jar().toString(), "dev.runlens.Main"), with.subList(4, with.size()));
        assertTrue(a.jar().isAbsolute());
    }

    @Test
    void theCacheFolderIsTheWindowsOne() {
        assertEquals(Path.of("/x/cache", "runlens", "cds"), BatchClassArchive.cacheDir(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u"));
        assertEquals(Path.of("/home/u", ".cache", "runlens", "cds"), BatchClassArchive.cacheDir(Map.of("XDG_CACHE_HOME", "rel"), "/home/u"));
        assertNull(BatchClassArchive.cacheDir(Map.of(), ""));
    }
}
