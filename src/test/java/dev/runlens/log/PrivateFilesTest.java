package dev.runlens.log;

import dev.runlens.Fixtures;
import dev.runlens.Main;
import dev.runlens.json.Json;
import dev.runlens.ui.connect.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recordings, exports and settings hold what runs carried: owner-only files in owner-only new folders. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aSessionLogIsOwnerOnlyAndSoAreTheFoldersMadeForIt() throws IOException {
        Path log = dir.resolve("a/b/session.runlens.jsonl");
        try (SessionLogWriter w = new SessionLogWriter(log, new SessionHeader(1, "space-operator", "ws://x", Instant.now(), "t"))) {
            w.writeFrame(Instant.now(), "{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":{}}");
        }
        assertEquals("rw-------", mode(log));
        assertEquals("rwx------", mode(dir.resolve("a")));
        assertEquals("rwx------", mode(dir.resolve("a/b")));
    }

    @Test
    void anExistingFolderIsLeftAsItIsAndAnExistingFileIsMadeOwnerOnly() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = dir.resolve("old.json");
        Files.writeString(old, "{}");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.writeString(old, "{\"new\":true}");
        assertEquals("rw-------", mode(old));
        assertEquals("{\"new\":true}", Files.readString(old));
        assertEquals("rwxr-xr-x", mode(dir));
    }

    @Test
    void everyExportFormatIsOwnerOnly() throws IOException {
        Path input = Fixtures.log(Fixtures.NAMES.get(0));
        for (String format : new String[] {"session", "summary", "csv"}) {
            Path out = dir.resolve("export/" + format + ".out");
            int status = Main.run(new String[] {"export", "--format", format, "--out", out.toString(), input.toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, status, format);
            assertEquals("rw-------", mode(out), format);
        }
        assertEquals("rwx------", mode(dir.resolve("export")));
    }

    @Test
    void settingsFilesAreOwnerOnly() throws IOException {
        Path file = dir.resolve("config/runlens/recent-connections.json");
        ConfigFiles.writeAtomically(file, Json.nodes().objectNode().put("k", "v"));
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(file.getParent()));
    }
}
