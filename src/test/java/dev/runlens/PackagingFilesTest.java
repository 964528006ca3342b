package dev.runlens;

import dev.runlens.log.LogFormat;
import dev.runlens.log.LogReader;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionLogWriter;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files under packaging/ and assets/ agree with each other and with what Runlens writes. */
class PackagingFilesTest {
    private static final Path LINUX = Path.of("packaging/linux");
    private static final String MIME = "application/x-runlens-session";

    @TempDir
    Path tmp;

    private static Element mimeType() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(LINUX.resolve("share/runlens-session.xml").toFile());
        NodeList types = doc.getElementsByTagNameNS("*", "mime-type");
        assertEquals(1, types.getLength());
        return (Element) types.item(0);
    }

    private static List<String> attributes(Element parent, String tag, String attribute) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    private static Map<String, String> desktopEntry(Path file) throws Exception {
        Map<String, String> entry = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("[Desktop Entry]", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            int eq = line.indexOf('=');
            assertTrue(eq > 0, file + ": not a key=value line: " + line);
            entry.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return entry;
    }

    @Test
    void mimeMagicIsHowEverySessionLogBegins() throws Exception {
        List<String> magic = attributes(mimeType(), "match", "value");
        assertEquals(1, magic.size());
        Path log = tmp.resolve("any-name.jsonl");
        new SessionLogWriter(log, new SessionHeader(1, "lyzr", "wss://example.invalid/ws", Instant.EPOCH, null)).close();
        String written = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(written.startsWith(magic.get(0)), written);
    }

    @Test
    void fileAssociationAndMimeInfoNameTheSameTypeAndGlobs() throws Exception {
        Properties fa = new Properties();
        try (Reader in = Files.newBufferedReader(LINUX.resolve("session-log.properties"))) {
            fa.load(in);
        }
        Element type = mimeType();
        assertEquals(MIME, fa.getProperty("mime-type"));
        assertEquals(MIME, type.getAttribute("type"));
        List<String> globs = Arrays.stream(fa.getProperty("extension").split("\\s+")).map(e -> "*." + e).toList();
        assertEquals(globs, attributes(type, "glob", "pattern"));
        assertTrue(Files.isRegularFile(Path.of(fa.getProperty("icon"))), fa.getProperty("icon"));
    }

    @Test
    void doubleClickedLogOpensInRunlensWhileTheMenuEntryOpensTheDashboard() throws Exception {
        Map<String, String> handler = desktopEntry(LINUX.resolve("share/runlens-open.desktop"));
        assertEquals(MIME + ";", handler.get("MimeType"));
        assertEquals("/opt/runlens/bin/Runlens open %f", handler.get("Exec"));
        assertEquals("true", handler.get("NoDisplay"));
        assertEquals("Application", handler.get("Type"));

        Map<String, String> menu = desktopEntry(LINUX.resolve("resources/Runlens.desktop"));
        assertEquals("APPLICATION_LAUNCHER", menu.get("Exec"));
        assertFalse(menu.containsKey("MimeType"), "the menu entry would be offered for logs and ignore the file");
    }

    /** jpackage replaces these words wherever they stand, comments included, with lines of commands. */
    private static final List<String> PLACEHOLDERS = List.of("DESKTOP_COMMANDS_INSTALL", "DESKTOP_COMMANDS_UNINSTALL",
            "COMMON_SCRIPTS", "DESKTOP_SCRIPTS");

    @ParameterizedTest
    @ValueSource(strings = {"postinst", "prerm"})
    void maintainerScriptKeepsJpackagesStepsAndIsValidShell(String name) throws Exception {
        String script = Files.readString(LINUX.resolve("resources/" + name), StandardCharsets.UTF_8);
        String expanded = script;
        for (String placeholder : PLACEHOLDERS) {
            int count = script.split(placeholder, -1).length - 1;
            if (count > 0) {
                assertEquals(1, count, placeholder + " may only stand on its own line, once");
                assertTrue(script.contains("\n" + placeholder + "\n"), placeholder + " is not on its own line");
                expanded = expanded.replace(placeholder, "true\ntrue");
            }
        }
        assertTrue(script.contains(name.equals("postinst") ? "\nDESKTOP_COMMANDS_INSTALL\n" : "\nDESKTOP_COMMANDS_UNINSTALL\n"));
        // JDK 17's name for the helpers; JDK 25's jpackage leaves it as it stands, a command that fails.
        assertFalse(script.contains("UTILITY_SCRIPTS"), "UTILITY_SCRIPTS is not replaced by JDK 25's jpackage");
        if (script.contains("desktop_uninstall_default_mime_handler")) {
            assertTrue(script.contains("\nDESKTOP_SCRIPTS\n"), "the helpers the script calls are not defined");
        }
        for (String shared : List.of("runlens-open.desktop", "runlens-session.xml")) {
            assertTrue(script.contains("/opt/runlens/lib/app/share/" + shared), shared);
            assertTrue(Files.isRegularFile(LINUX.resolve("share/" + shared)), shared);
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, expanded, StandardCharsets.UTF_8);
        Process check = new ProcessBuilder("sh", "-n", file.toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), out);
    }

    @Test
    void theDebLinksTheCommandLineLauncherOnThePathAndRemovesOnlyItsOwnLink() throws Exception {
        String postinst = Files.readString(LINUX.resolve("resources/postinst"), StandardCharsets.UTF_8);
        String prerm = Files.readString(LINUX.resolve("resources/prerm"), StandardCharsets.UTF_8);
        assertTrue(postinst.contains("\n        ln -sf /opt/runlens/bin/runlens-cli /usr/bin/runlens\n"), postinst);
        assertTrue(prerm.contains("if [ \"$(readlink /usr/bin/runlens)\" = /opt/runlens/bin/runlens-cli ]; then\n"
                + "            rm -f /usr/bin/runlens\n"), prerm);
        assertTrue(postinst.contains("ln -sf /opt/runlens/lib/app/share/runlens.bash-completion"
                + " /usr/share/bash-completion/completions/runlens\n"), postinst);
        assertTrue(prerm.contains("if [ \"$(readlink /usr/share/bash-completion/completions/runlens)\" = "
                + "/opt/runlens/lib/app/share/runlens.bash-completion ]; then\n"
                + "            rm -f /usr/share/bash-completion/completions/runlens\n"), prerm);
        // The link's target is the launcher build.xml adds under that name.
        String build = Files.readString(Path.of("packaging/build.xml"), StandardCharsets.UTF_8);
        assertTrue(build.contains("<arg value=\"runlens-cli=${work}/runlens-cli.properties\"/>"), "no runlens-cli launcher");
        // Both launchers are the script that asks no package manager (decisions 0070, 0071).
        for (String launcher : List.of("Runlens", "runlens-cli")) {
            assertTrue(build.contains("<copy file=\"${linux}/launcher.sh\" tofile=\"${app.dir}/bin/" + launcher + "\" overwrite=\"true\"/>"),
                    launcher + " is not the launcher script");
        }
    }

    @Test
    void postinstGivesTheInstalledJarTheModificationTimeTheAotCachesWereTrainedWith() throws Exception {
        String build = Files.readString(Path.of("packaging/build.xml"), StandardCharsets.UTF_8);
        Matcher mtime = Pattern.compile("<property name=\"aot.jar.mtime.seconds\" value=\"(\\d+)\"/>").matcher(build);
        assertTrue(mtime.find(), "build.xml sets no aot.jar.mtime.seconds");
        assertTrue(build.contains("<touch file=\"${app.jar}\" millis=\"${aot.jar.mtime.seconds}000\"/>"), "the jar is not touched before training");
        String postinst = Files.readString(LINUX.resolve("resources/postinst"), StandardCharsets.UTF_8);
        assertTrue(postinst.contains("\n        touch -d @" + mtime.group(1) + " /opt/runlens/lib/app/runlens.jar\n"), postinst);
        // Each launcher names the cache its training run writes.
        for (String cache : List.of("runlens-window.aot", "runlens-cli.aot")) {
            assertTrue(build.contains("-XX:AOTCache=$APPDIR/" + cache), cache);
            assertTrue(build.contains("-XX:AOTCacheOutput=${app.dir}/lib/app/" + cache), cache);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256, 512})
    void iconIsAPngOfItsSize(int size) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("assets/icons/runlens-" + size + ".png"));
             DataInputStream data = new DataInputStream(in)) {
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, data.readNBytes(8));
            data.readInt();
            assertEquals("IHDR", new String(data.readNBytes(4), StandardCharsets.US_ASCII));
            assertEquals(size, data.readInt(), "width");
            assertEquals(size, data.readInt(), "height");
        }
    }

    @Test
    void demoSessionLogHasASucceededAFailedAndARunningRun() throws Exception {
        Path demo = Path.of("assets/demo-session.runlens.jsonl");
        assertEquals(LogFormat.SESSION, LogReader.open(demo).format());
        SummaryBuilder summary = new SummaryBuilder();
        summary.add(demo);
        assertEquals(0, summary.stats().malformed());
        assertEquals(List.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.RUNNING),
                summary.model().runs().stream().map(Run::status).toList());
        assertTrue(summary.model().runs().stream().allMatch(r -> r.executions().size() >= 2));
    }

    /**
     * The command-line cache is trained on the demo session repeated (build.xml concatenates it):
     * such a log must read as the demo does, every frame decoded and no line damaged, or the
     * training would profile the error paths instead of the summary's.
     */
    @Test
    void theDemoSessionRepeatedReadsCleanlyForTheCliTraining(@TempDir Path dir) throws Exception {
        Path demo = Path.of("assets/demo-session.runlens.jsonl");
        Path repeated = dir.resolve("demo-x3.jsonl");
        byte[] once = Files.readAllBytes(demo);
        Files.write(repeated, concat(once, concat(once, once)));
        SummaryBuilder single = new SummaryBuilder();
        single.add(demo);
        SummaryBuilder triple = new SummaryBuilder();
        triple.add(repeated);
        assertEquals(3 * single.stats().total(), triple.stats().total());
        assertEquals(0, triple.stats().malformed());
        assertEquals(List.of(), triple.problems());
        String build = Files.readString(Path.of("packaging/build.xml"), StandardCharsets.UTF_8);
        assertTrue(build.contains("summary --json demo-x400.jsonl"), "the CLI training does not read the long log");
        assertTrue(build.contains("<arg value=\"dev.runlens.sim.CliTraining\"/>"), "the CLI training does not record a firehose");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
