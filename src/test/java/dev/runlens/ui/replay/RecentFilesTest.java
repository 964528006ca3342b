package dev.runlens.ui.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentFilesTest {
    @TempDir
    Path dir;

    @Test
    void newestFirstOnceEachAtMostTen() throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("cfg/recent-files.json"));
        assertTrue(recent.load().isEmpty());
        for (int i = 0; i < 12; i++) {
            recent.remember(dir.resolve("log" + i + ".jsonl"));
        }
        recent.remember(dir.resolve("log5.jsonl"));
        List<Path> files = recent.load();
        assertEquals(RecentFiles.MAX, files.size());
        assertEquals(dir.resolve("log5.jsonl"), files.get(0));
        assertEquals(dir.resolve("log11.jsonl"), files.get(1));
        assertEquals(1, files.stream().filter(p -> p.endsWith("log5.jsonl")).count());
    }

    @Test
    void aDamagedListCountsAsEmpty() throws Exception {
        Path file = dir.resolve("recent-files.json");
        Files.writeString(file, "{not json");
        RecentFiles recent = new RecentFiles(file);
        assertTrue(recent.load().isEmpty());
        recent.remember(dir.resolve("x.jsonl"));
        assertEquals(List.of(dir.resolve("x.jsonl")), recent.load());
    }
}
